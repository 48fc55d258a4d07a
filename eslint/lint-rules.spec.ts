// The lint rules that guard the architecture must fail on a bad file, not only pass on good ones.
// Each case writes a probe file where such code would really live; one ESLint run lints them all.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const root = join(__dirname, '..');
const run = promisify(execFile);

const probes = {
  deepRelativeImport: {
    folder: 'libs/clients/src',
    source:
      "import { DeadlinesService } from '../../work-permits/src/deadlines/deadlines.service';\n" +
      'export const probe = DeadlinesService;\n',
  },
  libImportsApp: {
    folder: 'libs/clients/src',
    source:
      "import { createApiApp } from '../../../apps/api/src/bootstrap';\nexport const probe = createApiApp;\n",
  },
  appImportsApp: {
    folder: 'apps/worker/src',
    source: "import { createApiApp } from '../../api/src/bootstrap';\nexport const probe = createApiApp;\n",
  },
  publicIndex: {
    folder: 'libs/clients/src',
    source: "import { DomainError } from '@app/shared';\nexport const probe = DomainError;\n",
  },
  unguardedRoute: {
    folder: 'apps/api/src/clients',
    source:
      "import { Controller, Get } from '@nestjs/common';\n\n" +
      "@Controller('probe')\nexport class ProbeController {\n  @Get()\n  list(): string[] {\n    return [];\n  }\n}\n",
  },
  floatingPromise: {
    folder: 'libs/clients/src',
    source:
      'async function save(): Promise<void> {}\nexport function probe(): void {\n  void 0;\n  save();\n}\n',
  },
} satisfies Record<string, { folder: string; source: string }>;

type Probe = keyof typeof probes;
const findings = new Map<Probe, Array<string | null>>();

beforeAll(async () => {
  const tag = randomBytes(4).toString('hex');
  const paths = new Map<string, Probe>();
  for (const [name, probe] of Object.entries(probes) as Array<[Probe, { folder: string; source: string }]>) {
    const path = join(root, probe.folder, `lint-probe-${name}-${tag}.ts`);
    paths.set(path, name);
    await writeFile(path, probe.source);
  }
  try {
    const { stdout } = await run(
      process.execPath,
      [join(root, 'node_modules/eslint/bin/eslint.js'), '--format', 'json', ...paths.keys()],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
    const results = JSON.parse(stdout) as Array<{
      filePath: string;
      messages: Array<{ ruleId: string | null }>;
    }>;
    for (const result of results) {
      const name = paths.get(result.filePath);
      if (name)
        findings.set(
          name,
          result.messages.map((message) => message.ruleId),
        );
    }
  } finally {
    await Promise.all([...paths.keys()].map((path) => rm(path, { force: true })));
  }
}, 120_000);

describe('architecture lint rules', () => {
  // (A deep alias such as '@app/work-permits/deadlines/...' does not even resolve: @app/<lib> is the index.)
  it("refuses a lib reaching into another lib's internals", () => {
    expect(findings.get('deepRelativeImport')).toContain('boundaries/dependencies');
  });

  it('refuses a lib importing an app, and an app importing another app', () => {
    expect(findings.get('libImportsApp')).toContain('boundaries/dependencies');
    expect(findings.get('appImportsApp')).toContain('boundaries/dependencies');
  });

  it("accepts a lib using another lib's public index", () => {
    expect(findings.get('publicIndex')).toEqual([]);
  });

  it('refuses a route handler that says nothing about who may call it', () => {
    expect(findings.get('unguardedRoute')).toContain('permitdesk/controller-access');
  });

  it('refuses a floating promise', () => {
    expect(findings.get('floatingPromise')).toContain('@typescript-eslint/no-floating-promises');
  });
});
