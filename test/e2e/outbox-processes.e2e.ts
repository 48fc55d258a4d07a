import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { StaffRole, type UserEntity } from '@app/auth';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, testVariables, type TestApp } from '../support/test-app';
import { consultationType, LIFTED_BOOKING_LIMITS, setHours } from '../support/bookable';
import { freePort } from '../support/free-port';

const STANDALONE_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'standalone', 'src', 'main.js');
/** Generous: on a loaded 2-core machine a Nest process takes seconds to boot. */
const SLOW = 60_000;
jest.setTimeout(4 * SLOW);

const BOOKINGS = 6;
/** Short timings: a killed process's job locks expire in a second, the sweep runs every second. */
const ACK_WINDOW_MS = 3000;
const FAST = {
  EMAIL_ACK_WINDOW_MS: String(ACK_WINDOW_MS),
  EMAIL_BACKOFF_MS: '200',
  REMINDER_SWEEP_MS: '1000',
  REMINDER_LOCK_MS: '1000',
  ...LIFTED_BOOKING_LIMITS,
};

// Whatever happens to the test, no process it started outlives it.
const spawned = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of spawned) {
    child.kill('SIGKILL');
  }
});

/** `node dist/apps/standalone/src/main.js` (`npm start`: API and worker in one process) on this test's database. */
class StandaloneProcess {
  output = '';
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(readonly child: ChildProcess) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(env: Record<string, string>, port: number): Promise<StandaloneProcess> {
    const child = spawn(process.execPath, [STANDALONE_MAIN], {
      cwd: join(__dirname, '..'), // no .env file here
      env: { PATH: process.env.PATH ?? '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    spawned.add(child);
    child.on('exit', () => spawned.delete(child));
    const app = new StandaloneProcess(child);
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`The process exited with ${child.exitCode}: ${app.output}`);
        }
        try {
          return (await fetch(`http://127.0.0.1:${port}/api/health`)).ok;
        } catch {
          return false;
        }
      },
      SLOW,
      'the standalone process to answer /api/health',
    ).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    return app;
  }

  kill(signal: NodeJS.Signals) {
    this.child.kill(signal);
    return this.exited;
  }
}

describe('outbox: the process killed right after bookings (SIGKILL), then started again', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let consultant: UserEntity;
  let typeId: string;
  let port: number;
  let env: Record<string, string>;
  const processes: StandaloneProcess[] = [];

  beforeAll(async () => {
    if (!existsSync(STANDALONE_MAIN)) {
      throw new Error('dist/ is missing: run `npm run build` first');
    }
    sink = await new SmtpSink().start();
    port = await freePort();
    const shared = { SMTP_URL: sink.url, APP_URL: `http://127.0.0.1:${port}`, ...FAST };
    // In this process only to set the firm up and read the database: it delivers nothing (no email sender).
    t = await createTestApp({ env: shared, emailSender: false });
    env = testVariables(new URL(t.config.databaseUrl).pathname.slice(1), {
      ...shared,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    });
    const admin = await t.signedInAs(StaffRole.Admin);
    const signedIn = await t.signedInAs(StaffRole.Consultant, {
      name: 'Rajesh Patel',
      email: `rajesh-${process.pid}@firm.example.ca`,
    });
    consultant = signedIn.user;
    await setHours(signedIn, consultant.id, {
      weekly: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '08:00', end: '18:00' })),
    });
    typeId = await consultationType(admin, { priceCents: 15000 });
  });
  afterAll(async () => {
    for (const p of processes) {
      if (p.child.exitCode === null && p.child.signalCode === null) {
        await p.kill('SIGKILL');
      }
    }
    await t?.close();
    await sink?.close();
  });

  const outboxStates = async () =>
    Object.fromEntries(
      (
        await t.dataSource.query<{ status: string; n: number }[]>(
          'SELECT status, count(*)::int AS n FROM emails GROUP BY status',
        )
      ).map((r) => [r.status, r.n]),
    ) as Record<string, number>;

  it('every confirmation and consultant notice arrives exactly once; no email stays pending or sending', async () => {
    // Days ahead, so no consultation's 24-hour reminder falls due during the test.
    const day = 24 * 3600_000;
    const window = {
      from: new Date(Date.now() + 3 * day).toISOString(),
      to: new Date(Date.now() + 10 * day).toISOString(),
    };
    const slots = (
      await t
        .http()
        .get('/api/public/slots')
        .query({ type: typeId, consultantId: consultant.id, ...window })
        .expect(200)
    ).body as { startsAt: string }[];
    expect(slots.length).toBeGreaterThanOrEqual(BOOKINGS);
    const clients = Array.from({ length: BOOKINGS }, (_, i) => `client${i}-${process.pid}@example.com`);

    const first = await StandaloneProcess.start(env, port);
    processes.push(first);
    // The SMTP server takes each message and holds its answer: nothing is accepted before the kill.
    sink.hold();
    const responses = await Promise.all(
      clients.map((email, i) =>
        request(`http://127.0.0.1:${port}`)
          .post('/api/public/bookings')
          .send({
            type: typeId,
            consultantId: consultant.id,
            startsAt: slots[i].startsAt,
            name: `Client ${i}`,
            email,
            timezone: 'UTC',
          }),
      ),
    );
    const killed = await first.kill('SIGKILL');
    expect(responses.map((r) => r.status)).toEqual(clients.map(() => 201));
    expect(killed.signal).toBe('SIGKILL');
    // The held messages' connections died with the process: the server never accepted them.
    await waitFor(() => sink.heldConnected === 0, 5000, 'the held connections to close');
    sink.release();
    expect(sink.received).toHaveLength(0);
    const afterKill = await outboxStates();
    expect(afterKill).toEqual(expect.not.objectContaining({ sent: expect.anything() }));
    expect((afterKill.pending ?? 0) + (afterKill.sending ?? 0)).toBe(2 * BOOKINGS);

    const restartedAt = Date.now();
    const second = await StandaloneProcess.start(env, port);
    processes.push(second);
    const bootMs = Date.now() - restartedAt;
    await waitFor(
      () => sink.received.length >= 2 * BOOKINGS,
      SLOW,
      `${2 * BOOKINGS} emails at the SMTP server`,
    );
    const deliveredMs = Date.now() - restartedAt;
    // Longer than the acknowledgement window and several sweeps: nothing more arrives.
    await new Promise((r) => setTimeout(r, ACK_WINDOW_MS + 3000));

    const ids = sink.received.map((m) => m.messageId);
    const duplicates = ids.length - new Set(ids).size;
    process.stdout.write(
      `SIGKILL after ${BOOKINGS} bookings: outbox after the kill ${JSON.stringify(afterKill)}; expected ${2 * BOOKINGS} emails, ` +
        `received ${sink.received.length}, duplicates ${duplicates}; restarted process up in ${bootMs} ms, ` +
        `all delivered ${deliveredMs} ms after the restart began\n`,
    );
    expect(duplicates).toBe(0);
    expect(sink.received).toHaveLength(2 * BOOKINGS);
    for (const email of clients) {
      expect(sink.to(email)).toHaveLength(1);
    }
    expect(sink.to(consultant.email)).toHaveLength(BOOKINGS);
    expect(await outboxStates()).toEqual({ sent: 2 * BOOKINGS });
    // Each email went out with the Message-ID stored on its row.
    const rows = await t.dataSource.query<{ message_id: string }[]>('SELECT message_id FROM emails');
    expect(rows.map((r) => r.message_id).sort()).toEqual([...ids].sort());
    await second.kill('SIGTERM');
  });
});
