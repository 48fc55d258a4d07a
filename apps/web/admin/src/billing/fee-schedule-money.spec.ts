import { centsOf, dollarsOf } from './fee-schedule-money';

describe('centsOf', () => {
  it('reads dollars as whole cents without binary fractions', () => {
    expect(centsOf('1250')).toBe(125_000);
    expect(centsOf('12.5')).toBe(1_250);
    expect(centsOf('0.07')).toBe(7);
    expect(centsOf(' 19,99 ')).toBe(1_999);
    expect(centsOf('0.29')).toBe(29);
  });

  it('gives NaN for what is not an amount in cents', () => {
    for (const text of ['', '-5', '1.234', 'abc', '1e3']) {
      expect(centsOf(text)).toBeNaN();
    }
  });
});

describe('dollarsOf', () => {
  it('writes cents as a form shows them', () => {
    expect(dollarsOf(125_000)).toBe('1250');
    expect(dollarsOf(1_250)).toBe('12.50');
    expect(dollarsOf(7)).toBe('0.07');
  });
});
