import { tzdataProblems } from './tzdata';

/**
 * Imported first by this lib's index, and so by every entry point before anything else loads (NestJS among them:
 * an old Node may crash loading it before loadConfigOrExit could say why). Stops the process when the runtime's
 * tzdata is older than TZDATA_MINIMUM; the firm's own zone is checked by loadConfigOrExit.
 */
const problems = tzdataProblems(process.versions.tz, 'UTC');
if (problems.length > 0) {
  process.stderr.write(
    `PermitDesk cannot start: Time zone data too old:\n${problems.map((p) => `  - ${p}`).join('\n')}\n`,
  );
  process.exit(1);
}
