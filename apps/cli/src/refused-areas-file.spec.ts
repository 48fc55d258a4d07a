import { parseRefusedAreasFile } from './refused-areas-file';

describe('import-refused-areas file', () => {
  it('reads a CSV with the dates and source from the options', () => {
    const csv =
      '\uFEFFname,province_code,unemployment_rate\r\n"Kitchener-Cambridge-Waterloo",on,7.1\r\nCalgary,AB,\n';
    expect(
      parseRefusedAreasFile('q.csv', csv, {
        from: '2026-10-10',
        to: '2027-01-08',
        source: 'https://example.ca/list',
      }),
    ).toEqual({
      effectiveFrom: '2026-10-10',
      effectiveTo: '2027-01-08',
      source: 'https://example.ca/list',
      note: null,
      areas: [
        { name: 'Kitchener-Cambridge-Waterloo', provinceCode: 'ON', unemploymentRate: 7.1 },
        { name: 'Calgary', provinceCode: 'AB', unemploymentRate: null },
      ],
    });
    expect(
      parseRefusedAreasFile('q.CSV', 'name,province_code\nToronto,ON\n', {
        from: '2026-10-10',
        source: 'https://e.ca',
      }).areas,
    ).toEqual([{ name: 'Toronto', provinceCode: 'ON', unemploymentRate: null }]);
  });

  it('reads a JSON list as the API takes it, options overriding', () => {
    const json = JSON.stringify({
      effectiveFrom: '2026-10-10',
      effectiveTo: null,
      source: 'https://e.ca',
      areas: [{ name: 'Toronto', provinceCode: 'ON' }],
    });
    expect(parseRefusedAreasFile('q.json', json, { to: '2027-01-08' })).toMatchObject({
      effectiveFrom: '2026-10-10',
      effectiveTo: '2027-01-08',
    });
  });

  it('says what is missing', () => {
    expect(() => parseRefusedAreasFile('q.csv', 'name,province_code\nToronto,ON\n', {})).toThrow(
      /--from YYYY-MM-DD and --source/,
    );
    expect(() =>
      parseRefusedAreasFile('q.csv', 'name\nToronto\n', { from: '2026-10-10', source: 'https://e.ca' }),
    ).toThrow(/missing columns province_code/);
    expect(() => parseRefusedAreasFile('q.txt', '', {})).toThrow(/\.csv or \.json/);
    expect(() => parseRefusedAreasFile('q.json', '[]', {})).toThrow(/expected an object/);
  });
});
