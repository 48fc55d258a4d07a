// Staff sign-in, forms and the staff UI's workflows.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../staff.browser';
import '../staff-forms.browser';
import '../staff-ux.browser';

jest.setTimeout(120_000); // the longest of its parts'
