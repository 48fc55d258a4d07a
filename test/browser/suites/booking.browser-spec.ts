// The public booking page, its confirmations and the calendar feed.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../booking-page.browser';
import '../booking.browser';
import '../booking-confirmation.browser';
import '../calendar-feed.browser';

jest.setTimeout(90_000); // the longest of its parts'
