import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { consultationType, LIFTED_BOOKING_LIMITS, setHours } from '../support/bookable';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';
const CONCURRENT = 60;

interface Outcome {
  status: number;
  code?: string;
  consultantId?: string;
}

describe('booking under concurrency: the exclusion constraint decides', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let first: SignedInClient;
  let second: SignedInClient;
  let typeId: string;
  let people = 0;

  beforeAll(async () => {
    // The public rate limit is raised so every request reaches the database.
    t = await createTestApp({
      clock,
      env: { ...LIFTED_BOOKING_LIMITS },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    first = await t.signedInAs(StaffRole.Consultant);
    second = await t.signedInAs(StaffRole.Consultant);
    const rules = { bufferMinutes: 15, slotIntervalMinutes: 15 };
    await setHours(admin, first.user.id, rules);
    await setHours(admin, second.user.id, rules);
    typeId = await consultationType(admin);
  });
  afterAll(() => t.close());

  async function fire(bodies: Record<string, unknown>[]): Promise<Outcome[]> {
    const responses = await Promise.all(
      bodies.map((body) =>
        t
          .http()
          .post('/api/public/bookings')
          .send({
            type: typeId,
            name: `Racer ${++people}`,
            email: `racer${people}-${process.pid}@example.com`,
            timezone: 'America/Toronto',
            ...body,
          }),
      ),
    );
    return responses.map((r) => ({
      status: r.status,
      code: r.body.code,
      consultantId: r.body.consultant?.id,
    }));
  }

  async function bookedRows(startsAt: string): Promise<{ consultant_id: string }[]> {
    return t.dataSource.query(
      `SELECT consultant_id FROM consultations WHERE starts_at = $1 AND status = 'booked'`,
      [startsAt],
    );
  }

  it(`lets exactly one of ${CONCURRENT} simultaneous bookings of one slot through; the rest get 409, none a 5xx`, async () => {
    const startsAt = '2026-12-01T15:00:00.000Z'; // Tuesday 10:00 Toronto
    const outcomes = await fire(
      Array.from({ length: CONCURRENT }, () => ({ consultantId: first.user.id, startsAt })),
    );
    const statuses = outcomes.map((o) => o.status);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(CONCURRENT - 1);
    expect(new Set(outcomes.filter((o) => o.status === 409).map((o) => o.code))).toEqual(
      new Set(['CONSULTATION_SLOT_TAKEN']),
    );
    expect(await bookedRows(startsAt)).toHaveLength(1);
    // Overlapping starts (inside the consultation or its buffer) are refused too.
    const overlapping = await fire([
      { consultantId: first.user.id, startsAt: '2026-12-01T15:15:00Z' },
      { consultantId: first.user.id, startsAt: '2026-12-01T15:30:00Z' },
      { consultantId: first.user.id, startsAt: '2026-12-01T14:45:00Z' },
    ]);
    expect(overlapping.map((o) => o.status)).toEqual([409, 409, 409]);
  });

  it('lets simultaneous bookings of adjacent slots all succeed when the buffer fits between them', async () => {
    // 30-minute consultations with a 15-minute buffer: starts 45 minutes apart never collide.
    const starts = ['14:00', '14:45', '15:30', '16:15', '17:00', '17:45', '18:30', '19:15', '20:00'].map(
      (hm) => `2026-12-02T${hm}:00.000Z`,
    );
    const outcomes = await fire(starts.map((startsAt) => ({ consultantId: first.user.id, startsAt })));
    expect(outcomes.map((o) => o.status)).toEqual(starts.map(() => 201));
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM consultations WHERE consultant_id = $1 AND starts_at::date = '2026-12-02' AND status = 'booked'`,
      [first.user.id],
    );
    expect(count).toBe(starts.length);
  });

  it('sends simultaneous "any consultant" bookings of one time to each free consultant once', async () => {
    const startsAt = '2026-12-03T15:00:00.000Z';
    const outcomes = await fire(Array.from({ length: 30 }, () => ({ startsAt })));
    expect(outcomes.filter((o) => o.status >= 500)).toEqual([]);
    const won = outcomes.filter((o) => o.status === 201);
    expect(won.map((o) => o.consultantId).sort()).toEqual([first.user.id, second.user.id].sort());
    expect(outcomes.filter((o) => o.status === 409)).toHaveLength(28);
    expect((await bookedRows(startsAt)).map((r) => r.consultant_id).sort()).toEqual(
      [first.user.id, second.user.id].sort(),
    );
  });

  it('holds under staff bookings too: staff may leave the hours but never overlap', async () => {
    const client = await t.given.client();
    // 07:00 Toronto is outside the hours: fine for staff.
    const outside = await admin
      .post('/api/consultations')
      .send({
        clientId: client.id,
        type: typeId,
        consultantId: second.user.id,
        startsAt: '2026-12-04T12:00:00Z',
      })
      .expect(201);
    expect(outside.body.startsAt).toBe('2026-12-04T12:00:00.000Z');
    const racers = await Promise.all(
      Array.from({ length: 10 }, () =>
        admin.post('/api/consultations').send({
          clientId: client.id,
          type: typeId,
          consultantId: second.user.id,
          startsAt: '2026-12-04T12:30:00Z',
        }),
      ),
    );
    // 12:30 is inside the first one's buffer (until 12:45): every one of them is refused.
    expect(racers.map((r) => r.status)).toEqual(racers.map(() => 409));
  });
});
