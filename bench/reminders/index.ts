import { availableParallelism } from 'node:os';
import Redis from 'ioredis';
import { Pool } from 'pg';
import type { Queue } from 'bull';
import type { AppConfig } from '@app/config';
import { SMTP_POOL } from '../../libs/notifications/src/mail-transport';
import type { BenchContext, Check, SectionResult } from '../support/context';
import { num, seconds } from '../support/format';
import { deadlineRowCount, plannedBatches, planRaw, planThroughApi, type PlanningRun } from './planning';
import { quietMachine, type CpuUse } from './cpu';
import { deleteQueueKeys, openQueue, productConfig, rawPrefix, REMINDERS_QUEUE } from './queues';
import {
  planDueReminders,
  resetForSending,
  sampleMessage,
  sendRaw,
  sendThroughWorker,
  type ProductSendRun,
  type SendRun,
} from './sending';

const cores = (value: number) => num(value, 2);
const cpu = (use: CpuUse) => `${cores(use.process)} / ${cores(use.rest)} / ${cores(use.machine)}`;
/** CPU time the sending process spent per email (it is the bound when it uses a whole core). */
const cpuPerEmail = (run: SendRun) => `${num((run.cpu.process / run.emailsPerSecond) * 1000, 2)} ms`;

/** Budget: PermitDesk reaches at least this share of the raw baselines. */
const MIN_RATIO = 0.8;
const TICK_MS = 10_000;

interface Resources {
  ctx: BenchContext;
  config: AppConfig;
  db: Pool;
  redis: Redis;
  productQueue: Queue;
  rawQueue: Queue;
}

/** Cores other processes kept busy in the second before a run (the machine is shared: noise). */
interface Background {
  background: number;
}

interface PlanningResult {
  product: PlanningRun & Background & { deadlines: number };
  raw: PlanningRun & Background;
}

interface SendingResult {
  product: ProductSendRun & Background;
  raw: SendRun & Background;
  messageBytes: number;
}

/**
 * Planning reminders for the open deadlines (a policy save through the API) and sending due reminders (one
 * worker process), each against a raw bull/pg/nodemailer baseline run in the same process run.
 */
export async function runRemindersBench(ctx: BenchContext): Promise<SectionResult[]> {
  const config = productConfig(ctx);
  const r: Resources = {
    ctx,
    config,
    db: new Pool({ connectionString: ctx.databaseUrl, max: 2 }),
    redis: new Redis(ctx.redisUrl),
    productQueue: openQueue(ctx.redisUrl, ctx.queuePrefix, config.reminders.lockMs),
    rawQueue: openQueue(ctx.redisUrl, rawPrefix(ctx), config.reminders.lockMs),
  };
  try {
    const planning = await benchPlanning(r);
    const sending = await benchSending(r);
    return [report(ctx, config, planning, sending)];
  } finally {
    // Nothing stays queued: the raw jobs, and the worker's repeatable sweep (the rows stay in the database).
    await deleteQueueKeys(r.redis, rawPrefix(ctx)).catch(() => undefined);
    await deleteQueueKeys(r.redis, ctx.queuePrefix).catch(() => undefined);
    await Promise.allSettled([r.productQueue.close(), r.rawQueue.close()]);
    r.redis.disconnect();
    await r.db.end();
  }
}

async function benchPlanning(r: Resources): Promise<PlanningResult> {
  const { ctx, db, redis } = r;
  ctx.log(`Reminders: planning for ${num(ctx.sizes.openFutureDeadlines, 0)} open deadlines`);
  // Both runs start from no reminder rows and empty queues; the policy on its defaults.
  await db.query('TRUNCATE reminders');
  await db.query('DELETE FROM reminder_settings');
  await deleteQueueKeys(redis, ctx.queuePrefix);
  await deleteQueueKeys(redis, rawPrefix(ctx));

  const product = await withBackground(ctx, () =>
    withTicker(ctx, 'PermitDesk re-plan', redis, ctx.queuePrefix, () =>
      planThroughApi(ctx, db, r.productQueue),
    ),
  );
  ctx.log(
    `  PermitDesk: ${num(product.rows, 0)} rows, ${num(product.jobs, 0)} jobs in ${seconds(product.ms)}`,
  );
  const batches = await plannedBatches(db);

  await db.query('TRUNCATE reminders');
  await deleteQueueKeys(redis, ctx.queuePrefix);
  ctx.log('  raw baseline: pg INSERT ... unnest + bull addBulk per batch');
  const raw = await withBackground(ctx, () =>
    withTicker(ctx, 'raw plan', redis, rawPrefix(ctx), () => planRaw(db, r.rawQueue, r.config, batches)),
  );
  const inTable = await deadlineRowCount(db);
  ctx.log(
    `  raw: ${num(raw.rows, 0)} rows (${num(inTable, 0)} in the table), ${num(raw.jobs, 0)} jobs in ${seconds(raw.ms)}`,
  );

  await db.query('TRUNCATE reminders');
  await deleteQueueKeys(redis, rawPrefix(ctx));
  return { product, raw };
}

