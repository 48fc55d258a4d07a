import { DemoDataService } from '@app/demo-data';
import { FixedClock } from '@app/shared';
import { createTestApp, type TestApp } from '../support/test-app';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';

describe('demo firm: consultation types, hours and bookings', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ clock: new FixedClock(new Date(NOW)) });
  });
  afterAll(() => t.close());

  it('offers the three demo types, both consultants’ hours and a few booked consultations', async () => {
    const summary = await t.app.get(DemoDataService).loadIfEmpty();
    expect(summary?.consultations).toBe(6);

    const types = await t.http().get('/api/public/consultation-types').expect(200);
    expect(
      types.body.map((x: { name: string; durationMinutes: number }) => [x.name, x.durationMinutes]),
    ).toEqual([
      ['LMIA / employer consultation', 60],
      ['Open work-permit review', 30],
      ['Work permit assessment', 30],
    ]);
    const consultants = await t.http().get('/api/public/consultants').expect(200);
    expect(consultants.body.map((c: { name: string; timezone: string }) => [c.name, c.timezone])).toEqual([
      ['Amélie Tremblay', 'America/Toronto'],
      ['Rajesh Patel', 'America/Vancouver'],
    ]);
    for (const consultant of consultants.body as { id: string }[]) {
      const slots = await t
        .http()
        .get('/api/public/slots')
        .query({ type: types.body[2].id, consultantId: consultant.id })
        .expect(200);
      expect(slots.body.length).toBeGreaterThan(20);
    }
    const rows = await t.dataSource.query<{ n: number; reminders: number }[]>(
      `SELECT count(*)::int AS n,
              (SELECT count(*)::int FROM reminders WHERE subject_type = 'consultation' AND status = 'scheduled') AS reminders
         FROM consultations WHERE status = 'booked'`,
    );
    expect(rows[0]).toEqual({ n: 6, reminders: 6 });
  }, 60_000); // loading the whole demo firm takes a few seconds, more when every test file runs at once
});
