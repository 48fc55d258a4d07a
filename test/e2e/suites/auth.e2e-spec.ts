// Staff sign-in, sessions, passwords and their throttling.
// One jest file for these parts: they share one module registry instead of loading the app each (jest.config.js).
import '../auth.e2e';
import '../auth-sessions.e2e';
import '../passwords.e2e';
import '../login-throttling.e2e';
