import { checkRuntime } from './app-config';
import { ConfigError } from './environment';
import {
  compareTzdataReleases,
  requiredTzdataFor,
  TZDATA_MINIMUM,
  TZDATA_ZONE_MINIMUMS,
  tzdataProblems,
} from './tzdata';

/** The UTC offset of a zone at an instant, as this runtime's ICU answers it ("GMT-07:00"). */
function offsetAt(timeZone: string, iso: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, timeZoneName: 'longOffset' }).formatToParts(
    new Date(iso),
  );
  return parts.find((p) => p.type === 'timeZoneName')?.value ?? '';
}

describe('tzdata releases', () => {
  it('orders release names by year, then letter', () => {
    expect(compareTzdataReleases('2025c', '2026a')).toBeLessThan(0);
    expect(compareTzdataReleases('2026c', '2026c')).toBe(0);
    expect(compareTzdataReleases('2026e', '2026d')).toBeGreaterThan(0);
    expect(compareTzdataReleases('2026za', '2026z')).toBeGreaterThan(0);
    expect(() => compareTzdataReleases('latest', '2026c')).toThrow('not a tzdata release name');
  });

  it('asks the newer release of the zones changed after the minimum', () => {
    expect(requiredTzdataFor('America/Toronto')).toBe(TZDATA_MINIMUM);
    expect(requiredTzdataFor('America/Inuvik')).toBe('2026d');
    expect(requiredTzdataFor('America/Winnipeg')).toBe('2026e');
  });
});

describe('the start-up check', () => {
  it('refuses a Node whose tzdata is older than the minimum, saying what to do', () => {
    const [problem] = tzdataProblems('2025c', 'America/Vancouver');
    expect(problem).toContain('tzdata 2025c, older than the 2026c PermitDesk needs');
    expect(problem).toContain('node_modules/.bin/node');
    expect(tzdataProblems(undefined, 'America/Toronto')[0]).toContain('no IANA time zone data');
  });

  it('accepts the minimum for zones without a later change', () => {
    expect(tzdataProblems('2026c', 'America/Vancouver')).toEqual([]);
    expect(tzdataProblems('2026c', 'America/Toronto')).toEqual([]);
  });

  it('refuses a firm in a zone whose change came in a later release', () => {
    expect(tzdataProblems('2026c', 'America/Winnipeg')[0]).toContain(
      'FIRM_TIMEZONE America/Winnipeg needs tzdata 2026e',
    );
    expect(tzdataProblems('2026d', 'America/Inuvik')).toEqual([]);
    expect(tzdataProblems('2026e', 'America/Winnipeg')).toEqual([]);
  });

  it('stops the process with a ConfigError (loadConfigOrExit prints it and exits 1)', () => {
    expect(() => checkRuntime({ firmTimeZone: 'America/Toronto' }, '2025c')).toThrow(ConfigError);
    expect(() => checkRuntime({ firmTimeZone: 'America/Toronto' }, '2025c')).toThrow(
      /Time zone data too old/,
    );
    expect(() => checkRuntime({ firmTimeZone: 'America/Toronto' }, TZDATA_MINIMUM)).not.toThrow();
  });
});

describe('the runtime the tests run on', () => {
  const runtime = process.versions.tz;

  it(`carries tzdata ${TZDATA_MINIMUM} or newer (run the tests through npm scripts or npx, on the pinned Node)`, () => {
    expect(runtime).toBeDefined();
    expect(compareTzdataReleases(runtime!, TZDATA_MINIMUM)).toBeGreaterThanOrEqual(0);
  });

  it('places British Columbia and Alberta on permanent -07 and -06 after 2026-11-01', () => {
    expect(offsetAt('America/Vancouver', '2026-12-04T12:00:00Z')).toBe('GMT-07:00');
    expect(offsetAt('America/Vancouver', '2027-07-01T12:00:00Z')).toBe('GMT-07:00');
    expect(offsetAt('America/Edmonton', '2026-12-04T12:00:00Z')).toBe('GMT-06:00');
    expect(offsetAt('America/Toronto', '2026-12-04T12:00:00Z')).toBe('GMT-05:00');
  });

  // Either this runtime has the later release and gets the zone right, or the start-up check refuses the zone:
  // never a firm whose every date is an hour off.
  it.each([
    ['America/Inuvik', 'GMT-06:00'],
    ['America/Winnipeg', 'GMT-05:00'],
  ])('%s: right offset after 2026-11-01, or refused at start', (zone, offset) => {
    const needed = TZDATA_ZONE_MINIMUMS[zone].release;
    if (compareTzdataReleases(runtime!, needed) >= 0) {
      expect(offsetAt(zone, '2026-12-04T12:00:00Z')).toBe(offset);
    } else {
      expect(tzdataProblems(runtime, zone)).toHaveLength(1);
    }
  });
});

describe('the guard every entry point loads first (runtime-guard.ts, imported by this lib before anything else)', () => {
  const real = Object.getOwnPropertyDescriptor(process.versions, 'tz')!;
  afterEach(() => {
    Object.defineProperty(process.versions, 'tz', real);
    jest.restoreAllMocks();
  });

  function loadGuardWith(tz: string): { exited: number | undefined; printed: string } {
    Object.defineProperty(process.versions, 'tz', { ...real, value: tz });
    let exited: number | undefined;
    let printed = '';
    jest.spyOn(process, 'exit').mockImplementation(((code?: number) => {
      exited = code;
      return undefined as never;
    }) as typeof process.exit);
    jest.spyOn(process.stderr, 'write').mockImplementation(((text: string) => {
      printed += text;
      return true;
    }) as typeof process.stderr.write);
    jest.isolateModules(() => {
      // The guard acts when its module is evaluated; only a synchronous require re-evaluates it in isolation.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require('./runtime-guard');
    });
    return { exited, printed };
  }

  it('stops an old runtime with a clear line, before NestJS is loaded', () => {
    const { exited, printed } = loadGuardWith('2025c');
    expect(exited).toBe(1);
    expect(printed).toContain('PermitDesk cannot start: Time zone data too old');
    expect(printed).toContain('carries tzdata 2025c, older than the 2026c');
  });

  it('lets a current runtime through', () => {
    expect(loadGuardWith(TZDATA_MINIMUM)).toEqual({ exited: undefined, printed: '' });
  });
});
