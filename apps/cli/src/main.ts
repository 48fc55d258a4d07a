// @app/config first: it refuses an outdated runtime before NestJS loads.
import { loadConfigOrExit } from '@app/config';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { checkNewUserFields, UsersService } from '@app/auth';
import { ClientsService } from '@app/clients';
import type { AppConfig } from '@app/config';
import { DocumentKeysService, DocumentsService } from '@app/documents';
import { IntakeAnswerKeys } from '@app/intake';
import { MessageBodyKeys } from '@app/messages';
import { OutboxSecretKeys } from '@app/notifications';
import { RefusedAreasService } from '@app/reference-data';
import { ensureDatabase, explainDatabaseProblem, runMigrations } from '@app/database';
import { Logger } from 'nestjs-pino';
import { DomainError, redactText, ValidationFailedError } from '@app/shared';
import { checkReferenceData } from './check-reference-data';
import { CliModule } from './cli.module';
import { parseRefusedAreasFile } from './refused-areas-file';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                       create the database if needed and apply pending migrations
  create-user --email E --name N --role admin|consultant|assistant [--password P]
                                create a staff account (asks for the password when not given)
  check-reference-data [--today YYYY-MM-DD]
                                list exemption codes and dated LMIA rules past their review date
                                (exit code 1 when any is past; see docs/domain-sources.md)
  import-refused-areas <file.csv|file.json> [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--source URL] [--note T]
                                store ESDC's list of CMAs where low-wage LMIAs are refused, for one quarter
                                (CSV columns name,province_code[,unemployment_rate] with --from and --source;
                                JSON as the body of PUT /api/reference/lmia-refused-areas)
  purge-documents [--older-than-days N] [--archived-for-days N] [--dry-run]
                                remove the stored bytes and data keys of documents deleted more than N days
                                ago (DOCUMENT_PURGE_AFTER_DAYS, 30) and of every document of clients archived
                                more than N days ago (DOCUMENT_RETENTION_AFTER_ARCHIVE_DAYS); audited, safe to
                                run again; --dry-run only counts
  rotate-document-keys          after setting a new DATA_ENCRYPTION_KEY with the old one in
                                DATA_ENCRYPTION_KEY_PREVIOUS: re-wrap every document's data key and re-encrypt
                                passport numbers, outbox secrets, intake answers and message bodies under the new
                                key (document content is not rewritten); safe to run again; drop
                                DATA_ENCRYPTION_KEY_PREVIOUS once it reports nothing left
  help                          show this text
