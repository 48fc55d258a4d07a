// The parts that hold the product to a wall-clock or memory budget while a dependency fails or a load arrives:
// they run after the other files, beside the other timed suite only (test/support/suite-runner.ts).
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../booking-abuse.e2e';
import '../database-outage.e2e';
import '../redis-outage.e2e';
import '../documents-memory.e2e';
jest.setTimeout(240_000); // as the other timed suite: a budget is the test's own assertion, not this
