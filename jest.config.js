/** @type {import('jest').Config} */
const common = {
  rootDir: __dirname,
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: { '^@app/(.*)$': '<rootDir>/libs/$1/src' },
  moduleFileExtensions: ['ts', 'js', 'json'],
};

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts', '<rootDir>/{apps,libs}/**/*.int-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      slowTestThreshold: 15,
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/test/browser/**/*.browser-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      testTimeout: 60000,
      slowTestThreshold: 30,
      // Apart from the unit and e2e files (see test/support/project-runner.ts), one Chromium at a time: pages.browser-spec
      // times how fast each page becomes interactive, which two browsers on two cores would double.
      runner: '<rootDir>/test/support/project-runner.ts',
      runnerOptions: { maxWorkers: Number(process.env.JEST_BROWSER_WORKERS ?? 1) },
    },
  ],
  testTimeout: 30000,
  // Jest's default on this 2-core machine is one worker, so files ran one after another while most of their time is
  // spent waiting on PostgreSQL, Redis, SMTP and timers. Every e2e file has its own database, Redis key prefix and
  // ports, so files run side by side. JEST_WORKERS (or --maxWorkers) overrides.
  maxWorkers: Number(process.env.JEST_WORKERS ?? 2),
};
