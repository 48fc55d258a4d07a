import { parseCsv, parseCsvRecords } from './csv';

describe('parseCsv', () => {
  it('splits plain fields and lines', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('x,"a, b","say ""hi""","two\nlines"\r\nlast,,"",end')).toEqual([
      ['x', 'a, b', 'say "hi"', 'two\nlines'],
      ['last', '', '', 'end'],
    ]);
  });

  it('keeps empty trailing fields and ignores a byte-order mark', () => {
    expect(parseCsv('\ufeffa,b,\n')).toEqual([['a', 'b', '']]);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a,"open\n')).toThrow(/unterminated/);
  });

  it('maps rows to records and refuses a short row', () => {
    expect(parseCsvRecords('code,title\n01,"A, B"\n', ['title', 'code'] as const)).toEqual([
      { code: '01', title: 'A, B' },
    ]);
    expect(() => parseCsvRecords('code,title\n01\n', ['code'] as const)).toThrow(/row 2 has 1 fields/);
    expect(() => parseCsvRecords('code\n01\n', ['title'] as const)).toThrow(/missing columns title/);
  });
});
