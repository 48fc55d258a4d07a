// Billing: invoices, payments, the fee schedule, invoice PDFs and billing reports.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../billing.e2e';
import '../billing-reports.e2e';
import '../fee-schedule.e2e';
import '../invoice-pdf.e2e';
