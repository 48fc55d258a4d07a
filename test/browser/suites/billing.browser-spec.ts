// Billing in the staff UI: invoices, payments, the fee schedule.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../invoices.browser';
import '../billing.browser';
import '../fee-schedule.browser';

jest.setTimeout(90_000); // the longest of its parts'
