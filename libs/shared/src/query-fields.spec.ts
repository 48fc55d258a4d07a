import type { FieldErrors } from './domain-error';
import { queryFieldReader, queryYear } from './query-fields';

describe('queryFieldReader', () => {
  it('gives trimmed text, undefined for absent or empty fields', () => {
    const fields: FieldErrors = {};
    const text = queryFieldReader({ year: ' 2026 ', format: '' }, ['year', 'format', 'section'], fields);
    expect([text('year'), text('format'), text('section')]).toEqual(['2026', undefined, undefined]);
    expect(fields).toEqual({});
  });

  it('records unknown fields and fields given twice, by name', () => {
    const fields: FieldErrors = {};
    const text = queryFieldReader({ year: ['2025', '2026'], colour: 'red' }, ['year'], fields);
    expect(text('year')).toBeUndefined();
    expect(fields).toEqual({ colour: ['colour is not a known field'], year: ['year must be given once'] });
  });
});

describe('queryYear', () => {
  it('defaults to the last year and accepts the range inclusive', () => {
    const fields: FieldErrors = {};
    expect([queryYear(undefined, 2020, 2026, fields), queryYear('2020', 2020, 2026, fields)]).toEqual([
      2026, 2020,
    ]);
    expect(fields).toEqual({});
  });

  it.each(['2019', '2027', '26', '2024.5', 'abcd'])('refuses %s', (text) => {
    const fields: FieldErrors = {};
    queryYear(text, 2020, 2026, fields);
    expect(fields).toEqual({ year: ['year must be a year from 2020 to 2026'] });
  });
});
