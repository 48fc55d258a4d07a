import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { createApiClient, unwrap } from '@app/api-client';
import type { BenchContext, SeedInfo } from '../support/context';
import { builtMain, freePort, startNode, type Started } from '../support/processes';
import type { Scenario } from './scenarios';

export type ServerName = 'API' | 'bare';

export interface Server {
  name: ServerName;
  origin: string;
  process: Started;
}

/**
 * The API and the bare server, each its own process, started once and left running for every scenario.
 * `apiEnv` adds to the API's environment (a CPU profile's flags).
 */
export async function startServers(
  ctx: BenchContext,
  started: Started[],
  apiEnv: Record<string, string> = {},
): Promise<[Server, Server]> {
  const apiPort = await freePort();
  const apiOrigin = `http://127.0.0.1:${apiPort}`;
  ctx.log('api: starting the API and the bare server');
  const api = await startNode(
    builtMain('api'),
    ctx.appEnv({ PORT: String(apiPort), ...apiEnv }),
    `${apiOrigin}/api/health`,
  );
  started.push(api);
  const barePort = await freePort();
  const bareOrigin = `http://127.0.0.1:${barePort}`;
  const bare = await startNode(
    join(__dirname, 'bare-server.js'),
    {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      PORT: String(barePort),
      DATABASE_URL: ctx.databaseUrl,
    },
    `${bareOrigin}/api/health`,
  );
  started.push(bare);
  return [
    { name: 'API', origin: apiOrigin, process: api },
    { name: 'bare', origin: bareOrigin, process: bare },
  ];
}

export async function signIn(origin: string, seed: SeedInfo): Promise<string> {
  const api = createApiClient({ baseUrl: origin });
  const body = { email: seed.adminEmail, password: seed.password };
  return (await unwrap(api.POST('/api/auth/login', { body }))).accessToken;
}

/** The first request of each scenario on each server must succeed, else the loads would measure errors. */
export async function probe(
  list: Scenario[],
  servers: Server[],
  headers: Record<string, string>,
): Promise<void> {
  for (const scenario of list) {
    const request = scenario.source('measured')();
    if (!request) {
      continue;
    }
    for (const server of servers) {
      const res = await fetch(`${server.origin}${request.path}`, {
        method: request.method,
        headers,
        body: request.body,
      });
      if (!res.ok) {
        throw new Error(
          `${scenario.name}: ${request.method} ${request.path} on ${server.name} answered ${res.status}: ${(await res.text()).slice(0, 500)}`,
        );
      }
      await res.arrayBuffer();
    }
  }
}

/** CPU time (user + system, in clock ticks) a process has used so far (Linux /proc). */
function cpuTicks(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/**
 * Waits until the server process uses almost no CPU and no query of another connection is running in the
 * database, twice in a row 250 ms apart (30 s at most).
 */
export async function waitUntilQuiet(server: Server, db: Pool): Promise<void> {
  const pid = server.process.child.pid as number;
  const deadline = Date.now() + 30_000;
  let quietTimes = 0;
  let ticks = cpuTicks(pid);
  while (quietTimes < 2 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    const now = cpuTicks(pid);
    const { rows } = await db.query<{ active: number }>(
      `SELECT count(*)::int AS active FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND state = 'active'
         AND pid <> pg_backend_pid()`,
    );
    // 2 ticks in 250 ms: under 10 % of a core at the usual 100 ticks per second.
    quietTimes = now - ticks <= 2 && rows[0].active === 0 ? quietTimes + 1 : 0;
    ticks = now;
  }
}
