import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const entry = (app: string) => join(root, 'dist', 'apps', app, 'src', 'main.js');

/** Runs a built entry point with only the given environment (plus PATH), as a user would. */
function run(app: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [entry(app)], {
    cwd: join(root, 'test'), // no .env file here
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
}

describe('process start-up', () => {
  beforeAll(() => {
    if (!existsSync(entry('api'))) {
      throw new Error('dist/ is missing: run `npm run build` first (npm test does it for you)');
    }
  });

  it.each(['api', 'worker'])(
    'the %s refuses to start with bad configuration, one line per variable',
    (app) => {
      const result = run(app, {
        NODE_ENV: 'production',
        JWT_SECRET: 'short',
        PORT: 'http',
        FIRM_TIMEZONE: 'Nowhere/City',
      });
      expect(result.status).toBe(1);
      const lines = result.stderr.trim().split('\n');
      expect(lines[0]).toBe('PermitDesk cannot start: Invalid configuration:');
      const named = lines
        .slice(1)
        .map((l) => l.trim().replace(/^- /, '').split(' ')[0])
        .sort();
      expect(named).toEqual(['DATA_ENCRYPTION_KEY', 'FIRM_TIMEZONE', 'JWT_SECRET', 'PORT']);
      expect(result.stderr).not.toContain('short');
    },
  );

  it('the CLI explains its commands', () => {
    const result = spawnSync(process.execPath, [entry('cli'), 'help'], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('create-user --email E --name N --role admin|consultant|assistant');
  });
});
