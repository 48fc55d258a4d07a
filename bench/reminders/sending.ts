import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Queue } from 'bull';
import type Redis from 'ioredis';
import type { Pool } from 'pg';
import type { AppConfig } from '@app/config';
import type { BenchContext } from '../support/context';
import { builtMain, freePort, startNode, type Started } from '../support/processes';
import { Progress } from '../support/progress';
import { deleteQueueKeys, jobCount, sendJob } from './queues';
import { CpuWindow, type CpuUse } from './cpu';
import { profileEnv } from './profiling';
import { CountingSink } from './smtp-sink';

/** A sender that stops accepting for this long has lost messages: the run ends and the count shows it. */
const IDLE_MS = 60_000;
/** After the last expected message, how long to listen for late duplicates. */
const SETTLE_MS = 2_000;
const ADD_CHUNK = 1_000;

export interface SendRun {
  expected: number;
  received: number;
  distinct: number;
  duplicates: { ids: number; extra: number };
  emailsPerSecond: number;
  spanMs: number;
  /** Average cores used from the sender's first health answer until the expected count arrived. */
  cpu: CpuUse;
}

export interface ProductSendRun extends SendRun {
  /** reminders rows by status after the run. */
  statuses: Record<string, number>;
  outboxSent: number;
  /** Jobs in the worker's queue before it started (must equal `expected`: nothing else queued). */
  queuedBefore: number;
}

interface DueReminder {
  id: string;
  email: string;
}

/** Today in the firm's zone (YYYY-MM-DD), as the product computes it. */
function todayIn(timeZone: string): string {
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return format.format(new Date());
}

/**
 * Leaves only what the send measure needs: no reminder rows, no outbox rows of reminders, no jobs in the
 * worker's queue, and a policy without digests, escalations or assistant copies (so the worker's start-up
 * sweep plans nothing of its own).
 */
export async function resetForSending(db: Pool, redis: Redis, prefix: string): Promise<void> {
  await db.query('TRUNCATE reminders');
  await db.query(`DELETE FROM emails WHERE related_type = 'reminder'`);
  await db.query(
    `INSERT INTO reminder_settings (id, send_hour, offsets, notify_assistants, escalate_overdue, daily_digest)
     VALUES (1, 8, '{}', false, false, false)
     ON CONFLICT (id) DO UPDATE SET notify_assistants = false, escalate_overdue = false, daily_digest = false`,
  );
  await deleteQueueKeys(redis, prefix);
}

/**
 * `n` deadline reminders due now, as the planner writes them: one per open deadline (in id order), to the
 * deadline's assignee or else its file's consultant when active, offsetKey `<days>d@<due date>`, sendAt a
 * minute ago; then their jobs with the product's options (jobId = row id).
 */
export async function planDueReminders(
  db: Pool,
  queue: Queue,
  config: AppConfig,
  n: number,
): Promise<DueReminder[]> {
  const today = todayIn(config.firmTimeZone);
  const { rows } = await db.query<{ id: string; send_at: Date; email: string }>(
    `WITH picked AS (
       SELECT d.id, d.due_on, COALESCE(a.id, c.id) AS recipient
         FROM deadlines d
         JOIN work_permit_files f ON f.id = d.file_id
         LEFT JOIN users a ON a.id = d.assignee_id AND a.is_active
         LEFT JOIN users c ON c.id = f.consultant_id AND c.is_active
        WHERE d.completed_at IS NULL AND d.due_on > $2::date AND COALESCE(a.id, c.id) IS NOT NULL
        ORDER BY d.id
        LIMIT $1
     ), inserted AS (
       INSERT INTO reminders (subject_type, subject_id, offset_key, recipient, send_at)
       SELECT 'deadline', p.id, (p.due_on - $2::date) || 'd@' || p.due_on::text, p.recipient::text, now() - interval '1 minute'
         FROM picked p
       RETURNING id, send_at, recipient
     )
     SELECT i.id, i.send_at, u.email FROM inserted i JOIN users u ON u.id::text = i.recipient`,
    [n, today],
  );
  if (rows.length < n) {
    throw new Error(
      `Only ${rows.length} open deadlines with an active consultant; the send measure needs ${n}`,
    );
  }
  const now = Date.now();
  for (let i = 0; i < rows.length; i += ADD_CHUNK) {
    await queue.addBulk(
      rows.slice(i, i + ADD_CHUNK).map((r) => sendJob(config, r.id, r.send_at, { reminderId: r.id }, now)),
    );
  }
  return rows.map((r) => ({ id: r.id, email: r.email }));
}

