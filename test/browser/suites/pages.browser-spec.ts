// Every main staff page: accessible, captured, on a phone in French.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../pages.browser';

jest.setTimeout(120_000); // the longest of its parts'
