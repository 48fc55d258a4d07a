import { loadConfigOrExit } from '@app/config';
import { ensureDatabase, explainDatabaseProblem, runMigrations } from '@app/database';
import { redactText } from '@app/shared';
import { createApiApp } from '../../api/src/bootstrap';
import { useHumanReadableLogs } from '@app/logging';
import { demoPortalLink, prepareFirm } from '../../api/src/startup';
import { createWorkerContext } from '../../worker/src/bootstrap';

/**
 * `npm start`: everything on one machine in one process — creates the database if needed, applies pending
 * migrations, loads demo data on an empty database, then serves the API and runs the worker. In development the
 * logs are readable lines at level warn unless LOG_LEVEL says otherwise, so the banner with the address and the
 * demo logins, printed last once the API and the worker are up, is what the terminal shows.
 */
async function main(): Promise<void> {
  if (process.env.NODE_ENV !== 'production' && process.env.NODE_ENV !== 'test') {
    process.env.LOG_LEVEL ||= 'warn';
    useHumanReadableLogs();
  }
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  const log = (line: string) => process.stdout.write(`${line}\n`);

  const problem = await explainDatabaseProblem(config.databaseUrl);
  if (problem) {
    process.stderr.write(`PermitDesk cannot start: ${problem}\n`);
    process.exit(1);
  }
  if (await ensureDatabase(config.databaseUrl)) {
    log(`Created database ${new URL(config.databaseUrl).pathname.slice(1)}`);
  }
  const applied = await runMigrations(config.databaseUrl);
  log(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database schema is up to date',
  );

  const api = await createApiApp(config);
  const demo = await prepareFirm(api, config);
  await createWorkerContext(config);
  await api.listen(config.port);
  const portalLink = await demoPortalLink(api, config);

  const url = config.appUrl;
  log('');
  log(`PermitDesk is running at ${url}`);
  log(`  Staff UI:   ${url}/admin`);
  log(`  Booking:    ${url}/book`);
  log(`  API docs:   ${url}/api/docs`);
  log(`  Health:     ${url}/api/health`);
  if (demo?.logins.length) {
    log('  Demo logins (password for all: ' + demo.password + '):');
    for (const login of demo.logins) {
      log(`    ${login.role.padEnd(11)} ${login.email}`);
    }
  }
  if (portalLink) {
    log(`  Client portal (demo client ${portalLink.clientName}, one-time link, 15 minutes):`);
    log(`    ${portalLink.url}`);
  }
  log('Stop with Ctrl+C.');
}

main().catch((error: unknown) => {
  process.stderr.write(
    `PermitDesk stopped: ${redactText(error instanceof Error ? (error.stack ?? error.message) : String(error))}\n`,
  );
  process.exit(1);
});