async function measure(
  ctx: BenchContext,
  sink: CountingSink,
  label: string,
  expected: number,
  start: () => Promise<Started>,
): Promise<SendRun> {
  const progress = new Progress(label, expected);
  sink.onAccept(() => progress.increment(1));
  let cpu: CpuUse = { process: NaN, machine: NaN, rest: NaN };
  try {
    const sender = await start();
    try {
      const window = new CpuWindow(sender.child.pid!);
      await sink.waitFor(expected, {
        idleMs: IDLE_MS,
        settleMs: SETTLE_MS,
        onReached: () => (cpu = window.read()),
      });
    } finally {
      await sender.stop();
      if (sink.count !== expected) {
        const output = sender.output().slice(-3000);
        ctx.log(`  ${label}: ${sink.count} of ${expected} accepted; the sender's last output:\n${output}`);
      }
    }
  } finally {
    progress.stop();
  }
  return {
    expected,
    received: sink.count,
    distinct: sink.distinct,
    duplicates: sink.duplicates(),
    emailsPerSecond: sink.rate(),
    spanMs: sink.spanMs(),
    cpu,
  };
}

/** ONE worker process at the product's default concurrency delivers the due reminders to a sink. */
export async function sendThroughWorker(
  ctx: BenchContext,
  db: Pool,
  queue: Queue,
  expected: number,
): Promise<ProductSendRun> {
  const queuedBefore = await jobCount(queue);
  const sink = await new CountingSink().start();
  try {
    const port = await freePort();
    const run = await measure(ctx, sink, 'worker emails', expected, () =>
      startNode(
        builtMain('worker'),
        ctx.appEnv({ WORKER_PORT: String(port), SMTP_URL: sink.url, ...profileEnv('worker') }),
        `http://127.0.0.1:${port}/health`,
      ),
    );
    const statuses = await db.query<{ status: string; n: number }>(
      `SELECT status::text, count(*)::int AS n FROM reminders GROUP BY 1`,
    );
    const outbox = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM emails WHERE related_type = 'reminder' AND status = 'sent'`,
    );
    return {
      ...run,
      statuses: Object.fromEntries(statuses.rows.map((r) => [r.status, r.n])),
      outboxSent: outbox.rows[0].n,
      queuedBefore,
    };
  } finally {
    await sink.close();
  }
}

export interface SampleMessage {
  from: string;
  subject: string;
  text: string;
  html: string;
}

/** One email the worker sent (from the outbox): the raw baseline sends the same subject and body. */
export async function sampleMessage(
  db: Pool,
  config: AppConfig,
): Promise<SampleMessage & { avgBytes: number }> {
  const { rows } = await db.query<{ subject: string; text: string; html: string | null; avg: number }>(
    `SELECT subject, text, html,
            (SELECT avg(length(subject) + length(text) + coalesce(length(html), 0))::float
               FROM emails WHERE related_type = 'reminder') AS avg
       FROM emails WHERE related_type = 'reminder' ORDER BY created_at LIMIT 1`,
  );
  if (rows.length === 0) {
    throw new Error('The worker sent no reminder email to copy for the raw baseline');
  }
  const [r] = rows;
  return { from: config.mailFrom, subject: r.subject, text: r.text, html: r.html ?? '', avgBytes: r.avg };
}

/**
 * The raw baseline: the same number of jobs on a raw queue (addBulk, product job options), consumed by
 * dist/bench/reminders/raw-sender.js with the same concurrency and transport, sending `message` to the same
 * recipients.
 */
export async function sendRaw(
  ctx: BenchContext,
  queue: Queue,
  config: AppConfig,
  prefix: string,
  recipients: string[],
  message: SampleMessage,
): Promise<SendRun> {
  const now = Date.now();
  const sendAt = new Date(now - 60_000);
  for (let i = 0; i < recipients.length; i += ADD_CHUNK) {
    await queue.addBulk(
      recipients.slice(i, i + ADD_CHUNK).map((to) => {
        const id = randomUUID();
        return sendJob(config, id, sendAt, { to, messageId: `<raw-${id}@permitdesk.local>` }, now);
      }),
    );
  }
  const messageFile = join(tmpdir(), `${prefix}-message-${process.pid}.json`);
  writeFileSync(messageFile, JSON.stringify(message));
  const sink = await new CountingSink().start();
  try {
    const port = await freePort();
    return await measure(ctx, sink, 'raw emails', recipients.length, () =>
      startNode(
        join(__dirname, 'raw-sender.js'),
        {
          PATH: process.env.PATH,
          HOME: process.env.HOME,
          NODE_ENV: 'production',
          REDIS_URL: ctx.redisUrl,
          RAW_QUEUE_PREFIX: prefix,
          RAW_LOCK_MS: String(config.reminders.lockMs),
          RAW_SEND_CONCURRENCY: String(config.reminders.concurrency),
          RAW_MESSAGE_FILE: messageFile,
          RAW_PORT: String(port),
          SMTP_URL: sink.url,
        },
        `http://127.0.0.1:${port}/health`,
      ),
    );
  } finally {
    await sink.close();
    rmSync(messageFile, { force: true });
  }
}
