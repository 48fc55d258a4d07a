// The parts that stop or empty Redis and hold the product to a wall-clock budget while it heals: they run after the
// other files, beside the other timed suites only (test/support/suite-runner.ts).
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../redis-outage.e2e';
import '../redis-emptied.e2e';
jest.setTimeout(240_000); // as the other timed suites: a budget is the test's own assertion, not this
