// Files in the staff UI: warnings, history, documents.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../file-warnings.browser';
import '../staff-history.browser';
import '../documents.browser';

jest.setTimeout(180_000); // the longest of its parts'
