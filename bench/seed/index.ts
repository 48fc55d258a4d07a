import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { Client } from 'pg';
import { PasswordHasher } from '@app/auth';
import { EnvironmentVariables } from '@app/config';
import { runMigrations } from '@app/database';
import { loadReferenceData } from '@app/reference-data';
import type { BenchContext, SectionResult, SeedInfo } from '../support/context';
import { num, seconds } from '../support/format';
import { Progress } from '../support/progress';
import {
  DAY_MS,
  HISTORY_DAYS,
  isoDay,
  ZONE,
  type Column,
  type Row,
  type SeededFile,
  COUNTRIES,
  FIRST_NAMES,
  LAST_NAMES,
  poolsFrom,
  Random,
} from './generate';
import { CONSULTATION_COLUMNS, generateConsultations } from './consultations';
import { DEADLINE_COLUMNS, FILE_COLUMNS, generateFiles } from './files';
import {
  generateInvoices,
  INVOICE_COLUMNS,
  INVOICE_LINE_COLUMNS,
  invoicedFiles,
  PAYMENT_COLUMNS,
} from './invoices';

const PASSWORD = 'bench-password-1';
const BATCH = 5_000;

/** Inserts rows with one `INSERT ... SELECT FROM unnest(...)` per batch: one round trip per BATCH rows. */
async function insertRows(
  db: Client,
  table: string,
  columns: readonly Column[],
  rows: Row[],
  progress: Progress,
): Promise<void> {
  const sql = `INSERT INTO ${table} (${columns.map(([c]) => c).join(', ')})
    SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`;
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    await db.query(
      sql,
      columns.map((_, i) => batch.map((row) => row[i])),
    );
    progress.increment(batch.length);
  }
}

/**
 * A large firm, generated in a fresh database: the sizes of ctx.sizes, real exemption codes, LMIA streams, NOC
 * groups and provinces, deadlines kept equal to the files' key dates, consultations in the past and booked ones
 * in the coming weeks. Deterministic apart from ids and "today".
 */
