import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const DATA_FOLDER = join('libs', 'auth', 'data');
const FILE = 'common-passwords.txt';

/**
 * Finds libs/auth/data by walking up from `start` (the sources under jest, or dist/libs/auth/src once
 * compiled), as the reference data does; a deployment ships that folder next to dist/.
 */
function locate(start: string): string {
  let dir = start;
  for (;;) {
    const candidate = join(dir, DATA_FOLDER, FILE);
    if (existsSync(candidate)) {
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) {
      throw new Error(`Common-password list not found: no ${DATA_FOLDER}/${FILE} above ${start}`);
    }
    dir = parent;
  }
}

let common: ReadonlySet<string> | undefined;

/** The most common passwords (see libs/auth/data/SOURCES.md), lowercased; read once, on first use. */
export function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(
    readFileSync(locate(__dirname), 'utf8')
      .split('\n')
      .map((line) => line.trim().toLowerCase())
      .filter((line) => line.length > 0),
  );
  return common;
}
