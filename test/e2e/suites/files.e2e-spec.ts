// Work-permit files, their deadlines and the reference data they use, the demo firm.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../files.e2e';
import '../files-access.e2e';
import '../files-changes.e2e';
import '../deadlines.e2e';
import '../lmia-refused-areas.e2e';
import '../noc-language.e2e';
import '../reference-data.e2e';
import '../cli-reference-data.e2e';
import '../demo-data.e2e';
