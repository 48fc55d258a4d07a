import { ValidationFailedError } from '@app/shared';
import { parseOccupationsParams, rejectUnknownFields } from './report-params';

const isProvince = (code: string) => ['ON', 'BC', 'QC'].includes(code);

function fieldsOf(run: () => unknown): Record<string, string[]> {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationFailedError);
    return (error as ValidationFailedError).fields as Record<string, string[]>;
  }
  throw new Error('expected a ValidationFailedError');
}

describe('parseOccupationsParams', () => {
  it('defaults to this year as JSON and normalises case', () => {
    expect(parseOccupationsParams({}, 2026, isProvince)).toEqual({
      province: undefined,
      stream: undefined,
      year: 2026,
      format: 'json',
    });
    expect(
      parseOccupationsParams(
        { province: 'on', stream: 'imp', year: '2024', format: 'CSV' },
        2026,
        isProvince,
      ),
    ).toEqual({
      province: 'ON',
      stream: 'IMP',
      year: 2024,
      format: 'csv',
    });
  });

  it('names every bad field', () => {
    expect(
      Object.keys(
        fieldsOf(() =>
          parseOccupationsParams(
            { province: 'XX', stream: 'LMIA', year: '1999', format: 'xml', foo: '1' },
            2026,
            isProvince,
          ),
        ),
      ).sort(),
    ).toEqual(['foo', 'format', 'province', 'stream', 'year']);
    expect(Object.keys(fieldsOf(() => parseOccupationsParams({ year: '2027' }, 2026, isProvince)))).toEqual([
      'year',
    ]);
    expect(Object.keys(fieldsOf(() => parseOccupationsParams({ year: 'abcd' }, 2026, isProvince)))).toEqual([
      'year',
    ]);
    expect(Object.keys(fieldsOf(() => parseOccupationsParams({ year: '2024.5' }, 2026, isProvince)))).toEqual(
      ['year'],
    );
    expect(
      Object.keys(fieldsOf(() => parseOccupationsParams({ province: ['ON', 'BC'] }, 2026, isProvince))),
    ).toEqual(['province']);
  });

  it('refuses any field on the overview', () => {
    expect(() => rejectUnknownFields({})).not.toThrow();
    expect(Object.keys(fieldsOf(() => rejectUnknownFields({ year: '2026' })))).toEqual(['year']);
  });
});
