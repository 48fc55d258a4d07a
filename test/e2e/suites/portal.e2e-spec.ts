// The client portal: sign-in, scope, intake, documents, messages, agreements, billing.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../portal-auth.e2e';
import '../portal-scope.e2e';
import '../portal-intake.e2e';
import '../portal-documents.e2e';
import '../messages.e2e';
import '../agreement.e2e';
import '../portal-agreement.e2e';
import '../portal-billing.e2e';
