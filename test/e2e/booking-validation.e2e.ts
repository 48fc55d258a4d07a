import { randomUUID } from 'node:crypto';
import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { consultationType, LIFTED_BOOKING_LIMITS } from '../support/bookable';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';
// Tuesday 2026-12-01 10:00 in Toronto: a slot.
const SLOT = '2026-12-01T15:00:00Z';

describe('public booking: bad input is a 400 naming the field, and writes nothing', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let typeId: string;
  let inactiveTypeId: string;

  beforeAll(async () => {
    t = await createTestApp({
      clock,
      env: { ...LIFTED_BOOKING_LIMITS },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    await consultant
      .put(`/api/consultants/${consultant.user.id}/availability`)
      .send({
        timezone: 'America/Toronto',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        bufferMinutes: 15,
        minNoticeHours: 24,
        maxDaysAhead: 30,
        slotIntervalMinutes: 30,
      })
      .expect(200);
    await consultant
      .post(`/api/consultants/${consultant.user.id}/time-off`)
      .send({ startsAt: '2026-12-03T05:00:00Z', endsAt: '2026-12-04T05:00:00Z', reason: 'Hearing' })
      .expect(201);
    typeId = await consultationType(admin, { name: 'Assessment', nameFr: 'Évaluation' });
    inactiveTypeId = await consultationType(admin, { name: 'Old', nameFr: 'Ancien', active: false });
  });
  afterAll(() => t.close());

  function valid(): Record<string, unknown> {
    return {
      type: typeId,
      startsAt: SLOT,
      consultantId: consultant.user.id,
      name: 'Priya Sharma',
      email: `priya-${process.pid}@example.com`,
      timezone: 'Asia/Kolkata',
    };
  }

  async function counts(): Promise<number[]> {
    const [row] = await t.dataSource.query(
      'SELECT (SELECT count(*) FROM consultations)::int AS c, (SELECT count(*) FROM clients)::int AS cl, (SELECT count(*) FROM emails)::int AS e',
    );
    return [row.c, row.cl, row.e];
  }

  const cases: [string, (body: Record<string, unknown>) => Record<string, unknown>, string][] = [
    ['an unknown time zone', (b) => ({ ...b, timezone: 'Mars/Olympus_Mons' }), 'timezone'],
    ['a time zone abbreviation', (b) => ({ ...b, timezone: 'EST' }), 'timezone'],
    ['a missing time zone', ({ timezone: _, ...b }) => b, 'timezone'],
    ['a bad email', (b) => ({ ...b, email: 'priya@' }), 'email'],
    ['a missing name', (b) => ({ ...b, name: '   ' }), 'name'],
    ['a bad phone number', (b) => ({ ...b, phone: '12' }), 'phone'],
    ['a start in the past', (b) => ({ ...b, startsAt: '2026-11-20T15:00:00Z' }), 'startsAt'],
    ['a start inside the minimum notice', (b) => ({ ...b, startsAt: '2026-11-24T14:30:00Z' }), 'startsAt'],
    ['a start beyond the horizon', (b) => ({ ...b, startsAt: '2027-01-05T15:00:00Z' }), 'startsAt'],
    ['a start off the grid', (b) => ({ ...b, startsAt: '2026-12-01T15:10:00Z' }), 'startsAt'],
    ['a start outside the hours', (b) => ({ ...b, startsAt: '2026-12-01T23:00:00Z' }), 'startsAt'],
    ['a start on a weekend', (b) => ({ ...b, startsAt: '2026-12-05T15:00:00Z' }), 'startsAt'],
    ['a start during time off', (b) => ({ ...b, startsAt: '2026-12-03T15:00:00Z' }), 'startsAt'],
    ['a start without a zone', (b) => ({ ...b, startsAt: '2026-12-01T15:00:00' }), 'startsAt'],
    ['a start that is not a date', (b) => ({ ...b, startsAt: 'next tuesday' }), 'startsAt'],
    ['an unknown type', (b) => ({ ...b, type: randomUUID() }), 'type'],
    ['an inactive type', (b) => ({ ...b, type: inactiveTypeId }), 'type'],
    ['a malformed type', (b) => ({ ...b, type: 'assessment' }), 'type'],
    ['an unknown consultant', (b) => ({ ...b, consultantId: randomUUID() }), 'consultantId'],
    ['a malformed consultant', (b) => ({ ...b, consultantId: 42 }), 'consultantId'],
    ['an extra field', (b) => ({ ...b, isPaid: true }), 'isPaid'],
    [
      'an extra field in the pre-screen',
      (b) => ({ ...b, prescreen: { hasJobOffer: true, salary: 1 } }),
      'prescreen.salary',
    ],
    ['a bad LMIA answer', (b) => ({ ...b, prescreen: { lmia: 'maybe' } }), 'prescreen.lmia'],
    [
      'a permit expiry that is not a day',
      (b) => ({ ...b, prescreen: { permitExpiresOn: '2027-02-30' } }),
      'prescreen.permitExpiresOn',
    ],
    ['a bad language', (b) => ({ ...b, language: 'de' }), 'language'],
    ['a bad mode', (b) => ({ ...b, mode: 'carrier_pigeon' }), 'mode'],
  ];

  it.each(cases)('refuses %s', async (_what, change, field) => {
    const before = await counts();
    const res = await t.http().post('/api/public/bookings').send(change(valid()));
    expect([res.status, res.body.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect(Object.keys(res.body.fields)).toContain(field);
    expect(await counts()).toEqual(before);
  });

  it('refuses a consultant who does not take bookings', async () => {
    const res = await t
      .http()
      .post('/api/public/bookings')
      .send({ ...valid(), consultantId: admin.user.id })
      .expect(400);
    expect(Object.keys(res.body.fields)).toEqual(['consultantId']);
  });

  it('names several bad fields at once', async () => {
    const res = await t
      .http()
      .post('/api/public/bookings')
      .send({ ...valid(), email: 'nope', timezone: 'Nowhere/Land', type: 'x' })
      .expect(400);
    expect(Object.keys(res.body.fields).sort()).toEqual(['email', 'timezone', 'type']);
  });

  it('books the valid request (the baseline the cases change)', async () => {
    const before = await counts();
    await t.http().post('/api/public/bookings').send(valid()).expect(201);
    const after = await counts();
    expect(after[0]).toBe(before[0] + 1);
  });

  it('refuses bad slot queries with a 400 naming the field', async () => {
    const query = (q: Record<string, string>) =>
      t
        .http()
        .get('/api/public/slots')
        .query({ type: typeId, ...q });
    expect(Object.keys((await query({ type: randomUUID() }).expect(400)).body.fields)).toEqual(['type']);
    expect(Object.keys((await query({ timezone: 'Mars/Olympus' }).expect(400)).body.fields)).toEqual([
      'timezone',
    ]);
    expect(Object.keys((await query({ consultantId: randomUUID() }).expect(400)).body.fields)).toEqual([
      'consultantId',
    ]);
    expect(
      Object.keys((await query({ from: '2026-12-10', to: '2026-12-01' }).expect(400)).body.fields),
    ).toEqual(['to']);
    expect(
      Object.keys((await query({ from: '2026-12-01', to: '2027-03-01' }).expect(400)).body.fields),
    ).toEqual(['to']);
    expect(Object.keys((await query({ from: '2026-13-01' }).expect(400)).body.fields)).toEqual(['from']);
    expect(Object.keys((await query({ extra: '1' }).expect(400)).body.fields)).toEqual(['extra']);
  });

  it('answers a reschedule with a bad body with 400, and a bad token with 404, never 500', async () => {
    const booked = await t
      .http()
      .post('/api/public/bookings')
      .send({ ...valid(), startsAt: '2026-12-02T15:00:00Z', email: `other-${process.pid}@example.com` })
      .expect(201);
    const token = (booked.body.manageUrl as string).split('/').pop()!;
    const bad = await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: 'soon' })
      .expect(400);
    expect(Object.keys(bad.body.fields)).toEqual(['startsAt']);
    const extra = await t
      .http()
      .post(`/api/public/bookings/${token}/reschedule`)
      .send({ startsAt: SLOT, consultantId: randomUUID() })
      .expect(400);
    expect(Object.keys(extra.body.fields)).toEqual(['consultantId']);
    await t
      .http()
      .get(`/api/public/bookings/${'x'.repeat(2000)}`)
      .expect(404);
    await t
      .http()
      .get(`/api/public/bookings/%00%ff`)
      .expect((res) => expect([400, 404]).toContain(res.status));
  });
});
