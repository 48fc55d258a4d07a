import { existsSync, readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';

/** Where the test files' processes (api, worker, spawned dist/ processes) write their logs. */
export const TEST_LOG_DIR = resolve(__dirname, '../../test-results/logs');

/**
 * The log file of the running test file, test-results/logs/<test file>.log, which every process it starts writes
 * to. One file per test file rather than per app: nestjs-pino keeps one logger per module registry (the first app's
 * configuration wins), so every app a test file starts in-process logs through the first one's destination anyway.
 */
export function testFileLog(): string {
  const testPath = expect.getState().testPath;
  return resolve(TEST_LOG_DIR, `${testPath ? basename(testPath, '.ts') : `process-${process.pid}`}.log`);
}

/** Passwords and passport numbers the tests send: none of them may ever appear in a log line. */
export const TEST_SECRETS = [
  'a-long-test-password',
  'assistant-password',
  'long-enough-pw',
  'right-password-1',
  'right-password-2',
  'right-password-3',
  'wrong-password-here',
  'nope-nope-nope',
  'Z1234567',
  'AB123456',
  'ab123456',
  'AU1234567',
  'AU7654321',
  'au7654321',
  'ML4455667',
  'QX9876543',
];

interface LeakRule {
  name: string;
  pattern: RegExp;
}

const RULES: LeakRule[] = [
  { name: 'JWT', pattern: /eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/ },
  { name: 'bearer credential', pattern: /\b(Bearer|Basic) +(?!\[redacted\])[A-Za-z0-9._~+/=-]{6,}/i },
  {
    name: 'manage token in a path',
    pattern: /\/(book\/manage|api\/public\/bookings)\/(?!\[redacted\])[A-Za-z0-9_-]{6,}/,
  },
  {
    name: 'calendar feed token in a path',
    pattern: /\/api\/calendar\/(?!\[redacted\]|:token)[A-Za-z0-9_-]{6,}/,
  },
  // Longer than a UUID (ids are fine): what a one-time sign-in token looks like (32 bytes, base64url).
  { name: 'portal token in a path', pattern: /\/portal\/(?:[^\s"?]*\/)?(?!\[redacted\])[A-Za-z0-9_-]{37,}/ },
  { name: 'queue board cookie', pattern: /pd_queues=(?!\[redacted\]|;|"|$)/ },
  { name: 'cookie header', pattern: /"(cookie|set-cookie)":\s*"(?!\[redacted\])/i },
  { name: 'authorization header', pattern: /"authorization":\s*"(?!\[redacted\])/i },
  { name: 'password field', pattern: /"(password|newPassword|currentPassword)":\s*"(?!\[redacted\])/ },
  { name: 'passport number field', pattern: /"passportNumber":\s*"(?!\[redacted\])/ },
  { name: 'query parameters of a failed statement', pattern: /"parameters":\s*\[/ },
];

export interface LogLeak {
  rule: string;
  line: number;
  excerpt: string;
}

/**
 * Every leak in a log text: credentials and link tokens by shape, and the given known secrets (the JWT secret,
 * the data key, the tests' passwords and passport numbers) verbatim.
 */
export function findLogLeaks(text: string, knownSecrets: string[] = []): LogLeak[] {
  const literals = [...TEST_SECRETS, ...knownSecrets].filter((s) => s.length >= 6);
  const leaks: LogLeak[] = [];
  const lines = text.split('\n');
  lines.forEach((line, index) => {
    for (const rule of RULES) {
      const match = rule.pattern.exec(line);
      if (match) {
        leaks.push({ rule: rule.name, line: index + 1, excerpt: excerpt(line, match.index) });
      }
    }
    for (const secret of literals) {
      const at = line.indexOf(secret);
      if (at >= 0) {
        leaks.push({ rule: 'known secret', line: index + 1, excerpt: excerpt(line, at) });
      }
    }
  });
  return leaks;
}

function excerpt(line: string, at: number): string {
  return line.slice(Math.max(0, at - 60), at + 80);
}

/** The leaks in a log file (none when the file does not exist). */
export function scanLogFile(file: string, knownSecrets: string[] = []): LogLeak[] {
  return existsSync(file) ? findLogLeaks(readFileSync(file, 'utf8'), knownSecrets) : [];
}

/** Fails the calling test file (from afterAll or a TestApp's close()) when a log file holds a secret. */
export function assertNoLogLeaks(file: string, knownSecrets: string[] = []): void {
  const leaks = scanLogFile(file, knownSecrets);
  if (leaks.length > 0) {
    const shown = leaks.slice(0, 10).map((l) => `  ${l.rule} (line ${l.line}): …${l.excerpt}…`);
    throw new Error(`${leaks.length} secret(s) leaked into the logs (${file}):\n${shown.join('\n')}`);
  }
}
