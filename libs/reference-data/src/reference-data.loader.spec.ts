import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadReferenceData, locateDataDir } from './reference-data.loader';

describe('reference data files', () => {
  let root: string;
  let dataDir: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'reference-data-'));
    dataDir = join(root, 'libs', 'reference-data', 'data');
    cpSync(locateDataDir(__dirname), dataDir, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const edit = (file: string, change: (text: string) => string) =>
    writeFileSync(join(dataDir, file), change(readFileSync(join(dataDir, file), 'utf8')));

  it('finds the data folder from the sources and from the compiled output', () => {
    const compiled = join(root, 'dist', 'libs', 'reference-data', 'src');
    mkdirSync(compiled, { recursive: true });
    expect(locateDataDir(compiled)).toBe(dataDir);
    expect(locateDataDir(join(root, 'libs', 'reference-data', 'src'))).toBe(dataDir);
  });

  it('says where it looked when there is no data folder', () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'no-reference-data-'));
    try {
      expect(() => locateDataDir(elsewhere)).toThrow(/Reference data not found/);
    } finally {
      rmSync(elsewhere, { recursive: true, force: true });
    }
  });

  it('loads an intact copy', () => {
    expect(loadReferenceData(dataDir).nocUnitGroups).toHaveLength(516);
  });

  it.each([
    [
      'imp-exemption-codes.json',
      '"status": "closed",',
      '"status": "paused",',
      /imp-exemption-codes.json: exemption code C88 status/,
    ],
    ['provinces.json', '"code": "YT"', '"code": "YK"', /provinces.json: unknown province code YK/],
    ['tfwp-lmia.json', '"id": "sawp"', '"id": "seasonal"', /tfwp-lmia.json: unknown LMIA stream seasonal/],
    ['noc-2016-to-2021.csv', ',21232,', ',21299,', /noc-2016-to-2021.csv: unknown NOC 2021 code 21299/],
    ['ircc-work-permit-holders-dec31-by-province.csv', 'IMP,NL', 'OWP,NL', /unknown program OWP/],
    ['noc-2021.csv', '00010,Legislators', '00010,Legis"lators', /noc-2021.csv: CSV: unexpected quote/],
  ])('refuses an unexpected value in %s', (file, from, to, message) => {
    edit(file, (text) => text.replace(from, to));
    expect(() => loadReferenceData(dataDir)).toThrow(message);
  });
});
