/**
 * The reminder throughput benchmark, apart from the test suite:
 *   npm run build && NODE_OPTIONS=--experimental-vm-modules npx jest --config bench/reminders/jest.config.js
 * (BENCH_REMINDERS=2000 and BENCH_CONCURRENCY=1,5,20 change the size and the worker concurrencies tried).
 */
const root = require('../../jest.config.js');
const e2e = root.projects.find((p) => p.displayName === 'e2e');

module.exports = {
  ...e2e,
  rootDir: `${__dirname}/../..`,
  displayName: 'bench',
  testMatch: ['<rootDir>/bench/reminders/*.bench.ts'],
  testTimeout: 600_000,
};
