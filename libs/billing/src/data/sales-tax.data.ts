import type { ProvinceCode } from '@app/reference-data';

/**
 * Sales tax on a consultancy's professional fees, by the client's province or territory (the place of supply),
 * as dated data. Rates are in thousandths of a percent (13% = 13000, 9.975% = 9975) so every sum stays in
 * integers. Each entry applies from `from` (inclusive) until the next entry of the same province.
 *
 * Sources (checked 2026-12-05):
 * - GST 5% since 2008-01-01; HST in participating provinces: CRA, "GST/HST rates"
 *   (https://www.canada.ca/en/revenue-agency/services/tax/businesses/topics/gst-hst-businesses/charge-collect-which-rate/calculator.html).
 * - Nova Scotia HST 15% → 14% for tax payable on or after 2025-04-01 (the earlier of the invoice date and the
 *   payment): Nova Scotia, "Transitional rules for the HST reduction" (news release 2025-01-03), and BDO Canada,
 *   "Nova Scotia HST rate reduction" (https://www.bdo.ca/insights/proposed-nova-scotia-hst-rate-reduction). No
 *   later change found.
 * - New Brunswick and Newfoundland and Labrador 13% → 15% from 2016-07-01; Prince Edward Island 14% → 15% from
 *   2016-10-01; Ontario 13% since 2010-07-01: CRA GST/HST rate history.
 * - Quebec: GST 5% plus QST 9.975% (since 2013-01-01, QST no longer charged on the GST): Revenu Québec.
 * - British Columbia PST, Manitoba RST, Saskatchewan PST: not charged. Their taxable services are listed ones
 *   (legal services in BC and SK, some others); an immigration consultant's advice and representation is not
 *   among them, so only the GST applies there. A firm that finds otherwise for its own services changes this
 *   file; the rule stays one place.
 * - Territories (YT, NT, NU) and Alberta: GST only.
 */
export type TaxKind = 'GST' | 'HST' | 'QST';

export interface TaxComponentRate {
  kind: TaxKind;
  /** Thousandths of a percent: 5% = 5000. */
  rate: number;
}

export interface DatedTaxRates {
  /** First day (YYYY-MM-DD) these rates apply to tax that becomes payable. */
  from: string;
  components: TaxComponentRate[];
}

const GST: TaxComponentRate = { kind: 'GST', rate: 5000 };
const GST_ONLY: DatedTaxRates[] = [{ from: '2008-01-01', components: [GST] }];
const hst = (from: string, rate: number): DatedTaxRates => ({ from, components: [{ kind: 'HST', rate }] });

export const SALES_TAX_CHECKED_ON = '2026-12-05';

export const SALES_TAX_BY_PROVINCE: Readonly<Record<ProvinceCode, readonly DatedTaxRates[]>> = {
  AB: GST_ONLY,
  BC: GST_ONLY,
  MB: GST_ONLY,
  SK: GST_ONLY,
  YT: GST_ONLY,
  NT: GST_ONLY,
  NU: GST_ONLY,
  ON: [hst('2010-07-01', 13000)],
  NS: [hst('2010-07-01', 15000), hst('2025-04-01', 14000)],
  NB: [hst('2010-07-01', 13000), hst('2016-07-01', 15000)],
  NL: [hst('2010-07-01', 13000), hst('2016-07-01', 15000)],
  PE: [hst('2013-04-01', 14000), hst('2016-10-01', 15000)],
  QC: [{ from: '2013-01-01', components: [GST, { kind: 'QST', rate: 9975 }] }],
};
