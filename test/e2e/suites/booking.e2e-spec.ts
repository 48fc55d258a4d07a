// Public booking, consultations and their calendar invites.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../booking.e2e';
import '../booking-validation.e2e';
import '../booking-concurrency.e2e';
import '../booking-rate-limit.e2e';
import '../booking-reminder.e2e';
import '../calendar-invites.e2e';
import '../consultations.e2e';
import '../consultations-demo.e2e';
