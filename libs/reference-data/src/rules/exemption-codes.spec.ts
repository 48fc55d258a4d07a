import type { ExemptionCode } from '../reference-data.types';
import {
  describeRetiredCode,
  exemptionCodeWarnings,
  filterExemptionCodes,
  toExemptionCode,
  type SourceExemptionCode,
} from './exemption-codes';

const source = (overrides: Partial<SourceExemptionCode> = {}): SourceExemptionCode => ({
  code: 'C10',
  title: 'Significant benefit - general',
  regulation: 'R205(a)',
  category: 'Canadian interests (R205)',
  subcategory: 'Significant benefit',
  agreement: null,
  permit_type: 'employer_specific',
  employer_portal_offer_required: true,
  employer_compliance_fee: 'required',
  open_work_permit_holder_fee: 'not_applicable',
  legacy_code_before_2022_12_15: 'C10',
  status: 'active',
  confidence: 'high',
  notes: null,
  source_url: null,
  replaced_by: null,
  checked_on: '2026-12-04',
  review_by: '2027-06-04',
  ...overrides,
});

describe('toExemptionCode', () => {
  it.each([
    ['active', 'active', true],
    ['pilot', 'pilot', true],
    ['pilot_closed_check', 'pilot_closed_check', true],
    ['pilot_closed', 'pilot_closed', false],
    ['retired_2022-12-15', 'retired', false],
  ])('maps status %s to %s (current: %s)', (status, expected, isCurrent) => {
    expect(toExemptionCode(source({ status }))).toMatchObject({ status: expected, isCurrent });
  });

  it('takes the retirement day from the status', () => {
    expect(toExemptionCode(source({ status: 'retired_2022-12-15' })).retiredOn).toBe('2022-12-15');
    expect(toExemptionCode(source()).retiredOn).toBeNull();
  });

  it('maps open_restricted to a restricted open permit and keeps varies', () => {
    expect(toExemptionCode(source({ permit_type: 'open_restricted' }))).toMatchObject({
      permitType: 'open',
      isRestricted: true,
    });
    expect(toExemptionCode(source({ permit_type: 'varies' }))).toMatchObject({
      permitType: 'varies',
      isRestricted: false,
    });
  });

  it("reads a 'likely' offer as required and keeps varies", () => {
    expect(
      toExemptionCode(source({ employer_portal_offer_required: 'likely' })).employerPortalOfferRequired,
    ).toBe(true);
    expect(
      toExemptionCode(source({ employer_portal_offer_required: 'varies' })).employerPortalOfferRequired,
    ).toBe('varies');
  });

  it('refuses values it does not know', () => {
    expect(() => toExemptionCode(source({ status: 'paused' }))).toThrow(
      /C10 status: unexpected value "paused"/,
    );
    expect(() => toExemptionCode(source({ permit_type: 'closed' }))).toThrow(/permit_type/);
    expect(() => toExemptionCode(source({ code: 'C1' }))).toThrow(/letter and two digits/);
  });
});

describe('describeRetiredCode', () => {
  const code = (overrides: Partial<SourceExemptionCode>): ExemptionCode => toExemptionCode(source(overrides));

  it('names the day and the replacements', () => {
    expect(
      describeRetiredCode(
        code({ code: 'C12', status: 'retired_2022-12-15', replaced_by: ['C61', 'C62', 'C63'] }),
      ),
    ).toBe('C12 was retired on 2022-12-15; use C61, C62 or C63 instead');
    expect(
      describeRetiredCode(code({ code: 'T99', status: 'retired_2022-12-15', replaced_by: ['T36'] })),
    ).toBe('T99 was retired on 2022-12-15; use T36 instead');
    expect(describeRetiredCode(code({ code: 'T98', status: 'retired_2022-12-15' }))).toBe(
      'T98 was retired on 2022-12-15',
    );
  });

  it('says when a pilot has closed', () => {
    expect(describeRetiredCode(code({ code: 'C90', status: 'pilot_closed' }))).toMatch(
      /^C90 belongs to a pilot that has closed/,
    );
  });
});

describe('filterExemptionCodes', () => {
  const codes = [
    toExemptionCode(source({ code: 'C10', title: 'Significant benefit - general' })),
    toExemptionCode(
      source({ code: 'C12', title: 'Intra-company transferees - legacy', status: 'retired_2022-12-15' }),
    ),
    toExemptionCode(source({ code: 'C16', title: 'Mobilité francophone' })),
  ];
  const found = (filter: Parameters<typeof filterExemptionCodes>[1]) =>
    filterExemptionCodes(codes, filter).map((c) => c.code);

  it('keeps every code by default and only current ones on request', () => {
    expect(found({})).toEqual(['C10', 'C12', 'C16']);
    expect(found({ status: 'current' })).toEqual(['C10', 'C16']);
  });

  it('matches a code prefix or all title words, ignoring case and accents', () => {
    expect(found({ q: 'c1' })).toEqual(['C10', 'C12', 'C16']);
    expect(found({ q: 'c12' })).toEqual(['C12']);
    expect(found({ q: 'MOBILITE' })).toEqual(['C16']);
    expect(found({ q: 'benefit general' })).toEqual(['C10']);
    expect(found({ q: 'benefit transferees' })).toEqual([]);
  });
});

describe('closed and restricted codes', () => {
  it('reads the closing date and says when and why a code closed', () => {
    const c88 = toExemptionCode(
      source({ code: 'C88', status: 'closed', closed_to_new_applications_on: '2026-03-22' }),
    );
    expect(c88).toMatchObject({ status: 'closed', isCurrent: false, closedOn: '2026-03-22' });
    expect(describeRetiredCode(c88)).toBe('C88 closed to new applications on 2026-03-22');
    expect(exemptionCodeWarnings(c88)).toEqual([
      'C88 closed to new applications on 2026-03-22; it stays valid only on files opened before',
    ]);
  });

  it('warns on a code whose eligibility narrowed on a date', () => {
    const c46 = toExemptionCode(
      source({ code: 'C46', restricted_from: '2025-01-21', restriction_note: 'Children: renewals only.' }),
    );
    expect(c46.isCurrent).toBe(true);
    expect(exemptionCodeWarnings(c46)).toEqual([
      'C46: eligibility narrowed from 2025-01-21. Children: renewals only.',
    ]);
  });

  it('refuses a row without its review date or with a malformed date', () => {
    expect(() => toExemptionCode(source({ review_by: undefined as unknown as string }))).toThrow(
      /review_by is required/,
    );
    expect(() => toExemptionCode(source({ closed_to_new_applications_on: '22/03/2026' }))).toThrow(
      /not a date/,
    );
  });
});