async function benchSending(r: Resources): Promise<SendingResult> {
  const { ctx, db, redis, config } = r;
  const n = ctx.sizes.sendEmails;
  ctx.log(`Reminders: sending ${num(n, 0)} due reminder emails`);
  await resetForSending(db, redis, ctx.queuePrefix);
  const due = await planDueReminders(db, r.productQueue, config, n);
  const product = await withBackground(ctx, () => sendThroughWorker(ctx, db, r.productQueue, n));
  ctx.log(
    `  PermitDesk worker: ${num(product.received, 0)} emails, ${num(product.emailsPerSecond, 0)} emails/s`,
  );
  const message = await sampleMessage(db, config);

  await deleteQueueKeys(redis, ctx.queuePrefix);
  await deleteQueueKeys(redis, rawPrefix(ctx));
  const emails = due.map((d) => d.email);
  const raw = await withBackground(ctx, () =>
    sendRaw(ctx, r.rawQueue, config, rawPrefix(ctx), emails, message),
  );
  ctx.log(`  raw sender: ${num(raw.received, 0)} emails, ${num(raw.emailsPerSecond, 0)} emails/s`);
  await deleteQueueKeys(redis, rawPrefix(ctx));
  return { product, raw, messageBytes: message.avgBytes };
}

async function withBackground<T>(ctx: BenchContext, work: () => Promise<T>): Promise<T & Background> {
  const background = await quietMachine((line) => ctx.log(line));
  return { ...(await work()), background };
}

