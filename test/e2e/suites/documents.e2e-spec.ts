// Documents on files: upload, review, expiry, failures, retention.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../documents.e2e';
import '../documents-review.e2e';
import '../documents-expiry.e2e';
import '../documents-failures.e2e';
import '../documents-retention.e2e';
