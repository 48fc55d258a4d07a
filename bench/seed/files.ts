import { randomUUID } from 'node:crypto';
import type { Sizes } from '../support/context';
import {
  DAY_MS,
  EMPLOYERS,
  HISTORY_DAYS,
  isoDay,
  PROVINCE_WEIGHTS,
  STATUS_WEIGHTS,
  SUBMITTED_STATUSES,
  type Column,
  type Pools,
  type Random,
  type Row,
  type SeededClient,
  type SeededFile,
} from './generate';

export const FILE_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['file_number', 'text'],
  ['client_id', 'uuid'],
  ['consultant_id', 'uuid'],
  ['stream', 'work_permit_stream'],
  ['application_type', 'application_type'],
  ['status', 'file_status'],
  ['employer_name', 'text'],
  ['job_title', 'text'],
  ['noc_code', 'text'],
  ['province', 'text'],
  ['wage', 'numeric'],
  ['wage_period', 'text'],
  ['submitted_on', 'date'],
  ['biometrics_due_on', 'date'],
  ['medical_due_on', 'date'],
  ['decision_on', 'date'],
  ['permit_expires_on', 'date'],
  ['lmia_stream', 'text'],
  ['lmia_status', 'lmia_status'],
  ['lmia_number', 'text'],
  ['lmia_issued_on', 'date'],
  ['lmia_expires_on', 'date'],
  ['exemption_code', 'text'],
  ['imp_permit_type', 'text'],
  ['offer_of_employment_number', 'text'],
  ['compliance_fee_paid', 'boolean'],
  ['created_by_id', 'uuid'],
  ['created_at', 'timestamptz'],
];

export const DEADLINE_COLUMNS: readonly Column[] = [
  ['id', 'uuid'],
  ['file_id', 'uuid'],
  ['kind', 'deadline_kind'],
  ['source', 'deadline_source'],
  ['title', 'text'],
  ['due_on', 'date'],
  ['assignee_id', 'uuid'],
  ['completed_at', 'timestamptz'],
  ['completed_by_id', 'uuid'],
  ['created_at', 'timestamptz'],
];

/** The key-date kind of a file's n-th deadline (one per kind and file); later ones are added by hand. */
function kindOf(n: number, tfwp: boolean): { kind: string; title: string; keyDate: boolean } {
  switch (n) {
    case 0:
      return { kind: 'permit_expiry', title: 'Work permit expires', keyDate: true };
    case 1:
      return { kind: 'biometrics', title: 'Biometrics due', keyDate: true };
    case 2:
      return tfwp
        ? { kind: 'lmia_expiry', title: 'LMIA expires', keyDate: true }
        : { kind: 'medical', title: 'Medical exam due', keyDate: true };
    default:
      return {
        kind: 'document_request',
        title: 'Send the employment letter requested by IRCC',
        keyDate: false,
      };
  }
}

/**
 * Files, newest last, with numbers WP-<year>-<n> in creation order, and their deadlines: key-date deadlines equal
 * to the file's columns, exactly `sizes.openFutureDeadlines` of all deadlines open and due from tomorrow on, the
 * rest completed (most) or overdue by more than a day.
 */