/** Runs `work`, printing every 10 s how many delayed jobs the queue under `prefix` holds so far. */
async function withTicker<T>(
  ctx: BenchContext,
  label: string,
  redis: Redis,
  prefix: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  const timer = setInterval(() => {
    void redis.zcard(`${prefix}:${REMINDERS_QUEUE}:delayed`).then(
      (jobs) => ctx.log(`  ${label}: ${num(jobs, 0)} jobs so far (${seconds(performance.now() - started)})`),
      () => undefined,
    );
  }, TICK_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}

function exactlyOnce(label: string, run: SendRun): Check {
  const lost = Math.max(0, run.expected - run.distinct);
  const value =
    `${num(run.received, 0)} received, ${num(run.distinct, 0)} distinct` +
    (run.duplicates.extra > 0 ? `, ${num(run.duplicates.extra, 0)} duplicates` : '') +
    (lost > 0 ? `, ${num(lost, 0)} lost` : '');
  return {
    label,
    value,
    budget: `${num(run.expected, 0)} exactly once`,
    pass: run.received === run.expected && run.distinct === run.expected,
  };
}

function ratioCheck(label: string, ratio: number): Check {
  return { label, value: num(ratio), budget: `≥ ${MIN_RATIO}`, pass: ratio >= MIN_RATIO };
}

function report(
  ctx: BenchContext,
  config: AppConfig,
  planning: PlanningResult,
  sending: SendingResult,
): SectionResult {
  const { product: pp, raw: rp } = planning;
  const { product: ps, raw: rs } = sending;
  const planRatio = rp.ms / pp.ms;
  const sendRatio = ps.emailsPerSecond / rs.emailsPerSecond;
  const planned = (run: PlanningRun) => `${seconds(run.ms)} (${num(run.rows / (run.ms / 1000), 0)} rows/s)`;
  const planLabel = `Plan reminders for ${num(ctx.sizes.openFutureDeadlines, 0)} deadlines`;
  const sendLabel = `Send ${num(ctx.sizes.sendEmails, 0)} reminder emails`;
  const concurrency = config.reminders.concurrency;
  return {
    title: 'Reminders: planning and sending against raw bull / pg / nodemailer',
    headers: ['Measure', 'PermitDesk', 'Raw baseline', 'Ratio'],
    rows: [
      [planLabel, planned(pp), planned(rp), num(planRatio)],
      [
        sendLabel,
        `${num(ps.emailsPerSecond, 0)} emails/s`,
        `${num(rs.emailsPerSecond, 0)} emails/s`,
        num(sendRatio),
      ],
    ],
    checks: [
      ratioCheck(`${planLabel} (vs raw)`, planRatio),
      ratioCheck(`${sendLabel} (vs raw)`, sendRatio),
      {
        label: 'Re-plan: a job per reminder row',
        value: `${num(pp.rows, 0)} rows, ${num(pp.jobs, 0)} jobs`,
        budget: 'rows = jobs',
        pass: pp.rows === pp.jobs && pp.rows > 0,
      },
      exactlyOnce('Worker emails at the sink', ps),
      {
        label: 'Worker: reminders sent, outbox rows sent',
        value: `${num(ps.statuses.sent ?? 0, 0)} rows, ${num(ps.outboxSent, 0)} outbox rows`,
        budget: `${num(ps.expected, 0)} each`,
        pass: ps.statuses.sent === ps.expected && ps.outboxSent === ps.expected,
      },
      exactlyOnce('Raw sender emails at the sink', rs),
    ],
    notes: [
      `Planning: PUT /api/settings/reminders (the default policy, saved by the admin) re-planned ${num(pp.deadlines, 0)} open deadlines ` +
        `in ${num(pp.batches, 0)} transactions: ${num(pp.rows, 0)} reminder rows, ${num(pp.jobs, 0)} delayed jobs; time = the whole request.`,
      `Planning baseline: the same ${num(rp.rows, 0)} rows (columns subject_type, subject_id, offset_key, recipient, send_at) in ` +
        `${num(rp.batches, 0)} batches of 500 deadlines, each one INSERT ... SELECT FROM unnest in its own transaction (pg), ` +
        `then one bull addBulk of its jobs after the commit (jobId = row id, delay, attempts ${config.reminders.attempts}, ` +
        `exponential backoff ${num(config.reminders.backoffMs, 0)} ms, removeOnComplete/Fail); ${num(rp.jobs, 0)} jobs; ` +
        `its own queue prefix. Both runs start from an empty reminders table and empty queues.`,
      `Sending: one worker process, REMINDER_CONCURRENCY=${concurrency} (bull adds the sweep handler's 1: up to ${concurrency + 1} jobs at once), ` +
        `${num(ps.queuedBefore, 0)} jobs queued before it started; emails/s between the first and the last message the sink accepted ` +
        `(${seconds(ps.spanMs)} vs ${seconds(rs.spanMs)} raw). Rows after: ${Object.entries(ps.statuses)
          .map(([s, c]) => `${num(c, 0)} ${s}`)
          .join(', ')}; ` +
        `${num(ps.outboxSent, 0)} outbox rows sent.`,
      `CPU (average cores of ${availableParallelism()}: the process / PostgreSQL, Redis and the rest / machine): ` +
        `re-plan ${cpu(pp.cpu)} in the API; raw planning ${cpu(rp.cpu)} in the bench process; ` +
        `sending ${cpu(ps.cpu)} in the worker; raw sending ${cpu(rs.cpu)} in the raw sender. ` +
        `Sender CPU per email: ${cpuPerEmail(ps)} worker, ${cpuPerEmail(rs)} raw. ` +
        `Other load in the second before each run (noise on a shared machine; each run waits up to 30 s for quiet): ` +
        `plan ${cores(pp.background)} / raw plan ${cores(rp.background)} / send ${cores(ps.background)} / ` +
        `raw send ${cores(rs.background)} cores.`,
      `Sending baseline: a separate process (dist/bench/reminders/raw-sender.js) consuming a raw bull queue of ${num(rs.expected, 0)} jobs ` +
        `(addBulk, same job options) with the same two process() registrations, sending each with nodemailer ` +
        `the product's pool settings (SMTP_POOL: ${JSON.stringify(SMTP_POOL)}) to the same recipients: an email the worker sent (${num(sending.messageBytes, 0)} characters of ` +
        `subject + text + html on average); no database, no rendering, no outbox.`,
    ],
  };
}
