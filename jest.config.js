/** @type {import('jest').Config} */
const common = {
  rootDir: __dirname,
  // One runner for every project: it runs the files side by side, then the timed suites apart (see below).
  runner: '<rootDir>/test/support/suite-runner.ts',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^@app/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

const databases = {
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
};

/**
 * The end-to-end and browser tests are parts (test/e2e/*.e2e.ts, test/browser/*.browser.ts) gathered into suites
 * (test/{e2e,browser}/suites/*-spec.ts), one jest file each. jest gives every file a module registry of its own, and loading the app into one (NestJS, TypeORM,
 * every lib; about 3 s of CPU) cost more than most parts' tests; a suite loads it once for all its parts. A part
 * alone: `npx jest test/e2e/suites/<suite> -t '<its describe>'`.
 *
 * The timed suites hold the product to a wall-clock or memory budget (an answer within the database timeouts, a
 * process up within its start-up timeout, an upload that does not grow the heap). They run after the others and
 * apart from them, beside each other (test/support/suite-runner.ts): beside the other files on 2 cores they would
 * measure the machine's load.
 */
const TIMED_SUITES = '<rootDir>/test/e2e/suites/timed-*.e2e-spec.ts';

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,eslint}/**/*.spec.ts'] },
    {
      ...common,
      ...databases,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/suites/*.e2e-spec.ts', '<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/suites/timed-'],
      slowTestThreshold: 15,
    },
    {
      ...common,
      ...databases,
      displayName: 'e2e-timed', // suite-runner.ts's TIMED_PROJECT
      testMatch: [TIMED_SUITES],
      slowTestThreshold: 15,
    },
    {
      ...common,
      ...databases,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/suites/*.browser-spec.ts'],
      testTimeout: 60000,
      slowTestThreshold: 30,
    },
  ],
  testTimeout: 30000,
  // Suites before unit files, also on a fresh clone that has no timings of an earlier run.
  testSequencer: '<rootDir>/test/support/suite-sequencer.ts',
  // Much of an end-to-end or browser file's time is spent waiting on PostgreSQL, Redis, SMTP, Chromium and timers,
  // and every such file has its own database, Redis key prefix and ports, so files run side by side. Three at a
  // time on a 2-core machine: the whole run took 343 and 351 s with three, 363 s with four (more CPU lost to switching:
  // 612 against 652 core-seconds) and 389 s with two (cores idle while files wait). JEST_WORKERS (or --maxWorkers)
  // overrides.
  maxWorkers: Number(process.env.JEST_WORKERS ?? 3),
};
