import { DataSource } from 'typeorm';
import { UserEntity } from '@app/auth';
import { databaseOptions } from '@app/database';
import { createTestDatabase, dropTestDatabase } from '../../../test/support/test-app';
import { columnsOf, fieldsOf, rowOf, undefinedKeys } from '../../../test/support/row-columns';
import { databaseUrl } from '../../../test/support/test-databases';
import {
  ACTIVE_CLIENT_BY_EMAIL,
  clientFromRow,
  INSERT_PROSPECT_UNLESS_EMAIL_TAKEN,
  type ClientRow,
} from './client-rows';
import { ClientEntity } from './entities/client.entity';

/** The search keys: kept by the database for the name search, never read into a client. */
const SEARCH_KEYS = {
  columns: ['first_last_key', 'last_first_key'],
  properties: ['firstLastKey', 'lastFirstKey'],
};

/**
 * The hand-written client statements read every column a client has, and clientFromRow fills every property: a
 * migration that adds a column fails here, not as a field silently missing from a booking's client.
 */
describe('hand-written client rows against the migrated schema', () => {
  let database: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = new DataSource(
      databaseOptions(databaseUrl(database), { entities: [UserEntity, ClientEntity] }),
    );
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(database);
  });

  it('ACTIVE_CLIENT_BY_EMAIL and clientFromRow cover every clients column but the search keys', async () => {
    const { table, properties } = await columnsOf(dataSource, ClientEntity);
    const fields = await fieldsOf(dataSource, ACTIVE_CLIENT_BY_EMAIL, ['nobody@example.com']);
    expect([...fields].sort()).toEqual(table.filter((c) => !SEARCH_KEYS.columns.includes(c)));
    const client = clientFromRow(rowOf<ClientRow>(fields));
    expect(Object.keys(client).sort()).toEqual(properties.filter((p) => !SEARCH_KEYS.properties.includes(p)));
    expect(undefinedKeys(client)).toEqual([]);
  });

  it('INSERT_PROSPECT_UNLESS_EMAIL_TAKEN returns the new prospect whole, and nothing for an email taken', async () => {
    const values = ['Zoé', 'Côté', 'zoe@example.com', null, 'none', 'fr'];
    const [row] = await dataSource.query<ClientRow[]>(INSERT_PROSPECT_UNLESS_EMAIL_TAKEN, values);
    expect(clientFromRow(row)).toMatchObject({
      firstName: 'Zoé',
      lastName: 'Côté',
      email: 'zoe@example.com',
      isProspect: true,
      consultantId: null,
      preferredLanguage: 'fr',
    });
    const again = await dataSource.query<ClientRow[]>(INSERT_PROSPECT_UNLESS_EMAIL_TAKEN, [
      'Zoé',
      'Côté',
      'ZOE@example.com',
      null,
      'none',
      'fr',
    ]);
    expect(again).toEqual([]);
  });
});
