import { centsOf, dollarsOf, MAX_CENTS, rateText } from './money';

describe('amounts typed in dollars', () => {
  it.each([
    ['1500', 150_000],
    ['1500.5', 150_050],
    ['1,500.00', 150_000],
    ['$1,234.56', 123_456],
    ['1 234,56', 123_456],
    ['1\u00a0234,56 $', 123_456],
    ['1.234,5', 123_450],
    ['155,00', 15_500],
    ['0.01', 1],
    ['0', 0],
  ])('%s is %d cents', (text, cents) => {
    expect(centsOf(text)).toBe(cents);
  });

  it.each(['', 'abc', '-5', '1.234', '12.345', '1,2,3.4.5', '1e3', String(MAX_CENTS)])(
    'refuses %j (not an amount of at most two decimals, or too large)',
    (text) => {
      expect(centsOf(text)).toBeNull();
    },
  );

  it('writes cents back as an amount to edit, in the UI language', () => {
    expect(dollarsOf(150_050, 'en')).toBe('1500.50');
    expect(dollarsOf(150_050, 'fr')).toBe('1500,50');
    expect(centsOf(dollarsOf(123_456, 'fr'))).toBe(123_456);
  });

  it('shows tax rates kept in thousandths of a percent', () => {
    expect(rateText(13_000, 'en')).toBe('13%');
    expect(rateText(9_975, 'en')).toBe('9.975%');
    expect(rateText(9_975, 'fr')).toBe('9,975 %');
  });
});
