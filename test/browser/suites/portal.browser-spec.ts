// The client portal: sign-in, intake, agreement, the whole journey.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../portal.browser';
import '../portal-intake.browser';
import '../portal-agreement.browser';
import '../portal-journey.browser';

jest.setTimeout(180_000); // the longest of its parts'
