import { rmSync } from 'node:fs';
import { TEST_LOG_DIR } from './log-scanner';
import { runMigrations } from '../../libs/database/src/migrate';
import { databaseUrl, runPrefix, withServer } from './test-databases';

/**
 * Creates and migrates this run's template database; every test file copies it. Several jest projects
 * (e2e, browser) name this file as their globalSetup and jest runs it once per project, one after the
 * other, in the same process: the first call makes the template, the others reuse it.
 */
export default async function globalSetup(): Promise<void> {
  if (
    process.env.PERMITDESK_TEST_TEMPLATE_READY === process.env.PERMITDESK_TEST_RUN &&
    process.env.PERMITDESK_TEST_RUN
  ) {
    return;
  }
  process.env.PERMITDESK_TEST_RUN = `${Date.now().toString(36)}_${process.pid}`;
  // The previous run's logs (each test file writes its own, test-results/logs/<test file>.log).
  rmSync(TEST_LOG_DIR, { recursive: true, force: true });
  const template = `${runPrefix()}_tpl`;
  await withServer((client) => client.query(`CREATE DATABASE "${template}"`));
  await runMigrations(databaseUrl(template));
  process.env.PERMITDESK_TEST_TEMPLATE_READY = process.env.PERMITDESK_TEST_RUN;
}
