import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * With BENCH_PROFILE_DIR set, a product process started by this section writes there a CPU profile
 * (`<name>-*.cpuprofile`, open it in Chrome DevTools) and its SQL statements with counts and times
 * (`<name>-queries.json`). Variables to add to the process's environment; none without BENCH_PROFILE_DIR.
 */
export function profileEnv(name: string): Record<string, string> {
  const dir = process.env.BENCH_PROFILE_DIR;
  if (!dir) {
    return {};
  }
  const absolute = resolve(dir);
  mkdirSync(absolute, { recursive: true });
  return {
    NODE_OPTIONS: [
      '--cpu-prof',
      `--cpu-prof-dir=${absolute}`,
      `--cpu-prof-name=${name}-${Date.now()}.cpuprofile`,
      `--require=${join(__dirname, 'profile-preload.js')}`,
    ].join(' '),
    BENCH_QUERY_STATS_FILE: join(absolute, `${name}-queries.json`),
  };
}
