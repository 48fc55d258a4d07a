import { dollars } from './billing-report-csv';

describe('dollars', () => {
  it('writes whole cents as dollars with two decimals, by integer arithmetic', () => {
    expect(dollars(0)).toBe('0.00');
    expect(dollars(5)).toBe('0.05');
    expect(dollars(185_000)).toBe('1850.00');
    expect(dollars(-30_001)).toBe('-300.01');
    expect(dollars(-99)).toBe('-0.99');
    expect(dollars(2 ** 53 - 1)).toBe('90071992547409.91');
  });
});
