import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem, tmpdir } from 'node:os';
import { join } from 'node:path';
import { runApiBench } from './api';
import { runBillingBench } from './billing';
import { runDocumentsBench } from './documents';
import { runRemindersBench } from './reminders';
import { runSeed } from './seed';
import {
  createContext,
  SECTIONS,
  type SectionName,
  type SectionResult,
  type SeedInfo,
} from './support/context';
import { consoleTable, markdownTable } from './support/format';
import { ROOT } from './support/processes';

const USAGE = `Usage: npm run bench [-- --quick] [-- --only=seed,api,reminders,documents,billing] [-- --scenario=TEXT] [-- --profile]
  --quick    a small firm and 1 s loads (under 2 minutes), for a smoke run
  --only     run some sections; api, reminders, documents and billing reuse the last seed of the same size
  --scenario the api section's scenarios whose name contains TEXT (any case), e.g. --only=api --scenario=bookings
  --profile  the product processes write CPU profiles to bench/results/profiles/<time>/ (BENCH_PROFILE_DIR);
             the api section lists the API's top frames per scenario`;

interface Options {
  quick: boolean;
  only: SectionName[];
  profile: boolean;
  scenario?: string;
}

function parseArgs(argv: string[]): Options {
  let quick = false;
  let only = SECTIONS;
  let profile = false;
  let scenario: string | undefined;
  for (const arg of argv) {
    if (arg === '--quick') {
      quick = true;
    } else if (arg === '--profile') {
      profile = true;
    } else if (arg.startsWith('--scenario=')) {
      scenario = arg.slice('--scenario='.length);
    } else if (arg.startsWith('--only=')) {
      const names = arg.slice('--only='.length).split(',');
      const unknown = names.filter((n) => !SECTIONS.includes(n as SectionName));
      if (unknown.length > 0) {
        throw new Error(
          `Unknown section ${unknown.join(', ')}: choose from ${SECTIONS.join(', ')}\n${USAGE}`,
        );
      }
      only = names as SectionName[];
    } else if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    } else {
      throw new Error(`Unknown option ${arg}\n${USAGE}`);
    }
  }
  return { quick, only, profile, scenario };
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function main(): Promise<void> {
  const { quick, only, profile, scenario } = parseArgs(process.argv.slice(2));
  const ctx = createContext(quick, scenario);
  const seedFile = join(tmpdir(), `${new URL(ctx.databaseUrl).pathname.slice(1)}.seed.json`);
  const started = new Date();
  if (profile) {
    const stamp = started.toISOString().slice(0, 19).replace(/:/g, '-');
    process.env.BENCH_PROFILE_DIR = join(ROOT, 'bench', 'results', 'profiles', stamp);
  }
  const loadAtStart = loadavg()[0];
  console.log(`PermitDesk benchmarks (${quick ? 'quick' : 'full'}) on ${machine()}`);
  const results: SectionResult[] = [];

  if (only.includes('seed')) {
    const { info, result } = await runSeed(ctx);
    writeFileSync(seedFile, JSON.stringify(info));
    ctx.seed = info;
    results.push(result);
    console.log(consoleTable(result));
  } else {
    try {
      ctx.seed = JSON.parse(readFileSync(seedFile, 'utf8')) as SeedInfo;
    } catch {
      throw new Error(
        `No seed found for ${ctx.databaseUrl}: run the seed first (npm run bench${quick ? ' -- --quick' : ''} -- --only=seed)`,
      );
    }
  }
  for (const [name, run] of [
    ['api', runApiBench],
    ['reminders', runRemindersBench],
    ['documents', runDocumentsBench],
    ['billing', runBillingBench],
  ] as const) {
    if (only.includes(name)) {
      for (const result of await run(ctx)) {
        results.push(result);
        console.log(consoleTable(result));
      }
    }
  }

  const checks = results.flatMap((r) => r.checks);
  const failed = checks.filter((c) => !c.pass);
  const budgets: SectionResult = {
    title: 'Budgets',
    headers: ['Measure', 'Value', 'Budget', 'Met'],
    rows: checks.map((c) => [c.label, c.value, c.budget, c.pass ? 'yes' : 'NO']),
    checks: [],
    notes: quick
      ? [
          'Quick mode: a small firm and short loads; budgets are set for the full sizes and shown for reference only.',
        ]
      : [],
  };
  console.log(consoleTable(budgets));

  const date = started.toISOString().slice(0, 10);
  const dir = join(ROOT, 'bench', 'results');
  mkdirSync(dir, { recursive: true });
  // A run of some sections (--only) or scenarios (--scenario) is named after them: it never replaces the day's full run.
  const part =
    only.length < SECTIONS.length || scenario ? `-${only.join('-')}${scenario ? '-some-scenarios' : ''}` : '';
  const file = quick ? join(dir, `${date}${part}-quick.md`) : unusedName(dir, `${date}${part}`);
  const header = [
    `# PermitDesk benchmarks, ${date}${quick ? ' (quick)' : ''}`,
    '',
    `Machine: ${machine()}. Sections: ${only.join(', ')}. Started ${started.toISOString()}, took ${Math.round((Date.now() - started.getTime()) / 1000)} s.`,
    `Command: \`npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}\`. Load average (1 min) at the start: ${loadAtStart.toFixed(1)} on ${cpus().length} cores (other programs on the machine slow both sides of every ratio).`,
    'How to read this: bench/README.md.',
  ].join('\n');
  writeFileSync(file, [header, ...results.map(markdownTable), markdownTable(budgets)].join('\n\n') + '\n');
  console.log(`\nResults written to ${file.slice(ROOT.length + 1)}`);
  console.log(
    `${checks.length - failed.length} of ${checks.length} budgets met${failed.length ? `; missed: ${failed.map((c) => c.label).join(', ')}` : ''}`,
  );
}

/**
 * `<name>.md` in `dir`, or `<name>-2.md`, `-3`… when it is taken: a second run of the same day never replaces the
 * first (results are committed; quick runs are not and are simply written again).
 */
function unusedName(dir: string, name: string): string {
  for (let n = 1; ; n += 1) {
    const file = join(dir, `${name}${n > 1 ? `-${n}` : ''}.md`);
    if (!existsSync(file)) {
      return file;
    }
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
