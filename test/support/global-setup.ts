import { runMigrations } from '../../libs/database/src/migrate';
import { databaseUrl, runPrefix, withServer } from './test-databases';

/** Creates and migrates this run's template database; every test file copies it. */
export default async function globalSetup(): Promise<void> {
  process.env.PERMITDESK_TEST_RUN = `${Date.now().toString(36)}_${process.pid}`;
  const template = `${runPrefix()}_tpl`;
  await withServer((client) => client.query(`CREATE DATABASE "${template}"`));
  await runMigrations(databaseUrl(template));
}
