// Clients, their status and letters, exports and reports, the firm profile.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../clients.e2e';
import '../clients-access.e2e';
import '../client-status.e2e';
import '../letter-dates.e2e';
import '../exports.e2e';
import '../file-export.e2e';
import '../reports.e2e';
import '../firm-profile.e2e';
