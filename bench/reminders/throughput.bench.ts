import { spawn } from 'node:child_process';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { SMTPServer } from 'smtp-server';
import { DEADLINE_SUBJECT, ReminderPlanner } from '@app/reminders';
import { createTestApp, testVariables, type TestApp } from '../../test/support/test-app';
import { waitFor } from '../../test/support/smtp-sink';

/**
 * How many reminder emails per second one worker process (`node dist/apps/worker/src/main.js`) sends to a local
 * SMTP server that accepts everything at once. N reminders are due before the worker starts; the rate is
 * measured between the first and the last message the server accepts. Prints one line per concurrency.
 */
const N = Number(process.env.BENCH_REMINDERS ?? 2000);
const CONCURRENCIES = (process.env.BENCH_CONCURRENCY ?? '1,5,20').split(',').map(Number);
const WORKER_MAIN = join(__dirname, '..', '..', 'dist', 'apps', 'worker', 'src', 'main.js');

class CountingSink {
  readonly times: number[] = [];
  readonly server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData: (stream, _session, callback) => {
      stream.on('data', () => undefined);
      stream.on('end', () => {
        this.times.push(performance.now());
        callback();
      });
    },
  });
  port = 0;
  start(): Promise<void> {
    return new Promise((resolve) =>
      this.server.listen(0, '127.0.0.1', () => {
        this.port = (this.server.server.address() as { port: number }).port;
        resolve();
      }),
    );
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

async function planDueReminders(t: TestApp, consultantId: string, n: number): Promise<void> {
  const file = await t.given.file({ consultantId });
  const dueOn = DateTime.now().setZone(t.config.firmTimeZone).plus({ days: 5 }).toISODate() as string;
  const rows = await t.dataSource.query<{ id: string }[]>(
    `INSERT INTO deadlines (file_id, kind, source, title, due_on, assignee_id)
     SELECT $1, 'custom', 'manual', 'Bench ' || g, $2, $3 FROM generate_series(1, $4) g RETURNING id`,
    [file.id, dueOn, consultantId, n],
  );
  const now = new Date();
  await t.app.get(ReminderPlanner).planForSubjects(
    t.dataSource.manager,
    rows.map((r) => ({ subject: { type: DEADLINE_SUBJECT, id: r.id }, plan: [{ offsetKey: `7d@${dueOn}`, recipient: consultantId, sendAt: now }] })),
  );
}

describe('reminder throughput', () => {
  for (const concurrency of CONCURRENCIES) {
    it(`one worker, REMINDER_CONCURRENCY=${concurrency}, ${N} reminders`, async () => {
      const sink = new CountingSink();
      await sink.start();
      const env = { SMTP_URL: `smtp://127.0.0.1:${sink.port}`, REMINDER_CONCURRENCY: String(concurrency), REMINDER_SWEEP_MS: '3600000' };
      const t = await createTestApp({ env });
      try {
        const consultant = await t.given.consultant();
        await t.dataSource.query(
          `INSERT INTO reminder_settings (id, send_hour, offsets, notify_assistants, escalate_overdue, daily_digest)
           VALUES (1, 8, '{}', false, false, false)`,
        );
        await planDueReminders(t, consultant.id, N);
        const port = await freePort();
        const database = new URL(t.config.databaseUrl).pathname.slice(1);
        const child = spawn(process.execPath, [WORKER_MAIN], {
          env: { PATH: process.env.PATH ?? '', ...testVariables(database, { ...env, WORKER_PORT: String(port), LOG_LEVEL: 'warn' }) },
          stdio: 'inherit',
        });
        try {
          await waitFor(() => sink.times.length >= N, 600_000, `${N} emails`);
        } finally {
          child.kill('SIGTERM');
          await new Promise((r) => child.on('exit', r));
        }
        const seconds = (sink.times[N - 1] - sink.times[0]) / 1000;
        const [{ sent }] = await t.dataSource.query<{ sent: number }[]>(`SELECT count(*)::int AS sent FROM reminders WHERE status = 'sent'`);
        process.stdout.write(
          `reminders: ${N}, concurrency ${concurrency}: ${(N - 1) / seconds >= 0 ? ((N - 1) / seconds).toFixed(0) : '?'} emails/s ` +
            `(${seconds.toFixed(2)} s from first to last; ${sent} rows sent; Node ${process.versions.node})\n`,
        );
        expect(sent).toBe(N);
      } finally {
        await t.close();
        await new Promise<void>((r) => sink.server.close(() => r()));
      }
    });
  }
});
