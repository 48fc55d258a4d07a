import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { StaffRole, type UserEntity } from '@app/auth';
import { ReminderEntity, ReminderStatus } from '@app/reminders';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, testVariables, type SignedInClient, type TestApp } from '../support/test-app';
import { freePort } from '../support/free-port';
import { FEW_OFFSETS, reminderPolicy } from '../support/reminder-policy';

const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');
/** Generous: on a loaded 2-core machine a Nest process takes seconds to boot. */
const SLOW = 60_000;
jest.setTimeout(3 * SLOW);

// Whatever happens to the test, no worker process outlives it.
const spawned = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of spawned) {
    child.kill('SIGKILL');
  }
});

/**
 * Short timings so a killed worker's job lock expires within seconds and the sweep runs every second. Not shorter: a
 * live worker that the loaded machine leaves without CPU for longer than its lock (it cannot renew it) or than the
 * sending timeout has its reminders taken over by the other worker, and a send slower than the ack window is retried:
 * a second email, as the product intends past those bounds (production: 30 s, 2 min, 15 min).
 */
const FAST = {
  REMINDER_SWEEP_MS: '1000',
  REMINDER_SENDING_TIMEOUT_MS: '3000',
  REMINDER_LOCK_MS: '3000',
  REMINDER_BACKOFF_MS: '200',
  REMINDER_CONCURRENCY: '5',
  // A send cut short by the kill has an unknown outcome: not sent again before this window has passed.
  EMAIL_ACK_WINDOW_MS: '5000',
};

/** `node dist/apps/worker/src/main.js`, as production runs it, on this test's database, Redis prefix and SMTP sink. */
class WorkerProcess {
  output = '';
  private exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  private constructor(
    readonly child: ChildProcess,
    readonly port: number,
  ) {
    child.stdout?.on('data', (d: Buffer) => (this.output += d.toString()));
    child.stderr?.on('data', (d: Buffer) => (this.output += d.toString()));
    this.exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  }

  static async start(database: string, env: Record<string, string>): Promise<WorkerProcess> {
    const port = await freePort();
    const child = spawn(process.execPath, [WORKER_MAIN], {
      env: {
        PATH: process.env.PATH ?? '',
        ...testVariables(database, { ...env, WORKER_PORT: String(port), LOG_LEVEL: 'warn' }),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    spawned.add(child);
    child.on('exit', () => spawned.delete(child));
    const worker = new WorkerProcess(child, port);
    await waitFor(
      async () => {
        if (child.exitCode !== null) {
          throw new Error(`The worker exited with ${child.exitCode}: ${worker.output}`);
        }
        try {
          return (await fetch(`http://127.0.0.1:${port}/health`)).ok;
        } catch {
          return false;
        }
      },
      SLOW,
      'the worker to answer /health',
    ).catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    return worker;
  }

  /** Nest runs its shutdown hooks on SIGTERM, then ends the process with the same signal. */
  kill(signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    this.child.kill(signal);
    return this.exited;
  }
}

describe('reminders: worker processes', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: UserEntity;
  const workers: WorkerProcess[] = [];
  let env: Record<string, string>;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    env = { SMTP_URL: sink.url, ...FAST };
    // The worker processes deliver the emails: none is sent from this process.
    t = await createTestApp({ env, emailSender: false });
    admin = await t.signedInAs(StaffRole.Admin);
    await admin
      .put('/api/settings/reminders')
      .send(reminderPolicy({ offsets: FEW_OFFSETS }))
      .expect(200);
    consultant = await t.given.consultant();
  });
  afterAll(async () => {
    for (const w of workers) {
      if (w.child.exitCode === null) {
        await w.kill('SIGKILL');
      }
    }
    await t.close();
    await sink.close();
  });

  const database = () => new URL(t.config.databaseUrl).pathname.slice(1);
  const start = async () => {
    const worker = await WorkerProcess.start(database(), env);
    workers.push(worker);
    return worker;
  };

  /** n deadlines due in 3 days: each has one reminder due now (7 days before is past) and one ahead. */
  async function dueReminders(n: number): Promise<string[]> {
    const dueOn = DateTime.now().setZone(t.config.firmTimeZone).plus({ days: 3 }).toISODate() as string;
    const file = await t.given.file({ consultantId: consultant.id });
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const deadline = await t.given.deadline(file.id, { dueOn, title: `Document ${i}` });
      const rows = await t.dataSource.manager.findBy(ReminderEntity, {
        subjectId: deadline.id,
        offsetKey: `7d@${dueOn}`,
      });
      ids.push(rows[0].id);
    }
    return ids;
  }

