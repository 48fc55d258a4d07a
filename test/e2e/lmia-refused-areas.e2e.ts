import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const SOURCE =
  'https://www.canada.ca/en/employment-social-development/services/foreign-workers/median-wage/low/refusal.html';
/** A quarter after the shipped list (2025-07-11 to 2025-10-09). */
const QUARTER = {
  effectiveFrom: '2026-10-10',
  effectiveTo: '2027-01-08',
  source: SOURCE,
  note: 'Test quarter',
  areas: [
    { name: 'Windsor', provinceCode: 'ON', unemploymentRate: 10.2 },
    { name: 'Toronto', provinceCode: 'on', unemploymentRate: 8.1 },
    { name: 'Québec', provinceCode: 'QC' },
  ],
};
const lowWage = (lmiaIssuedOn: string, workLocation: string | null) => ({
  stream: 'TFWP',
  applicationType: 'initial',
  employer: { name: 'Fraser Foods Ltd.' },
  province: 'ON',
  workLocation,
  wage: { amount: 20, period: 'hour' },
  tfwp: { lmiaStream: 'low_wage', lmiaStatus: 'positive', lmiaIssuedOn },
});

describe('LMIA refused-CMA lists', () => {
  const clock = new FixedClock(new Date('2026-11-10T15:00:00Z'));
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let assistant: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
  });
  afterAll(() => t.close());

  it('starts with the shipped list, with its dates and source, and shows staff no current list when it has lapsed', async () => {
    const res = await consultant.get('/api/reference/lmia-refused-areas').expect(200);
    expect(res.body).toMatchObject({ unemploymentRateAtOrAbove: 6, current: null });
    expect(res.body.lists).toEqual([
      expect.objectContaining({
        effectiveFrom: '2025-07-11',
        effectiveTo: '2025-10-09',
        source: 'https://www.cic-report.com/?p=5107',
        updatedById: null,
      }),
    ]);
    expect(res.body.lists[0].areas).toHaveLength(26);
    expect(res.body.lists[0].areas).toContainEqual({
      name: 'Toronto',
      provinceCode: 'ON',
      unemploymentRate: 8.9,
    });
  });

  it('lets only admins replace a quarter: consultants and assistants get 404', async () => {
    for (const staff of [consultant, assistant]) {
      await staff.put('/api/reference/lmia-refused-areas').send(QUARTER).expect(404);
    }
    await t.http().put('/api/reference/lmia-refused-areas').send(QUARTER).expect(401);
  });

  it('refuses a bad list with 400 naming the field', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ ...QUARTER, effectiveFrom: '2026-13-01' }, 'effectiveFrom'],
      [{ ...QUARTER, effectiveTo: '2026-01-01' }, 'effectiveTo'],
      [{ ...QUARTER, source: 'ftp://example.com/list' }, 'source'],
      [{ ...QUARTER, areas: [{ name: 'Toronto', provinceCode: 'ZZ' }] }, 'areas.0.provinceCode'],
      [
        {
          ...QUARTER,
          areas: [
            { name: 'Toronto', provinceCode: 'ON' },
            { name: 'TORONTO', provinceCode: 'ON' },
          ],
        },
        'areas[1].name',
      ],
      [{ ...QUARTER, extra: true }, 'extra'],
    ];
    for (const [body, field] of cases) {
      const res = await admin.put('/api/reference/lmia-refused-areas').send(body);
      expect({ field, status: res.status, fields: Object.keys(res.body.fields ?? {}) }).toEqual({
        field,
        status: 400,
        fields: [expect.stringContaining(field.split('.')[0].split('[')[0])],
      });
    }
  });

  it('stores an admin’s quarter, audited, and shows it as current', async () => {
    const put = await admin.put('/api/reference/lmia-refused-areas').send(QUARTER).expect(200);
    expect(put.body).toMatchObject({
      effectiveFrom: '2026-10-10',
      effectiveTo: '2027-01-08',
      source: SOURCE,
      updatedById: admin.user.id,
      areas: [
        { name: 'Toronto', provinceCode: 'ON', unemploymentRate: 8.1 },
        { name: 'Windsor', provinceCode: 'ON', unemploymentRate: 10.2 },
        { name: 'Québec', provinceCode: 'QC', unemploymentRate: null },
      ],
    });
    const res = await consultant.get('/api/reference/lmia-refused-areas').expect(200);
    expect(res.body.current).toMatchObject({ id: put.body.id, effectiveFrom: '2026-10-10' });
    expect(res.body.lists.map((list: { effectiveFrom: string }) => list.effectiveFrom)).toEqual([
      '2026-10-10',
      '2025-07-11',
    ]);
    const audit = await t.dataSource.query(
      `SELECT actor_id, action, changes FROM audit_events WHERE subject_type = 'lmia_refused_area_list' AND subject_id = $1`,
      [put.body.id],
    );
    expect(audit).toEqual([
      {
        actor_id: admin.user.id,
        action: 'reference.refused_areas_replaced',
        changes: expect.objectContaining({ areas: [null, ['Toronto', 'Windsor', 'Québec']] }),
      },
    ]);

    // The same start day again replaces the list; a period running into it is refused.
    const again = await admin
      .put('/api/reference/lmia-refused-areas')
      .send({ ...QUARTER, areas: QUARTER.areas.slice(0, 2) })
      .expect(200);
    expect(again.body.id).toBe(put.body.id);
    expect(again.body.areas.map((a: { name: string }) => a.name)).toEqual(['Toronto', 'Windsor']);
    const overlap = await admin
      .put('/api/reference/lmia-refused-areas')
      .send({ ...QUARTER, effectiveFrom: '2026-07-10', effectiveTo: null });
    expect([overlap.status, overlap.body.code]).toEqual([409, 'CONFLICT']);
  });

  it('warns on a low-wage file whose work location is a CMA on the list in force', async () => {
    const client = await t.given.client({ consultantId: consultant.user.id });
    const inWindsor = await consultant
      .post('/api/files')
      .send({ clientId: client.id, ...lowWage('2026-11-02', 'windsor, ON') });
    expect([inWindsor.status, inWindsor.body.fields]).toEqual([201, undefined]);
    expect(inWindsor.body.workLocation).toBe('windsor, ON');
    expect(inWindsor.body.warnings).toEqual([
      {
        code: 'low_wage_refused_area',
        message: expect.stringContaining('ESDC does not process low-wage LMIAs in Windsor'),
        params: expect.objectContaining({
          area: 'Windsor',
          unemploymentRate: 10.2,
          from: '2026-10-10',
          to: '2027-01-08',
        }),
      },
    ]);
    // Elsewhere, or on an LMIA read against another quarter, no warning; a change of location brings it.
    const inSudbury = await consultant
      .post('/api/files')
      .send({ clientId: client.id, ...lowWage('2026-11-02', 'Greater Sudbury') })
      .expect(201);
    expect(inSudbury.body.warnings).toEqual([]);
    const moved = await consultant
      .patch(`/api/files/${inSudbury.body.id}`)
      .send({ workLocation: 'Toronto' })
      .expect(200);
    expect(moved.body.warnings.map((w: { code: string }) => w.code)).toEqual(['low_wage_refused_area']);
    const listed = await consultant.get('/api/files?stream=TFWP').expect(200);
    expect(listed.body.items.every((f: { warnings: unknown[] }) => f.warnings.length === 1)).toBe(true);
    const bad = await consultant
      .patch(`/api/files/${inSudbury.body.id}`)
      .send({ workLocation: 'x'.repeat(101) });
    expect([bad.status, Object.keys(bad.body.fields ?? {})]).toEqual([400, ['workLocation']]);
  });
});
