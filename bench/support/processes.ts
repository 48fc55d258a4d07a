import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, relative } from 'node:path';

/** The repository root (this file is compiled to dist/bench/support). */
export const ROOT = join(__dirname, '..', '..', '..');

export function builtMain(app: 'api' | 'worker'): string {
  return join(ROOT, 'dist', 'apps', app, 'src', 'main.js');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * The node flags an npm script of package.json starts this built file with (`"start:api": "node --flag …
 * dist/apps/api/src/main.js"`), so the benchmark runs each app as production does.
 */
function productionNodeFlags(script: string): string[] {
  const path = relative(ROOT, script);
  const scripts = (
    JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  for (const command of Object.values(scripts)) {
    const match = /^node((?: --\S+)*) (\S+)$/.exec(command);
    if (match && match[2] === path) {
      return match[1].split(' ').filter(Boolean);
    }
  }
  return [];
}

export interface Started {
  child: ChildProcess;
  /** Output the process printed so far (for error messages). */
  output(): string;
  stop(): Promise<void>;
}

/**
 * Starts `node <script>` (with the flags its npm start script gives it) with `env` and waits until GET
 * `healthUrl` answers 2xx (60 s at most).
 */
export async function startNode(
  script: string,
  env: NodeJS.ProcessEnv,
  healthUrl: string,
  args: string[] = [],
): Promise<Started> {
  const child = spawn(process.execPath, [...productionNodeFlags(script), script, ...args], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const started: Started = {
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
    },
  };
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`${script} exited with ${child.exitCode}:\n${output}`);
    }
    try {
      const res = await fetch(healthUrl);
      if (res.ok) {
        return started;
      }
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  await started.stop();
  throw new Error(`${script} did not answer ${healthUrl} within 60 s:\n${output}`);
}

/** Resident memory of a process, in bytes (Linux /proc). */
export function residentBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+) kB/.exec(status);
  return kb ? Number(kb[1]) * 1024 : NaN;
}