  const statuses = async (ids: string[]) => {
    const rows = await t.dataSource.manager
      .createQueryBuilder(ReminderEntity, 'r')
      .where('r.id IN (:...ids)', { ids })
      .getMany();
    const count: Record<string, number> = {};
    for (const r of rows) {
      count[r.status] = (count[r.status] ?? 0) + 1;
    }
    return count;
  };
  /** The reminders' emails in the outbox, by status. */
  const emailStatuses = async (ids: string[]) => {
    const rows = await t.dataSource.query<{ status: string; n: number }[]>(
      `SELECT status, count(*)::int AS n FROM emails WHERE related_type = 'reminder' AND related_id = ANY($1) GROUP BY status`,
      [ids],
    );
    return Object.fromEntries(rows.map((r) => [r.status, r.n])) as Record<string, number>;
  };
  const deliveries = (id: string) =>
    sink.received.filter((m) => m.messageId.startsWith(`<reminder-${id}@`)).length;

  it('a worker killed with SIGKILL in the middle of a batch: after a restart every due reminder is sent exactly once', async () => {
    const ids = await dueReminders(40);
    sink.delayMs = 20;
    const first = await start();
    await waitFor(() => sink.received.length >= 10, SLOW, 'the first emails');
    // Emails the server has not answered yet stay with it; the worker is killed while sending them.
    sink.hold();
    await waitFor(() => sink.heldCount >= 2, SLOW, 'sends in flight');
    await new Promise((r) => setTimeout(r, 200));
    expect(await first.kill('SIGKILL')).toEqual({ code: null, signal: 'SIGKILL' });
    const atKill = await statuses(ids);
    const emailsAtKill = await emailStatuses(ids);
    // Some sent, some in flight (their emails `sending`, held by the server), some not started (their emails
    // `pending`, or not yet written).
    expect(atKill[ReminderStatus.Sent]).toBeGreaterThanOrEqual(10);
    expect(emailsAtKill.sending).toBeGreaterThanOrEqual(2);
    expect(ids.length - (emailsAtKill.sent ?? 0) - (emailsAtKill.sending ?? 0)).toBeGreaterThan(0);
    // A reminder is `sent` only once its email is.
    expect(atKill[ReminderStatus.Sent]).toBe(emailsAtKill.sent);
    // The server notices the dead connections, then never delivers what it had not acknowledged.
    await waitFor(() => sink.heldConnected === 0, SLOW, 'the killed connections to close');
    sink.release();

    await start();
    await waitFor(
      async () => (await statuses(ids))[ReminderStatus.Sent] === ids.length,
      SLOW,
      'every reminder sent',
    );
    expect(ids.map(deliveries)).toEqual(ids.map(() => 1));
  });

  it('two worker processes on one Redis: each reminder is sent exactly once', async () => {
    sink.clear();
    sink.delayMs = 5;
    const ids = await dueReminders(60);
    while (workers.filter((w) => w.child.exitCode === null).length < 2) {
      await start(); // a second worker beside the one restarted above
    }
    await waitFor(
      async () => (await statuses(ids))[ReminderStatus.Sent] === ids.length,
      SLOW,
      'every reminder sent',
    );
    expect(ids.map(deliveries)).toEqual(ids.map(() => 1));
    expect(sink.received).toHaveLength(ids.length);
  });

  it('SIGTERM: the worker finishes the email at hand, then exits', async () => {
    for (const running of workers.filter((w) => w.child.exitCode === null)) {
      await running.kill('SIGTERM');
    }
    const worker = await start();
    sink.clear();
    sink.delayMs = 1500;
    const [id] = await dueReminders(1);
    await waitFor(async () => (await emailStatuses([id])).sending === 1, SLOW, 'the send to start');
    const stopping = Date.now();
    await worker.kill('SIGTERM');
    // It waited for the slow SMTP answer instead of dying mid-send.
    expect(Date.now() - stopping).toBeGreaterThan(500);
    expect(await statuses([id])).toEqual({ [ReminderStatus.Sent]: 1 });
    expect(deliveries(id)).toBe(1);
  });
});
