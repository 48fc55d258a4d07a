// Reminders planned and sent, and the email outbox.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../reminders-planning.e2e';
import '../reminders-sending.e2e';
import '../outbox-delivery.e2e';
import '../outbox-secrets.e2e';
