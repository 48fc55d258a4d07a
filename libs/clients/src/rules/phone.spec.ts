import { normalizePhone, searchDigits } from './phone';

describe('normalizePhone', () => {
  it.each([
    ['+16045550123', '+16045550123'],
    ['604-555-0123', '+16045550123'],
    ['(604) 555-0123', '+16045550123'],
    ['604.555.0123', '+16045550123'],
    ['1 604 555 0123', '+16045550123'],
    ['+44 20 7946 0958', '+442079460958'],
    ['+91 98765 43210', '+919876543210'],
  ])('stores %p as %p', (input, expected) => {
    expect(normalizePhone(input)).toBe(expected);
  });

  it.each([
    '123',
    '555-0123',
    '+1 000 000 0000',
    'call me',
    '604-555-0123 ext 4',
    '6045550123x',
    '+99 1234 5678',
  ])('refuses %p', (input) => {
    expect(normalizePhone(input)).toBeNull();
  });
});

describe('searchDigits', () => {
  it('keeps the digits of phone-like terms', () => {
    expect(searchDigits('604-555')).toBe('604555');
    expect(searchDigits('(604) 555 0123')).toBe('6045550123');
    expect(searchDigits('+1604')).toBe('1604');
  });

  it('ignores names, emails and too-short terms', () => {
    expect(searchDigits('priya')).toBeNull();
    expect(searchDigits('priya604')).toBeNull();
    expect(searchDigits('60')).toBeNull();
  });
});
