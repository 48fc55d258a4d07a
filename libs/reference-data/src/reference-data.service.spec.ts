import { ReferenceDataError, ReferenceDataErrorCode } from './reference-data.errors';
import { ReferenceDataService } from './reference-data.service';
import { LMIA_STREAMS, PROVINCE_CODES } from './reference-data.types';

describe('ReferenceDataService', () => {
  const data = new ReferenceDataService();

  describe('exemption codes', () => {
    it('loads all 116 codes with their statuses', () => {
      const codes = data.exemptionCodes();
      expect(codes).toHaveLength(116);
      const byStatus = (status: string) =>
        codes.filter((code) => code.status === status).map((code) => code.code);
      expect(byStatus('active')).toHaveLength(106);
      expect(byStatus('pilot')).toEqual([]);
      // C88: the Innovation Stream ran until 2026-03-22; C90/C91 stay usable for pilot PR applicants only.
      expect(byStatus('closed')).toEqual(['C88']);
      expect(byStatus('pilot_closed_check').sort()).toEqual(['C15', 'C17', 'C90', 'C91']);
      expect(byStatus('pilot_closed')).toEqual([]);
      expect(byStatus('retired').sort()).toEqual(['C12', 'T21', 'T22', 'T23', 'T24']);
    });

    it('marks active, pilot and pilot_closed_check codes as current and the rest not', () => {
      const current = data.exemptionCodes().filter((code) => code.isCurrent);
      expect(current).toHaveLength(106 + 4);
      expect(data.exemptionCode('C15')?.isCurrent).toBe(true);
      expect(data.exemptionCode('C88')).toMatchObject({ isCurrent: false, closedOn: '2026-03-22' });
      expect(data.exemptionCode('C90')).toMatchObject({ isCurrent: true, closedOn: '2024-06-17' });
      expect(data.exemptionCode('C46')).toMatchObject({ isCurrent: true, restrictedFrom: '2025-01-21' });
      expect(data.exemptionCode('C12')?.isCurrent).toBe(false);
    });

    it('finds a code whatever its case', () => {
      expect(data.exemptionCode('c43')?.code).toBe('C43');
      expect(data.exemptionCode(' C10 ')?.code).toBe('C10');
      expect(data.exemptionCode('Z99')).toBeUndefined();
    });

    it('knows C43 (post-graduation) is open and C10 (significant benefit) employer-specific', () => {
      expect(data.exemptionCode('C43')).toMatchObject({
        permitType: 'open',
        isRestricted: false,
        employerPortalOfferRequired: false,
        isCurrent: true,
      });
      // Compliance-exempt employers (foreign governments, missions, international organisations) submit no offer.
      expect(data.exemptionCode('C10')).toMatchObject({
        permitType: 'employer_specific',
        employerPortalOfferRequired: 'varies',
        offerNote: expect.stringContaining('exempt from the IMP employer compliance regime'),
        employerComplianceFee: 'required',
        isCurrent: true,
      });
    });

    it('maps open_restricted to an open, restricted permit and keeps varies', () => {
      const restricted = data.exemptionCodes().filter((code) => code.isRestricted);
      expect(restricted).toHaveLength(3);
      expect(restricted.every((code) => code.permitType === 'open')).toBe(true);
      expect(data.exemptionCode('C90')).toMatchObject({ permitType: 'open', isRestricted: true });
      expect(data.exemptionCodes().filter((code) => code.permitType === 'varies')).toHaveLength(3);
    });

    it('gives every code the day it was checked and a review date', () => {
      expect(
        data
          .exemptionCodes()
          .every((code) => code.checkedOn === '2026-12-04' && code.reviewBy > code.checkedOn),
      ).toBe(true);
    });

    it("reads a 'likely' Employer Portal offer as required", () => {
      const offers = data.exemptionCodes().map((code) => code.employerPortalOfferRequired);
      expect(offers.filter((offer) => offer === true)).toHaveLength(81);
      expect(offers.filter((offer) => offer === 'varies')).toHaveLength(4);
      expect(offers.filter((offer) => offer === false)).toHaveLength(31);
    });

    it('keeps C12 and T21-T24 as retired on 2022-12-15 with their replacements', () => {
      expect(data.exemptionCode('C12')).toMatchObject({
        status: 'retired',
        retiredOn: '2022-12-15',
        replacedBy: ['C61', 'C62', 'C63'],
        isCurrent: false,
      });
      for (const code of ['T21', 'T22', 'T23', 'T24']) {
        const retired = data.exemptionCode(code);
        expect(retired).toMatchObject({ status: 'retired', retiredOn: '2022-12-15', isCurrent: false });
        expect(retired?.replacedBy?.length).toBeGreaterThan(0);
        for (const replacement of retired?.replacedBy ?? []) {
          expect(data.exemptionCode(replacement)?.isCurrent).toBe(true);
        }
      }
      expect(data.exemptionCode('T23')?.replacedBy).toContain('T36');
    });

    it('describes a retired code with its replacements', () => {
      expect(data.describeRetiredCode(data.requireExemptionCode('C12'))).toBe(
        'C12 was retired on 2022-12-15; use C61, C62 or C63 instead',
      );
    });

    it('filters current codes and searches by code prefix or title words', () => {
      expect(data.searchExemptionCodes({ status: 'current' })).toHaveLength(110);
      expect(data.searchExemptionCodes({ status: 'all' })).toHaveLength(116);
      expect(data.searchExemptionCodes({ q: 'c6' }).map((code) => code.code)).toEqual([
        'C60',
        'C61',
        'C62',
        'C63',
      ]);
      expect(data.searchExemptionCodes({ q: 'post-graduation' }).map((code) => code.code)).toContain('C43');
      expect(
        data.searchExemptionCodes({ q: 'intra-company', status: 'current' }).map((code) => code.code),
      ).not.toContain('C12');
      expect(data.searchExemptionCodes({ q: 'intra-company' }).map((code) => code.code)).toContain('C12');
    });

    it('throws ExemptionCodeNotFound for an unknown code', () => {
      expect(() => data.requireExemptionCode('Z99')).toThrow(
        expect.objectContaining({ code: ReferenceDataErrorCode.ExemptionCodeNotFound }),
      );
    });

    it('returns frozen rows and fresh arrays', () => {
      const codes = data.exemptionCodes();
      codes.pop();
      expect(data.exemptionCodes()).toHaveLength(116);
      expect(Object.isFrozen(data.exemptionCode('C10'))).toBe(true);
    });
  });

  describe('LMIA', () => {
    it('exposes the 8 streams under their API ids', () => {
      expect(data.lmiaStreams().map((stream) => stream.id)).toEqual([...LMIA_STREAMS]);
      expect(data.lmiaStream('global_talent')?.name).toBe('Global Talent Stream (GTS)');
      expect(data.lmiaStream('seasonal_agricultural')?.name).toContain(
        'Seasonal Agricultural Worker Program',
      );
      expect(data.lmiaStream('in_home_caregiver')).toMatchObject({
        lmiaFeeCad: null,
        lmiaFeeNote: '1000 unless exempt',
      });
      expect(data.lmiaStream('agricultural')?.lmiaFeeCad).toBe(0);
      expect(data.lmiaStream('high_wage')?.lmiaFeeCad).toBe(1000);
      expect(data.lmiaStream('sawp')).toBeUndefined();
    });

    it('gives a validity of 6 months with its history', () => {
      expect(data.lmiaValidityMonths()).toBe(6);
      expect(data.lmiaValidity().history.map((entry) => entry.from)).toEqual([
        '2022-04-04',
        '2023-10-31',
        '2024-05-01',
      ]);
    });
  });

  describe('provinces', () => {
    it('has the 10 provinces and 3 territories with English and French names', () => {
      expect(
        data
          .provinces()
          .map((province) => province.code)
          .sort(),
      ).toEqual([...PROVINCE_CODES].sort());
      expect(data.provinces().filter((province) => province.type === 'territory')).toHaveLength(3);
      expect(data.province('bc')).toMatchObject({
        nameEn: 'British Columbia',
        nameFr: 'Colombie-Britannique',
      });
      expect(data.province('XX')).toBeUndefined();
    });
  });

  describe('NOC 2021', () => {
    it('loads the 516 unit groups with TEER and broad category', () => {
      const groups = data.nocUnitGroups();
      expect(groups).toHaveLength(516);
      expect(new Set(groups.map((group) => group.code)).size).toBe(516);
      expect(
        groups.every((group) => /^\d{5}$/.test(group.code) && group.teer === Number(group.code[1])),
      ).toBe(true);
      expect(data.nocUnitGroup('21232')).toMatchObject({
        code: '21232',
        title: 'Software developers and programmers',
        teer: 1,
        broadCategory: '2 - Natural and applied sciences and related occupations',
      });
      expect(data.nocUnitGroup('00010')?.teer).toBe(0);
      expect(data.nocUnitGroup('2174')).toBeUndefined();
      const byFirstDigit = '0123456789'.split('').flatMap((digit) => data.searchNoc(digit, 1000));
      expect(byFirstDigit).toHaveLength(516);
    });

    it("finds 21232 when searching 'software'", () => {
      const codes = data.searchNoc('software').map((group) => group.code);
      expect(codes).toContain('21232');
      expect(codes).toContain('21231');
    });

    it('requires every word, in any order and case', () => {
      expect(data.searchNoc('PROGRAMMERS software').map((group) => group.code)).toEqual(['21232']);
      expect(data.searchNoc('software plumbing')).toEqual([]);
    });

    it('searches by code prefix, exact code first', () => {
      expect(data.searchNoc('2123').map((group) => group.code)).toEqual([
        '21230',
        '21231',
        '21232',
        '21233',
        '21234',
      ]);
      expect(data.searchNoc('21232').map((group) => group.code)).toEqual(['21232']);
    });

    it('ranks titles that start with the query before titles that only contain it', () => {
      const titles = data.searchNoc('managers', 50).map((group) => group.title);
      const firstOther = titles.findIndex((title) => !title.toLowerCase().startsWith('managers'));
      expect(titles.slice(0, firstOther).every((title) => title.toLowerCase().startsWith('managers'))).toBe(
        true,
      );
      expect(titles.slice(firstOther).some((title) => title.toLowerCase().startsWith('managers'))).toBe(
        false,
      );
      expect(firstOther).toBeGreaterThan(0);
    });

    it('ignores accents both ways', () => {
      expect(data.searchNoc('hotel').map((group) => group.title)).toContain(
        "Maîtres d'hôtel and hosts/hostesses",
      );
      expect(data.searchNoc('maîtres hôtel').map((group) => group.title)).toEqual([
        "Maîtres d'hôtel and hosts/hostesses",
      ]);
      expect(data.searchNoc('Maitres').map((group) => group.code)).toEqual(
        data.searchNoc('maîtres').map((g) => g.code),
      );
    });

    it('honours the limit and returns nothing for an empty query', () => {
      expect(data.searchNoc('workers', 3)).toHaveLength(3);
      expect(data.searchNoc('workers').length).toBeLessThanOrEqual(20);
      expect(data.searchNoc('   ')).toEqual([]);
      expect(data.searchNoc('-- !!')).toEqual([]);
    });

    it('explains a NOC 2016 code by its 2021 successors', () => {
      expect(() => data.requireNocUnitGroup('2174')).toThrow(/21230.*21232.*21234/);
      expect(() => data.requireNocUnitGroup('99999')).toThrow(ReferenceDataError);
    });
  });

  describe('NOC 2016 to 2021 concordance', () => {
    const successors = (code: string) => data.noc2016Successors(code)?.successors.map((group) => group.code);

    it('maps 2174 computer programmers to their 2021 groups', () => {
      expect(data.noc2016Successors('2174')).toMatchObject({
        noc2016Code: '2174',
        noc2016Title: 'Computer programmers and interactive media developers',
      });
      expect(successors('2174')).toEqual(['21230', '21232', '21234']);
    });

    it('maps the split IT, teaching, health and arts groups', () => {
      expect(successors('2171')).toEqual(['21211', '21220', '21221', '21222', '21233']);
      expect(successors('2173')).toEqual(['21211', '21231']);
      expect(successors('4011')).toEqual(['41200']);
      expect(successors('3111')).toEqual(['31100', '31101', '41310']);
      expect(successors('5135')).toEqual(['53121']);
      expect(successors('5241')).toEqual(['52120']);
    });

    it('covers all 500 NOC 2016 unit groups and keeps change notes', () => {
      const all = Array.from({ length: 10000 }, (_, n) => String(n).padStart(4, '0')).filter((code) =>
        data.noc2016Successors(code),
      );
      expect(all).toHaveLength(500);
      expect(data.noc2016Successors('0112')?.notes).toContain('continues as 10011');
      expect(data.noc2016Successors('0112')?.changeTypes).toContain('RC5 - Transfer');
      expect(data.noc2016Successors('9999')).toBeUndefined();
      expect(() => data.requireNoc2016Successors('9999')).toThrow(
        expect.objectContaining({ code: ReferenceDataErrorCode.Noc2016NotFound }),
      );
    });
  });

  describe('deadline facts and open data', () => {
    it('parses the deadline facts', () => {
      const facts = data.deadlineFacts();
      expect(facts).toHaveLength(12);
      expect(facts.find((fact) => fact.id === 'biometrics')?.defaultPeriod).toMatchObject({
        value: 30,
        unit: 'days',
      });
      expect(facts.find((fact) => fact.id === 'lmia_expiry')?.defaultPeriod).toMatchObject({
        value: 6,
        unit: 'months',
      });
      expect(facts.find((fact) => fact.id === 'procedural_fairness_letter')?.defaultPeriod.value).toBeNull();
      expect(facts.find((fact) => fact.id === 'work_permit_expiry')?.defaultPeriod.recommendedAlerts).toEqual(
        [120, 90, 60, 30],
      );
    });

    it('types the work-permit holder counts, with suppressed and unstated rows', () => {
      const rows = data.workPermitHolders();
      expect(rows).toHaveLength(750);
      expect(
        rows.find((row) => row.program === 'IMP' && row.provinceCode === 'NL' && row.year === 2011),
      ).toEqual({
        program: 'IMP',
        provinceCode: 'NL',
        provinceName: 'Newfoundland and Labrador',
        year: 2011,
        holdersOnDec31: 1235,
        suppressed: false,
      });
      const suppressed = rows.filter((row) => row.suppressed);
      expect(suppressed).toHaveLength(5);
      expect(suppressed.every((row) => row.holdersOnDec31 === null)).toBe(true);
      expect(rows.filter((row) => row.provinceCode === null)).toHaveLength(50);
      expect(rows.filter((row) => row.provinceCode === 'CA')).toHaveLength(50);
    });

    it('reads the work permits that took effect by program, province and year, with Canada totals', () => {
      const rows = data.workPermitsIssued();
      expect(rows).toHaveLength(298);
      expect(Math.min(...rows.map((row) => row.year))).toBe(2015);
      expect(Math.max(...rows.map((row) => row.year))).toBe(2025);
      const canada = (program: string, year: number) =>
        rows.find((row) => row.program === program && row.provinceCode === 'CA' && row.year === year)
          ?.permitsEffective;
      expect(canada('TFWP', 2025)).toBe(169500);
      // CA is the sum of the provinces and territories.
      const provinces = rows.filter(
        (row) => row.program === 'TFWP' && row.year === 2025 && row.provinceCode !== 'CA',
      );
      expect(provinces.reduce((sum, row) => sum + row.permitsEffective, 0)).toBe(canada('TFWP', 2025));
    });
  });
});