export async function runSeed(ctx: BenchContext): Promise<{ info: SeedInfo; result: SectionResult }> {
  const { sizes } = ctx;
  const started = performance.now();
  const timings: (string | number)[][] = [];
  const timed = async (label: string, rows: number, work: () => Promise<void>) => {
    const t0 = performance.now();
    await work();
    const took = performance.now() - t0;
    timings.push(
      rows > 0
        ? [label, num(rows, 0), seconds(took), num(rows / (took / 1000), 0)]
        : [label, '', seconds(took), ''],
    );
  };

  ctx.log(
    `Seeding ${new URL(ctx.databaseUrl).pathname.slice(1)}: ${num(sizes.clients, 0)} clients, ${num(sizes.files, 0)} files, ${num(sizes.deadlines, 0)} deadlines, ${num(sizes.consultations, 0)} consultations`,
  );
  await recreateDatabase(ctx.databaseUrl);
  await timed('Migrations', 0, async () => void (await runMigrations(ctx.databaseUrl)));

  const random = new Random(20261122);
  const pools = poolsFrom(loadReferenceData());
  const today = DateTime.now().setZone(ZONE).startOf('day');
  const todayMs = Date.parse(`${today.toISODate()}T00:00:00Z`);
  const db = new Client({ connectionString: ctx.databaseUrl });
  await db.connect();
  try {
    // At the product's default cost, as a firm's staff have it.
    const defaults = new EnvironmentVariables();
    const passwordHash = await new PasswordHasher({
      passwordHashing: {
        memoryKib: defaults.PASSWORD_HASH_MEMORY_KIB,
        passes: defaults.PASSWORD_HASH_PASSES,
        lanes: defaults.PASSWORD_HASH_LANES,
      },
    }).hash(PASSWORD);
    const adminId = randomUUID();
    const consultants = Array.from({ length: sizes.consultants }, (_, i) => ({
      id: randomUUID(),
      email: `consultant${String(i + 1).padStart(2, '0')}@bench.permitdesk.ca`,
      name: `${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${LAST_NAMES[(i * 11) % LAST_NAMES.length]}`,
    }));
    const typeIds = [randomUUID(), randomUUID()];

    await timed('Staff, types, availability', sizes.consultants + 1, async () => {
      await db.query(
        `INSERT INTO users (id, email, name, role, password_hash, timezone, is_bookable, languages)
         SELECT u.*, '{en,fr}'::text[]
           FROM unnest($1::uuid[], $2::text[], $3::text[], $4::staff_role[], $5::text[], $6::text[], $7::boolean[]) AS u`,
        [
          [adminId, ...consultants.map((c) => c.id)],
          ['admin@bench.permitdesk.ca', ...consultants.map((c) => c.email)],
          ['Bench Admin', ...consultants.map((c) => c.name)],
          ['admin', ...consultants.map(() => 'consultant')],
          [passwordHash, ...consultants.map(() => passwordHash)],
          [ZONE, ...consultants.map(() => ZONE)],
          [false, ...consultants.map(() => true)],
        ],
      );
      await db.query(
        `INSERT INTO consultation_types (id, name, name_fr, duration_minutes, price_cents)
         VALUES ($1, 'Work permit assessment', 'Évaluation de permis de travail', 30, 15000),
                ($2, 'LMIA / employer consultation', 'Consultation EIMT / employeur', 60, 25000)`,
        typeIds,
      );
      const weekly = JSON.stringify(
        [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
      );
      await db.query(
        `INSERT INTO consultant_availability (consultant_id, timezone, weekly, buffer_minutes, min_notice_hours, max_days_ahead, slot_interval_minutes)
         SELECT id, $2, $3::jsonb, 15, 24, 180, 30 FROM unnest($1::uuid[]) AS id`,
        [consultants.map((c) => c.id), ZONE, weekly],
      );
    });

    // Clients, oldest first, spread over the history.
    const clients = Array.from({ length: sizes.clients }, (_, i) => ({
      id: randomUUID(),
      consultantId: consultants[i % consultants.length].id,
      createdMs:
        todayMs -
        HISTORY_DAYS * DAY_MS +
        Math.floor(((i + random.next()) / sizes.clients) * HISTORY_DAYS * DAY_MS),
    }));
    await timed('Clients', sizes.clients, async () => {
      const progress = new Progress('clients', sizes.clients);
      const rows = clients.map((c, i) => {
        const first = random.pick(FIRST_NAMES);
        const last = random.pick(LAST_NAMES);
        const citizenship = random.weighted(COUNTRIES);
        const status = random.weighted([
          ['none', 40],
          ['visitor', 10],
          ['worker', 35],
          ['student', 15],
        ] as const);
        return [
          c.id,
          first,
          last,
          `${first}.${last}.${i}@example.com`.toLowerCase().replace(/[^a-z0-9.@-]/g, ''),
          `+1416${random.int(2000000, 9999999)}`,
          isoDay(todayMs - random.int(20 * 365, 55 * 365) * DAY_MS),
          citizenship,
          status === 'none' ? citizenship : 'CA',
          status,
          status === 'none' ? null : isoDay(todayMs + random.int(-60, 700) * DAY_MS),
          random.next() < 0.5 ? random.digits(random.next() < 0.5 ? 8 : 10) : null,
          random.next() < 0.2 ? 'fr' : 'en',
          c.consultantId,
          random.next() < 0.05,
          new Date(c.createdMs).toISOString(),
        ];
      });
      await insertRows(
        db,
        'clients',
        [
          ['id', 'uuid'],
          ['first_name', 'text'],
          ['last_name', 'text'],
          ['email', 'text'],
          ['phone', 'text'],
          ['date_of_birth', 'date'],
          ['citizenship', 'text'],
          ['country_of_residence', 'text'],
          ['status_in_canada', 'status_in_canada'],
          ['status_expires_on', 'date'],
          ['uci', 'text'],
          ['preferred_language', 'preferred_language'],
          ['consultant_id', 'uuid'],
          ['is_prospect', 'boolean'],
          ['created_at', 'timestamptz'],
        ],
        rows,
        progress,
      );
      progress.stop();
    });

    const files: SeededFile[] = [];
    const deadlineRows: Row[] = [];
    await timed('Work-permit files', sizes.files, async () => {
      const progress = new Progress('files', sizes.files);
      const rows = generateFiles(ctx.sizes, random, pools, clients, todayMs, files, deadlineRows);
      await insertRows(db, 'work_permit_files', FILE_COLUMNS, rows, progress);
      progress.stop();
      await db.query(
        `INSERT INTO file_number_counters (year, last_value)
         SELECT split_part(file_number, '-', 2)::int, max(split_part(file_number, '-', 3)::int)
           FROM work_permit_files GROUP BY 1`,
      );
    });

    await timed('Deadlines', deadlineRows.length, async () => {
      const progress = new Progress('deadlines', deadlineRows.length);
      await insertRows(db, 'deadlines', DEADLINE_COLUMNS, deadlineRows, progress);
      progress.stop();
    });

    await timed('Consultations', sizes.consultations, async () => {
      const progress = new Progress('consultations', sizes.consultations);
      const rows = generateConsultations(ctx.sizes, random, clients, consultants, typeIds, files, today);
      await insertRows(db, 'consultations', CONSULTATION_COLUMNS, rows, progress);
      progress.stop();
    });

    const billing = generateInvoices(random, await invoicedFiles(db), todayMs);
    const billingRows = billing.invoices.length + billing.lines.length + billing.payments.length;
    await timed('Invoices, lines, payments', billingRows, async () => {
      const progress = new Progress('invoice rows', billingRows);
      await insertRows(db, 'invoices', INVOICE_COLUMNS, billing.invoices, progress);
      await insertRows(db, 'invoice_lines', INVOICE_LINE_COLUMNS, billing.lines, progress);
      await insertRows(db, 'invoice_payments', PAYMENT_COLUMNS, billing.payments, progress);
      progress.stop();
      await db.query(
        `INSERT INTO invoice_number_counters (year, last_value) SELECT * FROM unnest($1::int[], $2::int[])`,
        [[...billing.counters.keys()], [...billing.counters.values()]],
      );
    });

    await timed('VACUUM ANALYZE', 0, async () => void (await db.query('VACUUM ANALYZE')));

    const counts = await db.query<{ t: string; n: string }>(
      `SELECT 'open deadlines due from tomorrow' AS t, count(*)::text AS n FROM deadlines WHERE completed_at IS NULL AND due_on > $1::date`,
      [today.toISODate()],
    );
    const took = performance.now() - started;
    const sample = Array.from(
      { length: Math.min(1000, files.length) },
      (_, i) => files[Math.floor((i * files.length) / Math.min(1000, files.length))].id,
    );
    const info: SeedInfo = {
      password: PASSWORD,
      adminEmail: 'admin@bench.permitdesk.ca',
      consultants: consultants.map(({ id, email }) => ({ id, email })),
      consultationTypeId: typeIds[0],
      fileIds: sample,
      nameFragments: [
        ...new Set(
          [...LAST_NAMES, ...FIRST_NAMES]
            .map((n) =>
              n
                .toLowerCase()
                .replace(/[^a-z]/g, '')
                .slice(0, 4),
            )
            .filter((n) => n.length >= 3),
        ),
      ].slice(0, 100),
    };
    return {
      info,
      result: {
        title: 'Seed: a large firm',
        headers: ['Step', 'Rows', 'Time', 'Rows/s'],
        rows: [...timings, ['Total', '', seconds(took), '']],
        checks: [{ label: 'Seed the firm', value: seconds(took), budget: '< 120 s', pass: took < 120_000 }],
        notes: [
          `${counts.rows[0].n} ${counts.rows[0].t}; every seeded staff user signs in with the password ${PASSWORD}.`,
        ],
      },
    };
  } finally {
    await db.end();
  }
}

async function recreateDatabase(url: string): Promise<void> {
  const name = new URL(url).pathname.slice(1);
  const server = new URL(url);
  server.pathname = '/postgres';
  const db = new Client({ connectionString: server.toString() });
  await db.connect();
  try {
    await db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await db.query(`CREATE DATABASE "${name}"`);
  } finally {
    await db.end();
  }
}