export function generateFiles(
  sizes: Sizes,
  random: Random,
  pools: Pools,
  clients: SeededClient[],
  todayMs: number,
  files: SeededFile[],
  deadlineRows: Row[],
): Row[] {
  const perYear = new Map<number, number>();
  const impCodes = pools.impCodes.map((c) => [c, c.weight] as const);
  const nocCodes = pools.nocCodes.map((c) => [c, c.weight] as const);
  const basePerFile = Math.floor(sizes.deadlines / sizes.files);
  const extra = sizes.deadlines - basePerFile * sizes.files;
  let openLeft = sizes.openFutureDeadlines;
  let deadlinesLeft = sizes.deadlines;
  const rows: Row[] = [];

  for (let i = 0; i < sizes.files; i++) {
    const createdMs =
      todayMs -
      HISTORY_DAYS * DAY_MS +
      Math.floor(((i + random.next()) / sizes.files) * HISTORY_DAYS * DAY_MS);
    // A client who came in shortly before the file was opened.
    const newest = Math.max(0, Math.min(clients.length - 1, Math.floor((i / sizes.files) * clients.length)));
    const client = clients[Math.max(0, newest - random.int(0, Math.min(newest, 500)))];
    const year = new Date(createdMs).getUTCFullYear();
    const number = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, number);
    const tfwp = random.next() < 0.4;
    const status = random.weighted(STATUS_WEIGHTS);
    const noc = random.weighted(nocCodes);
    const submitted = SUBMITTED_STATUSES.has(status);
    const submittedMs = createdMs + random.int(10, 60) * DAY_MS;
    const file: SeededFile = {
      id: randomUUID(),
      clientId: client.id,
      consultantId: client.consultantId,
      createdMs,
      status,
    };
    files.push(file);

    // Deadlines first: the file's key-date columns take their dates.
    const keyDates: Record<string, string | null> = {
      permit_expiry: null,
      biometrics: null,
      medical: null,
      lmia_expiry: null,
    };
    const count = basePerFile + ((i * 7919) % sizes.files < extra ? 1 : 0);
    for (let n = 0; n < count; n++) {
      const { kind, title, keyDate } = kindOf(n, tfwp);
      const open = random.next() < openLeft / deadlinesLeft;
      deadlinesLeft--;
      let dueMs: number;
      let completedMs: number | null = null;
      if (open) {
        openLeft--;
        dueMs = todayMs + random.int(1, 365) * DAY_MS;
      } else if (random.next() < 0.9) {
        dueMs = createdMs + random.int(20, 500) * DAY_MS;
        completedMs = Math.min(dueMs, todayMs) - random.int(1, 15) * DAY_MS;
      } else {
        dueMs = todayMs - random.int(2, 120) * DAY_MS;
      }
      if (keyDate) {
        keyDates[kind] = isoDay(dueMs);
      }
      deadlineRows.push([
        randomUUID(),
        file.id,
        kind,
        keyDate ? 'key_date' : 'manual',
        title,
        isoDay(dueMs),
        random.next() < 0.8 ? client.consultantId : null,
        completedMs === null ? null : new Date(completedMs).toISOString(),
        completedMs === null ? null : client.consultantId,
        new Date(createdMs).toISOString(),
      ]);
    }

    const imp = tfwp ? null : random.weighted(impCodes);
    const employerSpecific = tfwp || imp?.permitType === 'employer_specific';
    const lmiaIssuedMs = createdMs - random.int(10, 90) * DAY_MS;
    rows.push([
      file.id,
      `WP-${year}-${number}`,
      client.id,
      client.consultantId,
      tfwp ? 'TFWP' : 'IMP',
      random.weighted([
        ['initial', 70],
        ['extension', 25],
        ['change_of_conditions', 4],
        ['restoration', 1],
      ] as const),
      status,
      employerSpecific ? random.pick(EMPLOYERS) : null,
      noc.title.slice(0, 120),
      noc.code,
      random.weighted(PROVINCE_WEIGHTS),
      employerSpecific ? random.int(18, 95) : null,
      employerSpecific ? 'hour' : null,
      submitted ? isoDay(submittedMs) : null,
      keyDates.biometrics,
      keyDates.medical,
      status === 'approved' || status === 'refused' || status === 'closed'
        ? isoDay(submittedMs + random.int(30, 200) * DAY_MS)
        : null,
      keyDates.permit_expiry,
      tfwp ? random.pick(pools.lmiaStreams) : null,
      tfwp
        ? random.weighted([
            ['positive', 70],
            ['pending', 20],
            ['not_applied', 7],
            ['negative', 3],
          ] as const)
        : null,
      tfwp ? random.digits(8) : null,
      tfwp ? isoDay(lmiaIssuedMs) : null,
      tfwp ? keyDates.lmia_expiry : null,
      imp?.code ?? null,
      imp?.permitType ?? null,
      imp?.permitType === 'employer_specific' ? `A${random.digits(7)}` : null,
      imp?.permitType === 'employer_specific' ? true : null,
      client.consultantId,
      new Date(createdMs).toISOString(),
    ]);
  }
  return rows;
}
