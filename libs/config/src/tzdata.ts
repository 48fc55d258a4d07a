/**
 * The IANA time zone data (tzdata) the product's time rules need, and the one start-up check of it.
 *
 * Node answers every time-zone question (Intl, luxon) from the tzdata bundled with its ICU, whose release it
 * reports as `process.versions.tz` (e.g. "2026c"). Canada changed its clocks several times in 2026; a Node with
 * older data gets every instant after the change wrong by an hour in the zones concerned. Sources and dates
 * checked: docs/domain-sources-deadlines.md ("Time zone data").
 */

/**
 * The oldest tzdata any process runs with: 2026c models British Columbia (America/Vancouver, 2026b) and Alberta
 * (America/Edmonton, 2026c) on permanent -07 and -06 from 2026-11-01. Raise it (and the pinned `node` package)
 * when a newer release changes a zone firms use.
 */
export const TZDATA_MINIMUM = '2026c';

/**
 * Zones whose 2026 changes came in later releases than TZDATA_MINIMUM. A firm time zone listed here needs at least
 * that release, or the process refuses to start (rather than place every deadline and reminder an hour off).
 */
export const TZDATA_ZONE_MINIMUMS: Readonly<Record<string, { release: string; change: string }>> = {
  'America/Inuvik': {
    release: '2026d',
    change: 'Northwest Territories (Inuvik) stays on -06 all year from 2026-11-01',
  },
  'America/Winnipeg': { release: '2026e', change: 'Manitoba stays on -05 all year from 2026-11-01' },
  'Canada/Central': { release: '2026e', change: 'Manitoba stays on -05 all year from 2026-11-01' },
};

/** "2026c" → [2026, "c"]; undefined when the text is not a tzdata release name. */
function parseRelease(release: string): [number, string] | undefined {
  const match = /^(\d{4})([a-z]+)$/.exec(release.trim());
  return match ? [Number(match[1]), match[2]] : undefined;
}

/** Negative when a is older than b, 0 when equal, positive when newer; throws on a malformed name. */
export function compareTzdataReleases(a: string, b: string): number {
  const left = parseRelease(a);
  const right = parseRelease(b);
  if (!left || !right) {
    throw new Error(`not a tzdata release name: ${left ? b : a}`);
  }
  if (left[0] !== right[0]) {
    return left[0] - right[0];
  }
  // Release letters run a..z, then za, zb...: longer is newer, then alphabetical.
  return left[1].length !== right[1].length
    ? left[1].length - right[1].length
    : left[1].localeCompare(right[1]);
}

/** The release a zone needs: its own minimum if it has one, else TZDATA_MINIMUM. */
export function requiredTzdataFor(timeZone: string): string {
  return TZDATA_ZONE_MINIMUMS[timeZone]?.release ?? TZDATA_MINIMUM;
}

/**
 * Why this runtime's tzdata cannot serve the firm, one line per problem; empty when it can.
 * `available` is `process.versions.tz` (undefined on a Node built without ICU).
 */
export function tzdataProblems(available: string | undefined, firmTimeZone: string): string[] {
  const fix =
    'run the pinned Node (`npm start`, `npm run start:api`, or node_modules/.bin/node) or upgrade the `node` package';
  if (!available || !parseRelease(available)) {
    return [
      `this Node reports no IANA time zone data (process.versions.tz is ${JSON.stringify(available)}); ${fix}`,
    ];
  }
  const problems: string[] = [];
  if (compareTzdataReleases(available, TZDATA_MINIMUM) < 0) {
    problems.push(
      `this Node (${process.version}) carries tzdata ${available}, older than the ${TZDATA_MINIMUM} PermitDesk needs ` +
        `(British Columbia and Alberta stay on -07 and -06 all year from 2026-11-01); ${fix}`,
    );
  }
  const zone = TZDATA_ZONE_MINIMUMS[firmTimeZone];
  if (zone && compareTzdataReleases(available, zone.release) < 0 && problems.length === 0) {
    problems.push(
      `FIRM_TIMEZONE ${firmTimeZone} needs tzdata ${zone.release} or newer (${zone.change}); this Node ` +
        `(${process.version}) carries ${available}, which would place its deadlines and reminders an hour off; ${fix}`,
    );
  }
  return problems;
}
