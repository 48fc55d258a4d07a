import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StaffRole } from '@app/auth';
import { createTestApp, testVariables, type TestApp } from '../support/test-app';

/** The CLI as `npm run cli` runs it (built by `npm run build`). */
const CLI_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'cli', 'src', 'main.js');

function cli(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [CLI_MAIN, ...args], {
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 30000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('the built CLI', () => {
  it('check-reference-data exits 1 while a row is past review, 0 when none is (--today)', () => {
    const past = cli(['check-reference-data', '--today', '2026-12-04']);
    expect(past.status).toBe(1);
    expect(past.stdout).toMatch(/reference rows are past their review date \(today 2026-12-04\)/);
    expect(past.stdout).toContain('PAST  shipped refused-CMA list 2025-07-11 to 2025-10-09');

    const none = cli(['check-reference-data', '--today', '2025-01-01']);
    expect([none.status, none.stdout]).toEqual([
      0,
      expect.stringMatching(/^All \d+ reference rows are within their review date/),
    ]);

    expect(cli(['check-reference-data', '--today', 'soon']).status).toBe(2);
  });

  describe('import-refused-areas', () => {
    let t: TestApp;
    let dir: string;
    beforeAll(async () => {
      t = await createTestApp();
      dir = mkdtempSync(join(tmpdir(), 'permitdesk-cma-'));
    });
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true });
      await t.close();
    });

    it('stores a quarter from a CSV file, which staff then read through the API', async () => {
      const file = join(dir, 'q4.csv');
      writeFileSync(file, 'name,province_code,unemployment_rate\nWindsor,ON,10.2\nToronto,ON,8.1\n');
      const source =
        'https://www.canada.ca/en/employment-social-development/services/foreign-workers/median-wage/low/refusal.html';
      const env = testVariables(t.database);
      const done = cli(
        ['import-refused-areas', file, '--from', '2026-10-10', '--to', '2027-01-08', '--source', source],
        env,
      );
      expect([done.status, done.stderr]).toEqual([0, '']);
      expect(done.stdout).toContain('Stored 2 CMA(s) for 2026-10-10 to 2027-01-08: Toronto, Windsor');

      const staff = await t.signedInAs(StaffRole.Consultant);
      const res = await staff.get('/api/reference/lmia-refused-areas').expect(200);
      expect(res.body.lists[0]).toMatchObject({
        effectiveFrom: '2026-10-10',
        source,
        updatedById: null,
        areas: [{ name: 'Toronto' }, { name: 'Windsor' }],
      });

      const bad = cli(
        ['import-refused-areas', file, '--from', '2026-10-10', '--source', 'http://insecure.example'],
        env,
      );
      expect([bad.status, bad.stderr]).toEqual([
        1,
        expect.stringContaining('source must be the https address'),
      ]);
    });
  });
});
