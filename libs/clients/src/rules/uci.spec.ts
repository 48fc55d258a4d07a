import { normalizeUci } from './uci';

describe('normalizeUci', () => {
  it.each([
    ['12345678', '12345678'],
    ['1234-5678', '12345678'],
    ['1234 5678', '12345678'],
    ['1234567890', '1234567890'],
    ['12-3456-7890', '1234567890'],
    ['  12 3456 7890 ', '1234567890'],
  ])('accepts %p as %p', (input, expected) => {
    expect(normalizeUci(input)).toBe(expected);
  });

  it.each([
    '1234567',
    '123456789',
    '12345678901',
    '1234-567X',
    'ABCDEFGH',
    '-12345678',
    '1234--5678',
    '1234_5678',
    '',
  ])('refuses %p', (input) => {
    expect(normalizeUci(input)).toBeNull();
  });
});
