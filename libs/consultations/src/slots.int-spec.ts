import type { Pool } from 'pg';
import { DataSource, type Logger as TypeOrmLogger } from 'typeorm';
import type { AuditService } from '@app/audit';
import { AppConfig } from '@app/config';
import { databaseOptions } from '@app/database';
import { FixedClock } from '@app/shared';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-app';
import { CONSULTATION_ENTITIES } from '../../../test/support/consultation-entities';
import { databaseUrl } from '../../../test/support/test-databases';
import { ConsultationTypesRepository } from './consultation-types.repository';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationsRepository } from './consultations.repository';
import { BOOKED_IN_WINDOW } from './schedule-rows';
import { SlotsService } from './slots.service';

/** Counts the statements TypeORM sends (named statements go around it: see countQueries). */
class CountingLogger implements TypeOrmLogger {
  queries: string[] = [];
  logQuery(query: string): void {
    this.queries.push(query);
  }
  logQueryError(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}

const NOW = new Date('2026-11-23T15:00:00Z');
const DAY = 86_400_000;

describe('SlotsService against PostgreSQL: a fixed number of queries whatever the window', () => {
  const logger = new CountingLogger();
  let database: string;
  let dataSource: DataSource;
  let slots: SlotsService;
  let typeId: string;
  const consultantIds: string[] = [];

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      databaseOptions(databaseUrl(database), {
        entities: CONSULTATION_ENTITIES,
        logging: ['query'],
        logger,
      }),
    );
    await dataSource.initialize();
    const config = AppConfig.fromVariables({
      JWT_SECRET: 'x'.repeat(40),
      DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
    });
    const repository = new ConsultationsRepository(dataSource);
    const types = new ConsultationTypesService(
      dataSource,
      new ConsultationTypesRepository(dataSource),
      {} as AuditService,
    );
    slots = new SlotsService(types, repository, new FixedClock(NOW), config);

    // Three consultants with full weeks, a type, time off and 40 booked consultations each over the next weeks.
    const [type] = await dataSource.query(
      `INSERT INTO consultation_types (name, name_fr, duration_minutes) VALUES ('Assessment', 'Évaluation', 30) RETURNING id`,
    );
    typeId = type.id;
    const [client] = await dataSource.query(
      `INSERT INTO clients (first_name, last_name) VALUES ('Load', 'Test') RETURNING id`,
    );
    const weekly = JSON.stringify(
      [1, 2, 3, 4, 5].flatMap((weekday) => [
        { weekday, start: '09:00', end: '12:00' },
        { weekday, start: '13:00', end: '17:00' },
      ]),
    );
    for (let i = 0; i < 3; i++) {
      const [user] = await dataSource.query(
        `INSERT INTO users (email, name, role, password_hash, is_bookable) VALUES ($1, $2, 'consultant', 'x', true) RETURNING id`,
        [`load${i}-${process.pid}@example.com`, `Consultant ${i}`],
      );
      consultantIds.push(user.id);
      await dataSource.query(
        `INSERT INTO consultant_availability (consultant_id, timezone, weekly, buffer_minutes, min_notice_hours, max_days_ahead, slot_interval_minutes)
         VALUES ($1, 'America/Toronto', $2, 15, 24, 60, 15)`,
        [user.id, weekly],
      );
      await dataSource.query(
        `INSERT INTO consultant_time_off (consultant_id, starts_at, ends_at) VALUES ($1, '2026-12-24T05:00:00Z', '2026-12-28T05:00:00Z')`,
        [user.id],
      );
      await dataSource.query(
        `INSERT INTO consultations (consultant_id, client_id, type_id, starts_at, ends_at, blocked_from, blocked_until, client_timezone)
         SELECT $1, $2, $3, s, s + interval '30 minutes', s, s + interval '45 minutes', 'America/Toronto'
           FROM generate_series(timestamptz '2026-11-25T14:00:00Z', timestamptz '2026-12-22T14:00:00Z', interval '16 hours') AS s`,
        [user.id, client.id, typeId],
      );
    }
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(database);
  });

  /** The statements a run sends: TypeORM's, and the named ones preparedQuery sends on the pool itself. */
  async function countQueries(run: () => Promise<unknown>): Promise<number> {
    logger.queries = [];
    const pool = (dataSource.driver as unknown as { master: Pool }).master;
    const named = jest.spyOn(pool, 'query');
    try {
      await run();
      return logger.queries.length + named.mock.calls.length;
    } finally {
      named.mockRestore();
    }
  }

  it('reads one consultant for one day or thirty days with the same four queries', async () => {
    const oneDay = await countQueries(() =>
      slots.find({
        typeId,
        consultantId: consultantIds[0],
        from: new Date(NOW.getTime() + 2 * DAY),
        to: new Date(NOW.getTime() + 3 * DAY),
      }),
    );
    let found: unknown[] = [];
    const thirtyDays = await countQueries(async () => {
      found = await slots.find({
        typeId,
        consultantId: consultantIds[0],
        from: NOW,
        to: new Date(NOW.getTime() + 30 * DAY),
      });
    });
    expect(oneDay).toBe(4);
    expect(thirtyDays).toBe(4);
    expect(found.length).toBeGreaterThan(300);
  });

  it('reads every consultant ("any") in the same four queries', async () => {
    const queries = await countQueries(() =>
      slots.find({ typeId, from: NOW, to: new Date(NOW.getTime() + 30 * DAY) }),
    );
    expect(queries).toBe(4);
  });

  it('uses the exclusion constraint’s index for the booked consultations', async () => {
    await dataSource.query('ANALYZE consultations');
    const runner = dataSource.createQueryRunner();
    await runner.connect();
    try {
      // A small table would be read sequentially anyway; the point is that the index can serve the query.
      await runner.query('SET enable_seqscan = off');
      const plan: { 'QUERY PLAN': string }[] = await runner.query(`EXPLAIN ${BOOKED_IN_WINDOW}`, [
        [consultantIds[0]],
        NOW,
        new Date(NOW.getTime() + 30 * DAY),
        NOW,
      ]);
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('ex_consultations__no_overlap');
    } finally {
      await runner.query('RESET enable_seqscan');
      await runner.release();
    }
  });

  it('stays fast: thirty days of one consultant, measured', async () => {
    const rounds = 50;
    const started = process.hrtime.bigint();
    for (let i = 0; i < rounds; i++) {
      await slots.find({
        typeId,
        consultantId: consultantIds[i % 3],
        from: NOW,
        to: new Date(NOW.getTime() + 30 * DAY),
      });
    }
    const perRequestMs = Number(process.hrtime.bigint() - started) / 1e6 / rounds;
    process.stdout.write(
      `slots for 30 days of one consultant: ${perRequestMs.toFixed(1)} ms per request (sequential, ${rounds} rounds)\n`,
    );
    expect(perRequestMs).toBeLessThan(250);
  });
});
