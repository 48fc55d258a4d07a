// The parts that kill, restart or starve the worker and API processes and hold them to a wall-clock budget: they
// run after the other files, beside the other timed suites only (test/support/suite-runner.ts).
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../reminders-processes.e2e';
import '../outbox-processes.e2e';
jest.setTimeout(240_000); // the longest of its parts' (outbox-processes)
