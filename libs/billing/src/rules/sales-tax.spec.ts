import { PROVINCE_CODES, type ProvinceCode } from '@app/reference-data';
import { invoiceTotals, taxOn, taxRatesOn, type TaxableLine } from './sales-tax';

const FEE: TaxableLine = { kind: 'professional_fee', quantity: 1, unitCents: 100_000 };
const IRCC_FEE: TaxableLine = { kind: 'disbursement', quantity: 1, unitCents: 15_500 };
const ON_DAY = '2026-12-05';

describe('taxOn: one rounding rule, half-up per line', () => {
  it.each([
    // cents, rate (thousandths of %), expected
    [100, 5000, 5], // exact
    [10, 5000, 1], // 0.5 → 1 (half-up)
    [9, 5000, 0], // 0.45 → 0
    [30, 5000, 2], // 1.5 → 2
    [1, 13000, 0], // 0.13 → 0
    [4, 13000, 1], // 0.52 → 1
    [100, 9975, 10], // 9.975 → 10
    [1_000_000, 9975, 99_750],
    [333, 14975, 50], // 49.867 → 50
    [0, 15000, 0],
  ])('%i cents at %i → %i', (cents, rate, expected) => {
    expect(taxOn(cents, rate)).toBe(expected);
  });

  it('refuses fractional or negative cents', () => {
    expect(() => taxOn(1.5, 5000)).toThrow();
    expect(() => taxOn(-1, 5000)).toThrow();
  });
});

describe('rates by province on a date', () => {
  const expected: Record<ProvinceCode, string> = {
    AB: 'GST 5000',
    BC: 'GST 5000',
    MB: 'GST 5000',
    SK: 'GST 5000',
    YT: 'GST 5000',
    NT: 'GST 5000',
    NU: 'GST 5000',
    ON: 'HST 13000',
    NB: 'HST 15000',
    NL: 'HST 15000',
    PE: 'HST 15000',
    NS: 'HST 14000',
    QC: 'GST 5000 + QST 9975',
  };
  it.each(PROVINCE_CODES.map((p) => [p]))('%s', (province) => {
    const rates = taxRatesOn(province, ON_DAY);
    expect(rates.map((r) => `${r.kind} ${r.rate}`).join(' + ')).toBe(expected[province]);
  });

  it('Nova Scotia: 15% on 2025-03-31, 14% from 2025-04-01', () => {
    expect(taxRatesOn('NS', '2025-03-31')).toEqual([{ kind: 'HST', rate: 15000 }]);
    expect(taxRatesOn('NS', '2025-04-01')).toEqual([{ kind: 'HST', rate: 14000 }]);
  });

  it('keeps the earlier rates for earlier days', () => {
    expect(taxRatesOn('NB', '2016-06-30')).toEqual([{ kind: 'HST', rate: 13000 }]);
    expect(taxRatesOn('PE', '2016-09-30')).toEqual([{ kind: 'HST', rate: 14000 }]);
  });
});

describe('invoiceTotals', () => {
  it('taxes professional fees and never disbursements (Ontario)', () => {
    const totals = invoiceTotals([FEE, IRCC_FEE], { country: 'CA', province: 'ON' }, ON_DAY, false);
    expect(totals.subtotalCents).toBe(115_500);
    expect(totals.taxes).toEqual([{ kind: 'HST', rate: 13000, cents: 13_000 }]);
    expect(totals.lines[1].taxCents).toBe(0);
    expect(totals.totalCents).toBe(128_500);
    expect(totals.zeroRatedCandidate).toBe(false);
  });

  it('charges GST and QST separately in Quebec', () => {
    const totals = invoiceTotals([FEE], { country: 'CA', province: 'QC' }, ON_DAY, false);
    expect(totals.taxes).toEqual([
      { kind: 'GST', rate: 5000, cents: 5_000 },
      { kind: 'QST', rate: 9975, cents: 9_975 },
    ]);
    expect(totals.totalCents).toBe(114_975);
  });

  it('rounds per line, so the invoice tax is the sum of the lines’ rounded taxes', () => {
    // Three lines of 10 cents at 5%: 0.5 each → 1 each = 3, where rounding the sum (1.5) would give 2.
    const line: TaxableLine = { kind: 'professional_fee', quantity: 1, unitCents: 10 };
    const totals = invoiceTotals([line, line, line], { country: 'CA', province: 'AB' }, ON_DAY, false);
    expect(totals.taxCents).toBe(3);
  });

  it('uses the rate of the invoice date on both sides of the Nova Scotia change', () => {
    const place = { country: 'CA', province: 'NS' } as const;
    expect(invoiceTotals([FEE], place, '2025-03-31', false).taxCents).toBe(15_000);
    expect(invoiceTotals([FEE], place, '2025-04-01', false).taxCents).toBe(14_000);
  });

  it('flags a client outside Canada as a zero-rating candidate, taxed at nothing only once confirmed', () => {
    const outside = { country: 'US', province: null };
    const unconfirmed = invoiceTotals([FEE], outside, ON_DAY, false);
    expect(unconfirmed.zeroRatedCandidate).toBe(true);
    const confirmed = invoiceTotals([FEE], outside, ON_DAY, true);
    expect(confirmed).toMatchObject({ zeroRatedCandidate: true, taxCents: 0, totalCents: 100_000 });
  });

  it('multiplies quantity by unit price before taxing', () => {
    const totals = invoiceTotals(
      [{ kind: 'professional_fee', quantity: 3, unitCents: 3333 }],
      { country: 'CA', province: 'ON' },
      ON_DAY,
      false,
    );
    expect(totals.subtotalCents).toBe(9999);
    expect(totals.taxCents).toBe(1300); // 1299.87 → 1300
  });
});
