// @app/config first: it refuses an outdated runtime before NestJS loads.
import { loadConfigOrExit } from '@app/config';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { checkNewUserFields, UsersService } from '@app/auth';
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
