import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { validate } from 'class-validator';
import { plainToInstance } from 'class-transformer';
import { UsersService } from '@app/auth';
import { formatReviewTable, loadReferenceData, reviewItems } from '@app/reference-data';
import { loadConfigOrExit } from '@app/config';
import { ensureDatabase, explainDatabaseProblem, runMigrations } from '@app/database';
import { Logger } from 'nestjs-pino';
import { DomainError, redactText } from '@app/shared';
import { CreateUserDto } from '../../api/src/users/dto/user.dto';
import { CliModule } from './cli.module';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  migrate                       create the database if needed and apply pending migrations
  create-user --email E --name N --role admin|consultant|assistant [--password P]
                                create a staff account (asks for the password when not given)
  check-reference-data [--today YYYY-MM-DD]
                                list exemption codes and dated LMIA rules past their review date
                                (exit code 1 when any is past; see docs/domain-sources.md)
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
  out(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(', ')}` : 'Database schema is up to date');
}

/** Needs no database: reads libs/reference-data/data and compares each review date with today (UTC). */
function checkReferenceData(args: string[]): void {
  const { values } = parseArgs({ args, options: { today: { type: 'string' } }, strict: true });
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) {
    fail('--today must be a date written YYYY-MM-DD');
  }
  const items = reviewItems(loadReferenceData(), today);
  out(formatReviewTable(items, today));
  if (items.some((item) => item.isPastReview)) {
    process.exitCode = 1;
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
  const dto = plainToInstance(CreateUserDto, { ...values, password: values.password ?? (await askPassword()) });
  const errors = await validate(dto, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    fail(errors.map((e) => `--${e.property}: ${Object.values(e.constraints ?? {}).join('; ')}`).join('\n'));
  }
  const config = loadConfigOrExit({ generateLocalSecrets: true });
  await migrate();
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  try {
    const user = await app.get(UsersService).create(dto);
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
      return checkReferenceData(rest);
    case undefined:
    case 'help':
    case '--help':
      out(USAGE);
      return;
    default:
      fail(`Unknown command "${command}".\n\n${USAGE}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));
