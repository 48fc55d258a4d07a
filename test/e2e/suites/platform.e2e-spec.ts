// The HTTP surface as a whole: headers, input rules, logs, the OpenAPI document and its fuzzing; the built
// processes' start-up and the worker.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../platform.e2e';
import '../http-security.e2e';
import '../input-hardening.e2e';
import '../log-hygiene.e2e';
import '../worker.e2e';
import '../processes.e2e';
import '../worker-document-sweep.e2e';
import '../fuzz.e2e';
