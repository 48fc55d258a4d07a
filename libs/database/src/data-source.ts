import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { loadConfigOrExit } from '@app/config';
import { databaseOptions } from './database-options';

/** Used by the TypeORM CLI (`npm run migration:*`) from the compiled output in dist/. */
const config = loadConfigOrExit({ generateLocalSecrets: true });

export default new DataSource(
  databaseOptions(config.databaseUrl, {
    entities: [join(__dirname, '..', '..', '*', 'src', '**', '*.entity.js')],
  }),
);