`;

const out = (line: string) => process.stdout.write(`${line}\n`);
const fail = (line: string): never => {
  process.stderr.write(`${redactText(line)}\n`);
  process.exit(1);
};

async function migrate(): Promise<void> {
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  const problem = await explainDatabaseProblem(config.databaseUrl);
  if (problem) {
    fail(problem);
  }
  await ensureDatabase(config.databaseUrl);
  const applied = await runMigrations(config.databaseUrl);
  out(
    applied.length
      ? `Applied ${applied.length} migration(s): ${applied.join(', ')}`
      : 'Database schema is up to date',
  );
}

async function importRefusedAreas(args: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      from: { type: 'string' },
      to: { type: 'string' },
      source: { type: 'string' },
      note: { type: 'string' },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1) {
    fail('import-refused-areas takes one file: a .csv or .json list of CMAs');
  }
  const path = positionals[0];
  let list;
  try {
    list = parseRefusedAreasFile(path, readFileSync(path, 'utf8'), values);
  } catch (error) {
    return fail((error as Error).message);
  }
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  await migrate();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    const stored = await app.get(RefusedAreasService).replaceQuarter(list, null);
    out(
      `Stored ${stored.cmas.length} CMA(s) for ${stored.effectiveFrom} to ${stored.effectiveTo ?? 'the next list'}: ` +
        stored.cmas.map((cma) => cma.name).join(', '),
    );
  } catch (error) {
    if (error instanceof ValidationFailedError) {
      fail(
        Object.values(error.fields ?? {})
          .flat()
          .join('\n'),
      );
    }
    if (error instanceof DomainError) {
      fail(error.message);
    }
    throw error;
  } finally {
    await app.close();
  }
}

async function askPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    return fail('No --password given and no terminal to ask for one.');
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const password = await rl.question('Password (at least 12 characters, not a common one): ');
  rl.close();
  return password;
}

async function createUser(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
    },
    strict: true,
  });
  const checked = checkNewUserFields({ ...values, password: values.password ?? (await askPassword()) });
  const input =
    checked.values ??
    fail(
      Object.entries(checked.problems)
        .map(([field, messages]) => `--${field}: ${messages.join('; ')}`)
        .join('\n'),
    );
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  await migrate();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    const user = await app.get(UsersService).create(input);
    out(`Created ${user.role} ${user.email} (${user.id})`);
  } catch (error) {
    if (error instanceof DomainError) {
      fail(error.message);
    }
    throw error;
  } finally {
    await app.close();
  }
}

const DAY_MS = 24 * 60 * 60 * 1000;

function wholeDays(option: string, value: string | undefined, fallback: number): number {
  if (value === undefined) {
    return fallback;
  }
  const days = Number(value);
  return /^\d+$/.test(value) && Number.isSafeInteger(days)
    ? days
    : fail(`--${option} must be a whole number of days, got "${value}"`);
}

async function withApp<T>(
  config: AppConfig,
  run: (app: Awaited<ReturnType<typeof NestFactory.createApplicationContext>>) => Promise<T>,
): Promise<T> {
  await migrate();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

async function purgeDocuments(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      'older-than-days': { type: 'string' },
      'archived-for-days': { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  const deletedDays = wholeDays(
    'older-than-days',
    values['older-than-days'],
    config.documents.purgeAfterDays,
  );
  const archivedDays = wholeDays(
    'archived-for-days',
    values['archived-for-days'],
    config.documents.retentionAfterArchiveDays,
  );
  const dryRun = values['dry-run'] ?? false;
  await withApp(config, async (app) => {
    const now = Date.now();
    out(
      `${dryRun ? 'Counting' : 'Purging'} documents deleted more than ${deletedDays} day(s) ago and of clients ` +
        `archived more than ${archivedDays} day(s) ago`,
    );
    const { purged } = await app.get(DocumentsService).purge(
      {
        deletedBefore: new Date(now - deletedDays * DAY_MS),
        archivedBefore: new Date(now - archivedDays * DAY_MS),
        dryRun,
      },
      ({ done }) => out(`  ${done} document(s) so far`),
    );
    out(dryRun ? `${purged} document(s) would be purged` : `Purged ${purged} document(s)`);
  });
}

async function rotateDocumentKeys(): Promise<void> {
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  if (!config.previousDataEncryptionKey) {
    out('DATA_ENCRYPTION_KEY_PREVIOUS is not set: values under an older key cannot be read, only counted.');
  }
  await withApp(config, async (app) => {
    const documents = await app
      .get(DocumentKeysService)
      .rewrapAll(200, ({ done, total }) => out(`  document keys: ${done}/${total}`));
    out(`Re-wrapped ${documents.rewrapped} document key(s)`);
    const passports = await app
      .get(ClientsService)
      .reencryptPassportNumbers(200, ({ done }) => out(`  passport numbers checked: ${done}`));
    out(`Re-encrypted ${passports.reencrypted} passport number(s)`);
    const secrets = await app
      .get(OutboxSecretKeys)
      .reencryptSecrets(200, ({ done }) => out(`  outbox secrets checked: ${done}`));
    out(`Re-encrypted ${secrets.reencrypted} outbox secret(s)`);
    const answers = await app
      .get(IntakeAnswerKeys)
      .reencryptAnswers(200, ({ done }) => out(`  intake answers checked: ${done}`));
    out(`Re-encrypted ${answers.reencrypted} intake answer set(s)`);
    const messages = await app
      .get(MessageBodyKeys)
      .reencryptBodies(200, ({ done }) => out(`  message bodies checked: ${done}`));
    out(`Re-encrypted ${messages.reencrypted} message body(ies)`);
    const problems = [
      ...(documents.unknownKeyIds.length
        ? [`document keys under ${documents.unknownKeyIds.length} unknown master key(s) were left`]
        : []),
      ...(documents.failed.length ? [`${documents.failed.length} document key(s) did not unwrap`] : []),
      ...(passports.failed.length ? [`${passports.failed.length} passport number(s) did not decrypt`] : []),
      ...(secrets.failed.length ? [`${secrets.failed.length} outbox secret(s) did not decrypt`] : []),
      ...(answers.failed.length ? [`${answers.failed.length} intake answer set(s) did not decrypt`] : []),
      ...(messages.failed.length ? [`${messages.failed.length} message body(ies) did not decrypt`] : []),
    ];
    if (problems.length > 0) {
      process.stderr.write(
        `${problems.join('\n')}\nKeep DATA_ENCRYPTION_KEY_PREVIOUS until these are solved.\n`,
      );
      process.exitCode = 1;
    } else {
      out('Everything is under the current key: DATA_ENCRYPTION_KEY_PREVIOUS may be removed.');
    }
  });
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'migrate':
      return migrate();
    case 'create-user':
      return createUser(rest);
    case 'check-reference-data':
      process.exitCode = checkReferenceData(rest, { out });
      return;
    case 'import-refused-areas':
      return importRefusedAreas(rest);
    case 'purge-documents':
      return purgeDocuments(rest);
    case 'rotate-document-keys':
      if (rest.length > 0) {
        fail('rotate-document-keys takes no options');
      }
      return rotateDocumentKeys();
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return;
    default:
      fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) =>
  fail(error instanceof Error ? error.message : String(error)),
);
