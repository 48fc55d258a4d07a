import type { ProvinceCode } from '@app/reference-data';
import { SALES_TAX_BY_PROVINCE, type TaxComponentRate, type TaxKind } from '../data/sales-tax.data';

/** Where the service is supplied: a Canadian province or territory, or a country outside Canada. */
export type PlaceOfSupply = { country: 'CA'; province: ProvinceCode } | { country: string; province: null };

export interface TaxAmount {
  kind: TaxKind;
  /** Thousandths of a percent. */
  rate: number;
  cents: number;
}

export interface TaxableLine {
  kind: 'professional_fee' | 'disbursement';
  quantity: number;
  unitCents: number;
}

export interface LineTotals {
  amountCents: number;
  taxes: TaxAmount[];
  taxCents: number;
}

export interface InvoiceTotals {
  lines: LineTotals[];
  subtotalCents: number;
  /** Per kind, the sum of the lines' (already rounded) amounts. */
  taxes: TaxAmount[];
  taxCents: number;
  totalCents: number;
  /**
   * The client is outside Canada: the fees may be zero-rated exports (Excise Tax Act, Sch. VI Part V), which the
   * consultant must confirm. Never assumed: until confirmed the invoice cannot be issued.
   */
  zeroRatedCandidate: boolean;
}

/** The rates in force on `on` (YYYY-MM-DD) for a province; none before the first dated entry. */
export function taxRatesOn(province: ProvinceCode, on: string): TaxComponentRate[] {
  let found: TaxComponentRate[] = [];
  for (const entry of SALES_TAX_BY_PROVINCE[province]) {
    if (entry.from <= on) {
      found = entry.components;
    }
  }
  return found;
}

/**
 * Tax on one amount at one rate, rounded half-up to the cent: the one rounding rule, applied per line and per
 * tax, so a line's tax never depends on the other lines.
 */
export function taxOn(amountCents: number, rate: number): number {
  if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
    throw new Error(`Tax on an amount that is not whole non-negative cents: ${amountCents}`);
  }
  // rate is in thousandths of a percent: cents * rate / 100 000, half-up.
  return Math.floor((amountCents * rate + 50_000) / 100_000);
}

/**
 * An invoice's amounts. Professional fees are taxed at the client's province's rates on `on`; disbursements
 * (government fees paid for the client) are never taxed. Outside Canada nothing is charged only once the consultant
 * has confirmed the zero rating (`zeroRatedConfirmed`); the totals flag the invoice either way.
 */
export function invoiceTotals(
  lines: readonly TaxableLine[],
  place: PlaceOfSupply,
  on: string,
  zeroRatedConfirmed: boolean,
): InvoiceTotals {
  const zeroRatedCandidate = place.province === null;
  const rates = place.province === null ? [] : taxRatesOn(place.province, on);
  const byKind = new Map<TaxKind, TaxAmount>();
  const lineTotals = lines.map((line): LineTotals => {
    const amountCents = line.quantity * line.unitCents;
    const taxes =
      line.kind === 'professional_fee' && !(zeroRatedCandidate && zeroRatedConfirmed)
        ? rates.map((r) => ({ kind: r.kind, rate: r.rate, cents: taxOn(amountCents, r.rate) }))
        : [];
    for (const tax of taxes) {
      const sum = byKind.get(tax.kind) ?? { kind: tax.kind, rate: tax.rate, cents: 0 };
      sum.cents += tax.cents;
      byKind.set(tax.kind, sum);
    }
    return { amountCents, taxes, taxCents: taxes.reduce((s, t) => s + t.cents, 0) };
  });
  const subtotalCents = lineTotals.reduce((s, l) => s + l.amountCents, 0);
  const taxCents = lineTotals.reduce((s, l) => s + l.taxCents, 0);
  return {
    lines: lineTotals,
    subtotalCents,
    taxes: [...byKind.values()],
    taxCents,
    totalCents: subtotalCents + taxCents,
    zeroRatedCandidate,
  };
}
