// The parts that hold the product to a wall-clock or memory budget while PostgreSQL fails or a load arrives: they run
// after the other files, beside the other timed suites only (test/support/suite-runner.ts).
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../booking-abuse.e2e';
import '../database-outage.e2e';
import '../documents-memory.e2e';
jest.setTimeout(240_000); // as the other timed suites: a budget is the test's own assertion, not this
