import type { Queue } from 'bull';
import type { Pool } from 'pg';
import { createApiClient, unwrap, type Schemas } from '@app/api-client';
import type { AppConfig } from '@app/config';
import type { BenchContext } from '../support/context';
import { builtMain, freePort, startNode } from '../support/processes';
import { CpuWindow, type CpuUse } from './cpu';
import { requestJson } from './http';
import { profileEnv } from './profiling';
import { jobCount, sendJob } from './queues';

/** DeadlineReminders.REPLAN_BATCH: the product re-plans 500 deadlines per transaction. */
export const PLAN_BATCH = 500;

export interface PlanningRun {
  ms: number;
  rows: number;
  jobs: number;
  /** Transactions (one per batch of 500 deadlines). */
  batches: number;
  /** Average cores used during the run: by the planning process (API, or the bench for raw), by the machine. */
  cpu: CpuUse;
}

/** A reminder row as the re-plan wrote it: what the raw baseline inserts again. */
export interface PlannedRow {
  subjectType: string;
  subjectId: string;
  offsetKey: string;
  recipient: string;
  sendAt: Date;
}

type Policy = Schemas['ReminderSettingsDto'];

/** The document gives the settings' answer no schema: the policy, and what a save re-planned. */
interface PolicyResponse extends Policy {
  replanned?: { deadlines: number; inserted: number; moved: number; rearmed: number; cancelled: number };
}

/**
 * What a user triggers: the admin signs in to the API process, reads the reminder policy and saves it
 * (PUT /api/settings/reminders), which re-plans every open deadline before answering. Times that request.
 */
export async function planThroughApi(
  ctx: BenchContext,
  db: Pool,
  queue: Queue,
): Promise<PlanningRun & { deadlines: number }> {
  const seed = ctx.seed!;
  const port = await freePort();
  const base = `http://127.0.0.1:${port}/api`;
  ctx.log('  starting the API process');
  const api = await startNode(
    builtMain('api'),
    ctx.appEnv({ PORT: String(port), ...profileEnv('api') }),
    `${base}/health`,
  );
  try {
    const { accessToken } = await unwrap(
      createApiClient({ baseUrl: `http://127.0.0.1:${port}` }).POST('/api/auth/login', {
        body: { email: seed.adminEmail, password: seed.password },
      }),
    );
    const current = await requestJson<PolicyResponse>(
      'GET',
      `${base}/settings/reminders`,
      undefined,
      accessToken,
    );
    const policy: Policy = {
      sendHour: current.sendHour,
      offsets: current.offsets,
      notifyAssistants: current.notifyAssistants,
      escalateOverdue: current.escalateOverdue,
      dailyDigest: current.dailyDigest,
    };
    ctx.log('  PUT /api/settings/reminders (re-plans every open deadline)');
    const window = new CpuWindow(api.child.pid!);
    const started = performance.now();
    const saved = await requestJson<PolicyResponse>('PUT', `${base}/settings/reminders`, policy, accessToken);
    const ms = performance.now() - started;
    const cpu = window.read();
    const deadlines = saved.replanned?.deadlines ?? NaN;
    const rows = await deadlineRowCount(db);
    return {
      ms,
      deadlines,
      batches: Math.ceil(deadlines / PLAN_BATCH),
      rows,
      jobs: await jobCount(queue),
      cpu,
    };
  } finally {
    await api.stop();
  }
}

export async function deadlineRowCount(db: Pool): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM reminders WHERE subject_type = 'deadline'`,
  );
  return rows[0].n;
}

/** The rows the re-plan wrote, grouped by 500 deadlines in id order as the product's batches are. */
export async function plannedBatches(db: Pool): Promise<PlannedRow[][]> {
  const { rows } = await db.query<PlannedRow>(
    `SELECT subject_type AS "subjectType", subject_id AS "subjectId", offset_key AS "offsetKey", recipient, send_at AS "sendAt"
       FROM reminders
      WHERE subject_type = 'deadline' ORDER BY subject_id, offset_key, recipient`,
  );
  const batches: PlannedRow[][] = [];
  let batch: PlannedRow[] = [];
  let subjects = 0;
  let previous = '';
  for (const row of rows) {
    if (row.subjectId !== previous) {
      if (subjects === PLAN_BATCH) {
        batches.push(batch);
        batch = [];
        subjects = 0;
      }
      subjects += 1;
      previous = row.subjectId;
    }
    batch.push(row);
  }
  if (batch.length > 0) {
    batches.push(batch);
  }
  return batches;
}

/**
 * The fastest plain way to do the same work: per batch, one multi-row INSERT ... SELECT FROM unnest (same
 * columns) in its own transaction, then one addBulk of the batch's jobs with the product's job options.
 */
export async function planRaw(
  db: Pool,
  queue: Queue,
  config: AppConfig,
  batches: PlannedRow[][],
): Promise<PlanningRun> {
  const client = await db.connect();
  let rows = 0;
  try {
    const window = new CpuWindow(process.pid);
    const started = performance.now();
    for (const batch of batches) {
      await client.query('BEGIN');
      const inserted = await client.query<{ id: string; send_at: Date }>(
        `INSERT INTO reminders (subject_type, subject_id, offset_key, recipient, send_at)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::text[], $5::timestamptz[])
         RETURNING id, send_at`,
        [
          batch.map((r) => r.subjectType),
          batch.map((r) => r.subjectId),
          batch.map((r) => r.offsetKey),
          batch.map((r) => r.recipient),
          batch.map((r) => r.sendAt),
        ],
      );
      await client.query('COMMIT');
      const now = Date.now();
      await queue.addBulk(
        inserted.rows.map((r) => sendJob(config, r.id, r.send_at, { reminderId: r.id }, now)),
      );
      rows += inserted.rowCount ?? 0;
    }
    const ms = performance.now() - started;
    const cpu = window.read();
    return { ms, rows, jobs: await jobCount(queue), batches: batches.length, cpu };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
