import { StaffRole } from '@app/auth';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

describe('reference data', () => {
  let t: TestApp;
  let consultant: SignedInClient;
  let assistant: SignedInClient;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp();
    consultant = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  it('refuses every route without a token', async () => {
    for (const url of [
      '/api/reference/exemption-codes',
      '/api/reference/exemption-codes/C10',
      '/api/reference/lmia-streams',
      '/api/reference/lmia-validity',
      '/api/reference/provinces',
      '/api/reference/noc?q=software',
      '/api/reference/noc/21232',
      '/api/reference/noc-2016/2174',
    ]) {
      const res = await t.http().get(url);
      expect({ url, status: res.status }).toEqual({ url, status: 401 });
    }
  });

  it('serves every staff role', async () => {
    for (const staff of [consultant, assistant, admin]) {
      await staff.get('/api/reference/provinces').expect(200);
    }
  });

  describe('exemption codes', () => {
    it('lists all 116 codes by default, with permit type and status', async () => {
      const res = await consultant.get('/api/reference/exemption-codes').expect(200);
      expect(res.body).toHaveLength(116);
      const byCode = new Map<string, Record<string, unknown>>(
        res.body.map((c: { code: string }) => [c.code, c]),
      );
      expect(byCode.get('C43')).toMatchObject({ permitType: 'open', isCurrent: true, status: 'active' });
      expect(byCode.get('C10')).toMatchObject({
        permitType: 'employer_specific',
        employerPortalOfferRequired: 'varies',
        employerComplianceFee: 'required',
      });
      expect(byCode.get('C88')).toMatchObject({
        status: 'closed',
        closedOn: '2026-03-22',
        isCurrent: false,
        warnings: [
          'C88 closed to new applications on 2026-03-22; it stays valid only on files opened before',
        ],
        checkedOn: '2026-12-04',
      });
      expect(byCode.get('C46')).toMatchObject({ restrictedFrom: '2025-01-21', isCurrent: true });
      expect(byCode.get('C12')).toMatchObject({
        status: 'retired',
        retiredOn: '2022-12-15',
        replacedBy: ['C61', 'C62', 'C63'],
        isCurrent: false,
      });
    });

    it('lists only current codes with status=current', async () => {
      const res = await consultant.get('/api/reference/exemption-codes?status=current').expect(200);
      const codes = res.body.map((c: { code: string }) => c.code);
      expect(codes).toHaveLength(110);
      expect(codes).not.toContain('C88');
      expect(codes).not.toContain('C12');
      expect(codes).not.toContain('T21');
      expect(codes).toContain('C90');
    });

    it('filters by code or title words', async () => {
      const byCode = await consultant.get('/api/reference/exemption-codes?q=c6').expect(200);
      expect(byCode.body.map((c: { code: string }) => c.code)).toEqual(['C60', 'C61', 'C62', 'C63']);
      const byTitle = await consultant
        .get('/api/reference/exemption-codes?q=CUSMA%20professionals')
        .expect(200);
      expect(byTitle.body.map((c: { code: string }) => c.code)).toEqual(['T36']);
      const none = await consultant.get('/api/reference/exemption-codes?q=nothing-like-this').expect(200);
      expect(none.body).toEqual([]);
    });

    it('refuses a bad status or an unknown query field', async () => {
      const bad = await consultant.get('/api/reference/exemption-codes?status=retired').expect(400);
      expect(bad.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { status: ['status must be one of current, all'] },
      });
      const unknown = await consultant.get('/api/reference/exemption-codes?colour=red').expect(400);
      expect(Object.keys(unknown.body.fields)).toEqual(['colour']);
    });

    it('returns one code whatever its case, and 404 for an unknown one', async () => {
      const res = await consultant.get('/api/reference/exemption-codes/t36').expect(200);
      expect(res.body).toMatchObject({ code: 'T36', agreement: 'CUSMA', permitType: 'employer_specific' });
      const missing = await consultant.get('/api/reference/exemption-codes/Z99').expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'REFERENCE_EXEMPTION_CODE_NOT_FOUND' });
      const bad = await consultant.get('/api/reference/exemption-codes/C1000').expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['code']);
    });
  });

  it('lists the 8 LMIA streams under their API ids and the LMIA validity', async () => {
    const res = await assistant.get('/api/reference/lmia-streams').expect(200);
    expect(res.body.map((s: { id: string }) => s.id)).toEqual([
      'high_wage',
      'low_wage',
      'global_talent',
      'agricultural',
      'seasonal_agricultural',
      'in_home_caregiver',
      'permanent_residence_only',
      'dual_intent',
    ]);
    expect(res.body[0]).toMatchObject({ name: 'High-wage positions', lmiaFeeCad: 1000 });
    const validity = await assistant.get('/api/reference/lmia-validity').expect(200);
    expect(validity.body).toMatchObject({ months: 6 });
    expect(validity.body.history).toHaveLength(3);
  });

  it('lists the 13 provinces and territories', async () => {
    const res = await admin.get('/api/reference/provinces').expect(200);
    expect(res.body).toHaveLength(13);
    expect(res.body.find((p: { code: string }) => p.code === 'QC')).toEqual({
      code: 'QC',
      nameEn: 'Quebec',
      nameFr: 'Québec',
      type: 'province',
      sgcCode: '24',
    });
  });

  describe('NOC', () => {
    it("searches titles: 'software' finds 21232", async () => {
      const res = await consultant.get('/api/reference/noc?q=software').expect(200);
      expect(res.body.map((g: { code: string }) => g.code)).toContain('21232');
      expect(res.body.find((g: { code: string }) => g.code === '21232')).toEqual({
        code: '21232',
        title: 'Software developers and programmers',
        titleEn: 'Software developers and programmers',
        titleFr: null,
        teer: 1,
        broadCategory: '2 - Natural and applied sciences and related occupations',
      });
    });

    it('searches by code prefix, accents optional, within the limit', async () => {
      const byCode = await consultant.get('/api/reference/noc?q=2123').expect(200);
      expect(byCode.body.map((g: { code: string }) => g.code)).toEqual([
        '21230',
        '21231',
        '21232',
        '21233',
        '21234',
      ]);
      const accents = await consultant.get(`/api/reference/noc?q=${encodeURIComponent('HÔTEL')}`).expect(200);
      expect(accents.body.map((g: { title: string }) => g.title)).toContain(
        "Maîtres d'hôtel and hosts/hostesses",
      );
      const limited = await consultant.get('/api/reference/noc?q=workers&limit=3').expect(200);
      expect(limited.body).toHaveLength(3);
    });

    it('needs q of 1 to 100 characters and a limit of at most 50', async () => {
      const missing = await consultant.get('/api/reference/noc').expect(400);
      expect(missing.body).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(Object.keys(missing.body.fields)).toEqual(['q']);
      const blank = await consultant.get('/api/reference/noc?q=%20%20').expect(400);
      expect(Object.keys(blank.body.fields)).toEqual(['q']);
      const long = await consultant.get(`/api/reference/noc?q=${'a'.repeat(101)}`).expect(400);
      expect(Object.keys(long.body.fields)).toEqual(['q']);
      const big = await consultant.get('/api/reference/noc?q=software&limit=51').expect(400);
      expect(Object.keys(big.body.fields)).toEqual(['limit']);
      const notNumber = await consultant.get('/api/reference/noc?q=software&limit=many').expect(400);
      expect(Object.keys(notNumber.body.fields)).toEqual(['limit']);
      const twice = await consultant.get('/api/reference/noc?q=a&q=b').expect(400);
      expect(Object.keys(twice.body.fields)).toEqual(['q']);
    });

    it('returns a unit group by its 5-digit code and 404 for an unknown one', async () => {
      const res = await consultant.get('/api/reference/noc/21232').expect(200);
      expect(res.body).toMatchObject({ code: '21232', title: 'Software developers and programmers' });
      const missing = await consultant.get('/api/reference/noc/99999').expect(404);
      expect(missing.body).toMatchObject({ statusCode: 404, code: 'REFERENCE_NOC_NOT_FOUND' });
    });

    it('answers a 4-digit NOC 2016 code with a 404 naming its 2021 successors', async () => {
      const res = await consultant.get('/api/reference/noc/2174').expect(404);
      expect(res.body.code).toBe('REFERENCE_NOC_NOT_FOUND');
      expect(res.body.message).toContain('2174 is a NOC 2016 code');
      for (const code of ['21230', '21232', '21234']) {
        expect(res.body.message).toContain(code);
      }
    });

    it('refuses a code that is not 4 or 5 digits', async () => {
      const res = await consultant.get('/api/reference/noc/abc').expect(400);
      expect(res.body).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { code: [expect.stringContaining('5-digit')] },
      });
      await consultant.get('/api/reference/noc/212320').expect(400);
    });

    it('maps a NOC 2016 code to its 2021 successors', async () => {
      const res = await consultant.get('/api/reference/noc-2016/2173').expect(200);
      expect(res.body).toMatchObject({
        noc2016Code: '2173',
        noc2016Title: 'Software engineers and designers',
      });
      expect(res.body.successors.map((g: { code: string }) => g.code)).toEqual(['21211', '21231']);
      const missing = await consultant.get('/api/reference/noc-2016/9999').expect(404);
      expect(missing.body.code).toBe('REFERENCE_NOC_2016_NOT_FOUND');
      const bad = await consultant.get('/api/reference/noc-2016/21232').expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['code']);
    });
  });
});
