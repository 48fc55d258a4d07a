import { DataSource } from 'typeorm';
import { databaseOptions } from '@app/database';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-app';
import { columnsOf, fieldsOf, rowOf, undefinedKeys } from '../../../test/support/row-columns';
import { CONSULTATION_ENTITIES } from '../../../test/support/consultation-entities';
import { databaseUrl } from '../../../test/support/test-databases';
import {
  CONSULTATION_COLUMNS,
  consultationFromRow,
  consultationWithDetailsFromRow,
  VISIBLE_CONSULTATION,
  type ConsultationDetailsRow,
  type ConsultationRow,
} from './consultation-rows';
import {
  ACTIVE_CONSULTATION_TYPE,
  consultationTypeFromRow,
  type ConsultationTypeRow,
} from './consultation-type-rows';
import { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { ConsultationEntity } from './entities/consultation.entity';
import {
  CONSULTANT_AVAILABILITY,
  consultantAvailabilityFromRow,
  type ConsultantAvailabilityRow,
} from './schedule-rows';

/**
 * The hand-written statements read every column of their table, and their mappers fill every column of the
 * entity: a migration that adds a column fails here, not as a field silently missing from answers and emails.
 */
describe('hand-written consultation rows against the migrated schema', () => {
  let database: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      databaseOptions(databaseUrl(database), {
        entities: CONSULTATION_ENTITIES,
      }),
    );
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(database);
  });

  it('CONSULTATION_COLUMNS and consultationFromRow cover every consultations column', async () => {
    const { table, properties } = await columnsOf(dataSource, ConsultationEntity);
    const fields = await fieldsOf(dataSource, `SELECT ${CONSULTATION_COLUMNS} FROM consultations`, []);
    expect([...fields].sort()).toEqual(table);
    expect(Object.keys(consultationFromRow(rowOf<ConsultationRow>(fields))).sort()).toEqual(properties);
  });

  it('VISIBLE_CONSULTATION reads the whole consultation and type, and the details its emails show', async () => {
    const fields = await fieldsOf(dataSource, VISIBLE_CONSULTATION, [
      '00000000-0000-0000-0000-000000000000',
      null,
    ]);
    const consultation = consultationWithDetailsFromRow(rowOf<ConsultationDetailsRow>(fields));
    expect(undefinedKeys(consultation)).toEqual([]);
    expect(Object.keys(consultation.type).sort()).toEqual(
      (await columnsOf(dataSource, ConsultationTypeEntity)).properties,
    );
    expect(undefinedKeys(consultation.type)).toEqual([]);
    expect(undefinedKeys(consultation.client)).toEqual([]);
    expect(undefinedKeys(consultation.consultant)).toEqual([]);
  });

  it('ACTIVE_CONSULTATION_TYPE and consultationTypeFromRow cover every consultation_types column', async () => {
    const { table, properties } = await columnsOf(dataSource, ConsultationTypeEntity);
    const fields = await fieldsOf(dataSource, ACTIVE_CONSULTATION_TYPE, [
      '00000000-0000-0000-0000-000000000000',
    ]);
    expect([...fields].sort()).toEqual(table);
    expect(Object.keys(consultationTypeFromRow(rowOf<ConsultationTypeRow>(fields))).sort()).toEqual(
      properties,
    );
  });

  it('CONSULTANT_AVAILABILITY and its mapper cover every consultant_availability column', async () => {
    const { table, properties } = await columnsOf(dataSource, ConsultantAvailabilityEntity);
    const fields = await fieldsOf(dataSource, CONSULTANT_AVAILABILITY, [
      '00000000-0000-0000-0000-000000000000',
    ]);
    expect([...fields].sort()).toEqual(table);
    expect(
      Object.keys(consultantAvailabilityFromRow(rowOf<ConsultantAvailabilityRow>(fields))).sort(),
    ).toEqual(properties);
  });
});
