import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Monday 2026-11-23, 10:00 in Toronto.
const NOW = '2026-11-23T15:00:00.000Z';
// Tuesday 2026-12-01 10:00 and 11:00 in Toronto: slots.
const SLOT = '2026-12-01T15:00:00.000Z';
const LATER_SLOT = '2026-12-01T16:00:00.000Z';

/** A real 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const JPEG = Buffer.from([
  0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9,
]);
const SVG = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.cookie)</script></svg>',
);
const PUBLIC_LIMIT = 40;

describe('firm profile: admins write it, staff read it, the public page sees only its public fields', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let assistant: SignedInClient;

  const profile = {
    name: 'Maple Leaf Immigration',
    address: '1055 W Georgia St, Suite 1500\nVancouver, BC V6E 3P3',
    phone: '+1 604 555 0100',
    publicEmail: 'info@mapleleaf.example',
  };

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        PUBLIC_RATE_LIMIT: String(PUBLIC_LIMIT),
        BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '10000',
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant, {
      name: 'Amélie Tremblay',
      email: 'amelie@firm.test',
    });
    assistant = await t.signedInAs(StaffRole.Assistant);
    await consultant
      .put(`/api/consultants/${consultant.user.id}/availability`)
      .send({
        timezone: 'America/Toronto',
        weekly: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, start: '09:00', end: '17:00' })),
        bufferMinutes: 0,
        minNoticeHours: 24,
        maxDaysAhead: 30,
        slotIntervalMinutes: 30,
      })
      .expect(200);
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('starts empty; only admins write it (401 without a token, 404 for other staff, as every route their role may not use), every staff member reads it', async () => {
    const empty = await t.http().get('/api/public/firm').expect(200);
    expect(empty.body).toEqual({ name: null, address: null, phone: null, publicEmail: null, logoUrl: null });
    await t.http().get('/api/firm-profile').expect(401);
    await t.http().put('/api/firm-profile').send(profile).expect(401);
    await t.http().put('/api/firm-profile/logo').set('Content-Type', 'image/png').send(PNG).expect(401);
    await consultant.put('/api/firm-profile').send(profile).expect(404);
    await assistant.put('/api/firm-profile').send(profile).expect(404);
    await assistant.put('/api/firm-profile/logo').set('Content-Type', 'image/png').send(PNG).expect(404);
    await consultant.delete('/api/firm-profile/logo').expect(404);
    expect((await t.http().get('/api/public/firm').expect(200)).body.name).toBeNull();
    expect((await consultant.get('/api/firm-profile').expect(200)).body).toMatchObject({
      name: null,
      updatedAt: null,
    });

    const saved = await admin.put('/api/firm-profile').send(profile).expect(200);
    expect(saved.body).toMatchObject({ ...profile, logoUrl: null });
    expect(saved.body.updatedAt).toEqual(expect.any(String));
    expect((await assistant.get('/api/firm-profile').expect(200)).body).toMatchObject(profile);
    const audit = await t.dataSource.query(
      `SELECT action, actor_id FROM audit_events WHERE subject_type = 'firm_profile' ORDER BY seq`,
    );
    expect(audit).toEqual([{ action: 'firm_profile.updated', actor_id: admin.user.id }]);
  });

  it('refuses bad details with a 400 naming each field, and keeps what was saved', async () => {
    const bad = await admin
      .put('/api/firm-profile')
      .send({
        name: 'Two\nlines',
        address: 'x'.repeat(501),
        phone: '123',
        publicEmail: 'not-an-email',
        logo: 'data:image/svg+xml,<svg/>',
      })
      .expect(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(bad.body.fields).sort()).toEqual(['address', 'logo', 'name', 'phone', 'publicEmail']);
    expect((await admin.get('/api/firm-profile').expect(200)).body).toMatchObject(profile);
    // "" clears a field.
    const cleared = await admin
      .put('/api/firm-profile')
      .send({ ...profile, phone: '' })
      .expect(200);
    expect(cleared.body.phone).toBeNull();
    await admin.put('/api/firm-profile').send(profile).expect(200);
  });

  it('takes a PNG or JPEG logo up to 200 KB, refuses SVG, other types and larger files, and serves it safely', async () => {
    const refused = async (body: Buffer, contentType: string, message: RegExp) => {
      const answer = await admin
        .put('/api/firm-profile/logo')
        .set('Content-Type', contentType)
        .send(body)
        .expect(400);
      expect(answer.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(answer.body.fields)).toEqual(['logo']);
      expect(answer.body.fields.logo.join(' ')).toMatch(message);
    };
    await refused(SVG, 'image/svg+xml', /PNG or JPEG/);
    // The type is read from the bytes, not from what the request claims.
    await refused(SVG, 'image/png', /PNG or JPEG/);
    await refused(Buffer.from('GIF89a\x01\x00\x01\x00'), 'image/gif', /PNG or JPEG/);
    await refused(Buffer.concat([PNG, Buffer.alloc(200 * 1024 + 1 - PNG.length)]), 'image/png', /200 KB/);
    await refused(Buffer.concat([PNG, Buffer.alloc(2 * 1024 * 1024)]), 'image/png', /200 KB/);
    expect((await t.http().get('/api/public/firm').expect(200)).body.logoUrl).toBeNull();
    await t.http().get('/api/public/firm/logo').expect(404);

    // Exactly 200 KB is accepted.
    const largest = Buffer.concat([PNG, Buffer.alloc(200 * 1024 - PNG.length)]);
    await admin.put('/api/firm-profile/logo').set('Content-Type', 'image/png').send(largest).expect(200);
    const jpeg = await admin
      .put('/api/firm-profile/logo')
      .set('Content-Type', 'image/jpeg')
      .send(JPEG)
      .expect(200);
    expect(jpeg.body.logoUrl).toMatch(/^\/api\/public\/firm\/logo\?v=\d+$/);
    const png = await admin
      .put('/api/firm-profile/logo')
      .set('Content-Type', 'image/png')
      .send(PNG)
      .expect(200);

    const served = await t
      .http()
      .get(png.body.logoUrl as string)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toContain("default-src 'none'");
    // The one API answer a browser may keep (its address changes with the logo).
    expect(served.headers['cache-control']).toBe('public, max-age=300');
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);

    await admin.delete('/api/firm-profile/logo').expect(200);
    await t.http().get('/api/public/firm/logo').expect(404);
    await admin.put('/api/firm-profile/logo').set('Content-Type', 'image/png').send(PNG).expect(200);
  });

  it('shows the public only the public fields', async () => {
    const answer = await t.http().get('/api/public/firm').expect(200);
    expect(Object.keys(answer.body).sort()).toEqual(['address', 'logoUrl', 'name', 'phone', 'publicEmail']);
    expect(answer.body).toMatchObject(profile);
  });

  it('lets admins describe consultation types; the public page sees description, price and mode, and a video booking gets its link', async () => {
    const bad = await admin
      .post('/api/consultation-types')
      .send({
        name: 'X',
        nameFr: 'X',
        durationMinutes: 30,
        mode: 'carrier_pigeon',
        description: 'y'.repeat(1001),
      })
      .expect(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['description', 'mode']);

    const video = await admin
      .post('/api/consultation-types')
      .send({
        name: 'Work permit assessment',
        nameFr: 'Évaluation de permis de travail',
        durationMinutes: 30,
        priceCents: 15000,
        mode: 'video',
        description: 'We review your job offer and say which permit fits.',
        descriptionFr: 'Nous examinons votre offre et vous disons quel permis convient.',
        videoLink: 'https://meet.example.ca/assessment',
      })
      .expect(201);
    expect(video.body).toMatchObject({ mode: 'video', description: expect.stringContaining('job offer') });
    const phone = await admin
      .post('/api/consultation-types')
      .send({ name: 'Quick call', nameFr: 'Appel rapide', durationMinutes: 30, mode: 'phone' })
      .expect(201);
    await admin
      .patch(`/api/consultation-types/${phone.body.id}`)
      .send({ description: 'A short call.' })
      .expect(200);

    const types = (await t.http().get('/api/public/consultation-types').expect(200)).body as Record<
      string,
      unknown
    >[];
    expect(types).toEqual([
      {
        id: phone.body.id,
        name: 'Quick call',
        nameFr: 'Appel rapide',
        durationMinutes: 30,
        priceCents: null,
        mode: 'phone',
        description: 'A short call.',
        descriptionFr: null,
      },
      {
        id: video.body.id,
        name: 'Work permit assessment',
        nameFr: 'Évaluation de permis de travail',
        durationMinutes: 30,
        priceCents: 15000,
        mode: 'video',
        description: 'We review your job offer and say which permit fits.',
        descriptionFr: 'Nous examinons votre offre et vous disons quel permis convient.',
      },
    ]);

    const booking = (type: string, startsAt: string, email: string) => ({
      type,
      startsAt,
      consultantId: consultant.user.id,
      name: 'Priya Sharma',
      email,
      timezone: 'Asia/Kolkata',
      language: 'en',
    });
    const booked = await t
      .http()
      .post('/api/public/bookings')
      .send(booking(video.body.id, SLOT, 'priya@example.com'))
      .expect(201);
    expect(booked.body).toMatchObject({ mode: 'video', meetingLink: 'https://meet.example.ca/assessment' });
    const token = (booked.body.manageUrl as string).split('/').pop()!;
    expect((await t.http().get(`/api/public/bookings/${token}`).expect(200)).body.meetingLink).toBe(
      'https://meet.example.ca/assessment',
    );
    const [confirmation] = await waitFor(() =>
      sink.to('priya@example.com').length ? sink.to('priya@example.com') : null,
    );
    expect(confirmation.text).toContain('https://meet.example.ca/assessment');

    const byPhone = await t
      .http()
      .post('/api/public/bookings')
      .send(booking(phone.body.id, LATER_SLOT, 'raj@example.com'))
      .expect(201);
    expect(byPhone.body).toMatchObject({ mode: 'phone', meetingLink: null });
  });

  it('rate-limits the public firm routes with the other public routes', async () => {
    let status = 200;
    for (let i = 0; i <= PUBLIC_LIMIT && status === 200; i++) {
      status = (await t.http().get('/api/public/firm')).status;
    }
    expect(status).toBe(429);
    await t.http().get('/api/public/firm/logo').expect(429);
    await t.http().get('/api/public/consultation-types').expect(429);
  });
});
