// The parts that hold the product to a wall-clock or memory budget, run apart and one at a time (jest.config.js).
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../booking-abuse.e2e';
import '../database-outage.e2e';
import '../redis-outage.e2e';
import '../redis-emptied.e2e';
import '../reminders-processes.e2e';
import '../outbox-processes.e2e';
import '../documents-memory.e2e';
jest.setTimeout(240_000); // the longest of its parts' (outbox-processes)
