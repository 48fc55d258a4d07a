// The client portal: invitations, messages and billing.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../portal-invite.browser';
import '../portal-messages.browser';
import '../portal-billing.browser';

jest.setTimeout(120_000); // the longest of its parts'
