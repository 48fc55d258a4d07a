// The client portal's sign-in and read routes against one app, one SMTP sink and a fixed clock: starting an app
// per file costs seconds, so the cases stay together.
import type request from 'supertest';
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { DeadlineKind } from '@app/work-permits';
import { EmailEntity } from '@app/notifications';
import { AuditEventEntity } from '@app/audit';
import { FixedClock } from '@app/shared';
import { consultationType } from '../support/bookable';
import { assertNoLogLeaks } from '../support/log-scanner';
import { discoverRoutes, pathWith } from '../support/routes';
import { SmtpSink, waitFor, type ReceivedEmail } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Wednesday 3 March 2027, 10:00 in Toronto (the firm).
const NOW = '2027-03-03T15:00:00.000Z';
const APP_URL = 'https://permitdesk.example.ca';
const MINUTE = 60_000;
const ANSWER_MS = 300;
const OTHER_ID = '00000000-0000-4000-8000-000000000000';

/** Every link token and portal session token the tests saw: none may reach the logs. */
const seenTokens: string[] = [];

function tokenIn(mail: ReceivedEmail): string {
  const match = /\/portal\/sign-in\?token=([A-Za-z0-9_-]{43})/.exec(mail.text);
  expect(match).not.toBeNull();
  seenTokens.push(match![1]);
  return match![1];
}

describe('client portal: sign-in by email link, sessions, what the client sees', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let other: SignedInClient;
  let addresses = 0;

  /** Each test asks from its own address, so the per-address limit is only met where a test is about it. */
  const fromAddress = () => `198.51.100.${++addresses}`;

  const mailsTo = (to: string) => sink.received.filter((m) => m.to.includes(to));

  async function nextMailTo(to: string, before: number): Promise<ReceivedEmail> {
    return waitFor(() => mailsTo(to)[before], 10_000, `email ${before + 1} to ${to}`);
  }

  async function invitedClient(attrs: { preferredLanguage?: 'en' | 'fr'; consultantId?: string } = {}) {
    const client = await t.given.client({
      consultantId: attrs.consultantId ?? consultant.user.id,
      preferredLanguage: attrs.preferredLanguage as PreferredLanguage | undefined,
    });
    const before = mailsTo(client.email!).length;
    await admin.post(`/api/clients/${client.id}/portal-invite`).expect(200);
    const mail = await nextMailTo(client.email!, before);
    return { client, mail, token: tokenIn(mail) };
  }

  async function signedInClient(attrs: { preferredLanguage?: 'en' | 'fr' } = {}) {
    const { client, token } = await invitedClient(attrs);
    const res = await t.http().post('/api/portal/auth/verify').send({ token }).expect(200);
    const bearer = res.body.accessToken as string;
    seenTokens.push(bearer);
    const as = (test: request.Test) => test.set('Authorization', `Bearer ${bearer}`);
    return {
      client,
      bearer,
      get: (url: string) => as(t.http().get(url)),
      post: (url: string) => as(t.http().post(url)),
    };
  }

  const requestLink = (email: string, address = fromAddress()) =>
    t.http().post('/api/portal/auth/request-link').set('X-Forwarded-For', address).send({ email });

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      clock,
      env: {
        SMTP_URL: sink.url,
        APP_URL,
        TRUST_PROXY: 'loopback',
        PUBLIC_RATE_LIMIT: '10000',
        PORTAL_LINK_LIMIT_PER_EMAIL: '3',
        PORTAL_LINK_LIMIT_PER_ADDRESS: '4',
        PORTAL_LINK_ANSWER_MS: String(ANSWER_MS),
      },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Amélie Tremblay' });
    other = await t.signedInAs(StaffRole.Consultant, { name: 'Rajesh Patel' });
  });

  afterAll(async () => {
    await t.close();
    await sink.close();
    expect(seenTokens.length).toBeGreaterThan(10);
    assertNoLogLeaks(t.logFile, seenTokens);
  });

  beforeEach(() => clock.set(NOW));

  describe('invite (staff)', () => {
    it('emails a link to /portal/sign-in in the client’s language, hides it in the outbox, and shows the status', async () => {
      const client = await t.given.client({
        consultantId: consultant.user.id,
        preferredLanguage: PreferredLanguage.Fr,
      });
      const before = (await consultant.get(`/api/clients/${client.id}`).expect(200)).body;
      expect(before.portal).toBeNull();

      const invited = await consultant.post(`/api/clients/${client.id}/portal-invite`).expect(200);
      expect(invited.body).toEqual({ invitedAt: NOW, lastSignInAt: null });

      const mail = await nextMailTo(client.email!, 0);
      expect(mail.subject).toBe('Votre portail client est prêt');
      expect(mail.text).toContain(`${APP_URL}/portal/sign-in?token=`);
      const token = tokenIn(mail);
      const outbox = await t.dataSource
        .getRepository(EmailEntity)
        .findOneByOrFail({ kind: 'portal-invite', to: client.email! });
      expect(outbox.text).not.toContain(token);

      const after = (await consultant.get(`/api/clients/${client.id}`).expect(200)).body;
      expect(after.portal).toEqual({ invitedAt: NOW, lastSignInAt: null });
      const audit = await t.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ action: 'portal.invited', subjectId: client.id });
      expect(audit.actorId).toBe(consultant.user.id);
    });

    it('is a 404 for another consultant’s client, a 400 naming email without one, a 409 once archived', async () => {
      const client = await t.given.client({ consultantId: consultant.user.id });
      await other.post(`/api/clients/${client.id}/portal-invite`).expect(404);

      const noEmail = await t.given.client({ consultantId: consultant.user.id, email: null });
      const refused = await admin.post(`/api/clients/${noEmail.id}/portal-invite`).expect(400);
      expect(Object.keys(refused.body.fields)).toEqual(['email']);

      await admin.delete(`/api/clients/${client.id}`).expect(204);
      const archived = await admin.post(`/api/clients/${client.id}/portal-invite`).expect(409);
      expect(archived.body.code).toBe('CLIENT_ARCHIVED');
      expect(mailsTo(client.email!)).toHaveLength(0);
    });
  });

  describe('sign-in by link', () => {
    it('signs in once with the emailed link: me, files, last sign-in on the client, audited as the client', async () => {
      const { client, token } = await invitedClient();
      const res = await t.http().post('/api/portal/auth/verify').send({ token }).expect(200);
      expect(res.body.client).toEqual({
        id: client.id,
        firstName: client.firstName,
        preferredLanguage: 'en',
      });
      const bearer = res.body.accessToken as string;

      const me = await t.http().get('/api/portal/me').set('Authorization', `Bearer ${bearer}`).expect(200);
      expect(me.body).toMatchObject({
        id: client.id,
        firstName: client.firstName,
        consultantName: 'Amélie Tremblay',
      });
      const files = await t
        .http()
        .get('/api/portal/files')
        .set('Authorization', `Bearer ${bearer}`)
        .expect(200);
      expect(files.body).toEqual({ items: [], nextCursor: null });

      const staffView = (await admin.get(`/api/clients/${client.id}`).expect(200)).body;
      expect(staffView.portal.lastSignInAt).toBe(NOW);
      const signedIn = await t.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ action: 'portal.signed_in', clientId: client.id });
      expect(signedIn).toMatchObject({ actorId: null, actorClientId: client.id });

      const again = await t.http().post('/api/portal/auth/verify').send({ token }).expect(401);
      expect(again.body.code).toBe('PORTAL_LINK_USED');
    });

    it('refuses an expired link (15 minutes) and an unknown one, each with its code', async () => {
      const { token } = await invitedClient();
      clock.advance(15 * MINUTE + 1000);
      const expired = await t.http().post('/api/portal/auth/verify').send({ token }).expect(401);
      expect(expired.body.code).toBe('PORTAL_LINK_EXPIRED');

      const unknown = await t
        .http()
        .post('/api/portal/auth/verify')
        .send({ token: 'A'.repeat(43) })
        .expect(401);
      expect(unknown.body.code).toBe('PORTAL_LINK_INVALID');
      const malformed = await t.http().post('/api/portal/auth/verify').send({ token: 'short' }).expect(401);
      expect(malformed.body.code).toBe('PORTAL_LINK_INVALID');
    });

    it('voids the earlier link when a new one is asked for; the new one works', async () => {
      const { client, token: first } = await invitedClient();
      await requestLink(client.email!).expect(202);
      const mail = await nextMailTo(client.email!, 1);
      expect(mail.subject).toBe('Your sign-in link');
      const second = tokenIn(mail);

      const replaced = await t.http().post('/api/portal/auth/verify').send({ token: first }).expect(401);
      expect(replaced.body.code).toBe('PORTAL_LINK_REPLACED');
      await t.http().post('/api/portal/auth/verify').send({ token: second }).expect(200);
      const requested = await t.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ action: 'portal.link_requested', clientId: client.id });
      expect(requested).toHaveLength(1);
    });

    it('answers an unknown email as a known one: 202 after the same time, and sends nothing', async () => {
      const { client } = await invitedClient();
      const sentBefore = sink.received.length;
      const unknown = `nobody-${process.pid}@example.com`;
      const timed = async (email: string) => {
        const started = Date.now();
        const res = await requestLink(email);
        return { res, ms: Date.now() - started };
      };

      // Both answers wait for the same padded time. Their difference is compared on the closest of up to three
      // pairs: beside other test files, one request can lose the CPU for longer than the pad.
      let closest = Infinity;
      for (let pair = 1; pair <= 3 && closest >= 200; pair++) {
        const a = await timed(unknown);
        const b = await timed(client.email!);
        expect([a.res.status, b.res.status]).toEqual([202, 202]);
        expect(a.res.body).toEqual(b.res.body);
        expect(a.ms).toBeGreaterThanOrEqual(ANSWER_MS - 5);
        expect(b.ms).toBeGreaterThanOrEqual(ANSWER_MS - 5);
        closest = Math.min(closest, Math.abs(a.ms - b.ms));
      }
      expect(closest).toBeLessThan(200);

      // Links go to the known client only (after the invitation, their first email): none to the unknown address.
      await nextMailTo(client.email!, 1);
      await new Promise((r) => setTimeout(r, 300));
      const sent = sink.received.slice(sentBefore);
      expect(sent.length).toBeGreaterThanOrEqual(1);
      expect(sent.filter((mail) => !mailsTo(client.email!).includes(mail))).toEqual([]);
      expect(mailsTo(unknown)).toHaveLength(0);
      const outbox = await t.dataSource.getRepository(EmailEntity).findBy({ to: unknown });
      expect(outbox).toHaveLength(0);
    });

    it('refuses a bad email with a 400 naming it', async () => {
      const res = await requestLink('not-an-email').expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['email']);
    });

    it('limits link requests per email (429 with Retry-After), known or not', async () => {
      const email = `limited-${process.pid}@example.com`;
      for (let i = 0; i < 3; i += 1) {
        await requestLink(email).expect(202);
      }
      const held = await requestLink(email).expect(429);
      expect(held.body.code).toBe('TOO_MANY_REQUESTS');
      expect(Number(held.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('limits link requests per address, whatever the emails', async () => {
      const address = fromAddress();
      for (let i = 0; i < 4; i += 1) {
        await requestLink(`spray${i}-${process.pid}@example.com`, address).expect(202);
      }
      const held = await requestLink(`spray-last-${process.pid}@example.com`, address).expect(429);
      expect(held.body.message).toContain('network');
      await requestLink(`spray-last-${process.pid}@example.com`).expect(202);
    });
  });

  describe('sessions', () => {
    it('ends on sign-out', async () => {
      const portal = await signedInClient();
      await portal.get('/api/portal/me').expect(200);
      await portal.post('/api/portal/auth/sign-out').expect(204);
      const res = await portal.get('/api/portal/me').expect(401);
      expect(res.body.code).toBe('UNAUTHORIZED');
      const audit = await t.dataSource
        .getRepository(AuditEventEntity)
        .findOneByOrFail({ action: 'portal.signed_out', clientId: portal.client.id });
      expect(audit.actorClientId).toBe(portal.client.id);
    });

    it('ends after 30 minutes without a request, and stays open while used', async () => {
      const portal = await signedInClient();
      clock.advance(29 * MINUTE);
      await portal.get('/api/portal/me').expect(200);
      clock.advance(29 * MINUTE);
      await portal.get('/api/portal/me').expect(200);
      clock.advance(30 * MINUTE + 1000);
      await portal.get('/api/portal/me').expect(401);
    });

    it('ends 12 hours after sign-in, however active', async () => {
      const portal = await signedInClient();
      for (let i = 0; i < 35; i += 1) {
        clock.advance(20 * MINUTE);
        await portal.get('/api/portal/me').expect(200);
      }
      clock.advance(20 * MINUTE);
      await portal.get('/api/portal/me').expect(401);
    });

    it('is refused once the client is archived', async () => {
      const portal = await signedInClient();
      await admin.delete(`/api/clients/${portal.client.id}`).expect(204);
      await portal.get('/api/portal/me').expect(401);
    });
  });

  describe('tokens of one kind never open routes of the other', () => {
    it('refuses a portal token on every staff route (401)', async () => {
      const portal = await signedInClient();
      const routes = discoverRoutes(t).filter((r) => !r.isPublic && !r.isPortal);
      expect(routes.length).toBeGreaterThan(20);
      const answers: string[] = [];
      for (const route of routes) {
        const res = await (t.http() as unknown as Record<string, (u: string) => request.Test>)
          [route.method](pathWith(route, OTHER_ID))
          .set('Authorization', `Bearer ${portal.bearer}`)
          .send({});
        answers.push(`${route.method.toUpperCase()} ${route.path} -> ${res.status}`);
      }
      expect(answers).toEqual(routes.map((r) => `${r.method.toUpperCase()} ${r.path} -> 401`));
    });

    it('refuses a staff token (of any role) on every portal route (401)', async () => {
      const routes = discoverRoutes(t).filter((r) => r.isPortal);
      expect(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual([
        'GET /api/portal/account',
        'GET /api/portal/agreements/:id',
        'GET /api/portal/consultations',
        'GET /api/portal/documents/:id/content',
        'GET /api/portal/files',
        'GET /api/portal/files/:id',
        'GET /api/portal/files/:id/checklist',
        'GET /api/portal/files/:id/intake',
        'GET /api/portal/files/:id/messages',
        'GET /api/portal/invoices',
        'GET /api/portal/invoices/:id/pdf',
        'GET /api/portal/me',
        'POST /api/portal/agreements/:id/sign',
        'POST /api/portal/auth/sign-out',
        'POST /api/portal/files/:id/documents',
        'POST /api/portal/files/:id/intake/submit',
        'POST /api/portal/files/:id/messages',
        'PUT /api/portal/files/:id/intake',
      ]);
      for (const staff of [admin, consultant]) {
        for (const route of routes) {
          const res = await (t.http() as unknown as Record<string, (u: string) => request.Test>)
            [route.method](pathWith(route, OTHER_ID))
            .set('Authorization', `Bearer ${staff.token}`)
            .send({});
          expect(`${route.method.toUpperCase()} ${route.path} -> ${res.status}`).toBe(
            `${route.method.toUpperCase()} ${route.path} -> 401`,
          );
        }
      }
      // The staff session is untouched.
      await admin.get('/api/auth/me').expect(200);
    });

    // Uploads and document downloads get the same walk, with documents, in portal-documents.e2e.ts.
    it('answers 404 on every portal read of a file, given another client’s file', async () => {
      const portal = await signedInClient();
      const theirs = await t.given.file({ consultantId: consultant.user.id });
      const mine = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
      const routes = discoverRoutes(t).filter(
        (r) => r.isPortal && r.method === 'get' && r.path.startsWith('/api/portal/files/:id'),
      );
      expect(routes.length).toBeGreaterThan(0);
      for (const route of routes) {
        const res = await portal.get(pathWith(route, theirs.id));
        expect(`${route.path} -> ${res.status}`).toBe(`${route.path} -> 404`);
        await portal.get(pathWith(route, mine.id)).expect(200);
      }
      const list = await portal.get('/api/portal/files').expect(200);
      expect(list.body.items.map((f: { id: string }) => f.id)).toEqual([mine.id]);
    });
  });

  describe('what the client sees', () => {
    it('shows the status in plain words (EN and FR) and only the deadlines that concern the client', async () => {
      const portal = await signedInClient({ preferredLanguage: 'fr' });
      const file = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
      await t.given.agreementOverride(file.id);
      await admin.post(`/api/files/${file.id}/transitions`).send({ to: 'preparing' }).expect(200);
      await admin.post(`/api/files/${file.id}/transitions`).send({ to: 'submitted' }).expect(200);

      const submitted = await portal.get(`/api/portal/files/${file.id}?lang=en`).expect(200);
      expect(submitted.body).toMatchObject({
        status: 'submitted',
        statusText: 'Submitted to IRCC on 3 March 2027',
        waitingOn: 'ircc',
        consultantName: 'Amélie Tremblay',
      });
      const french = await portal.get(`/api/portal/files/${file.id}`).expect(200);
      expect(french.body.statusText).toBe('Soumise à IRCC le 3 mars 2027');

      await admin.post(`/api/files/${file.id}/transitions`).send({ to: 'biometrics_requested' }).expect(200);
      await admin.patch(`/api/files/${file.id}`).send({ biometricsDueOn: '2027-04-14' }).expect(200);
      await t.given.deadline(file.id, { title: 'Call the employer about the offer', dueOn: '2027-03-20' });
      await t.given.deadline(file.id, { kind: DeadlineKind.DocumentRequest, dueOn: '2027-03-25' });

      const en = await portal.get(`/api/portal/files/${file.id}?lang=en`).expect(200);
      expect(en.body.statusText).toBe('IRCC asked for biometrics: give them by 14 April 2027');
      expect(en.body.waitingOn).toBe('client');
      expect(en.body.nextStep).toMatch(/fingerprints/);
      expect(
        en.body.deadlines.map((d: { kind: string; title: string; dueOn: string }) => [
          d.kind,
          d.title,
          d.dueOn,
        ]),
      ).toEqual([
        ['document_request', 'Send the documents we asked for', '2027-03-25'],
        ['biometrics', 'Give your biometrics (fingerprints and photo)', '2027-04-14'],
      ]);
      const body = JSON.stringify(en.body);
      expect(body).not.toContain('Call the employer');
      expect(body).not.toMatch(/notes|assignee|employer/i);

      const fr = await portal.get(`/api/portal/files/${file.id}`).expect(200);
      expect(fr.body.statusText).toBe(
        'IRCC demande vos données biométriques : à donner au plus tard le 14 avril 2027',
      );
      expect(fr.body.deadlines.map((d: { title: string }) => d.title)).toEqual([
        'Envoyer les documents demandés',
        'Donner vos données biométriques (empreintes et photo)',
      ]);
      await portal.get(`/api/portal/files/${file.id}?lang=de`).expect(400);
    });

    it('lists the client’s own consultations, in their language', async () => {
      const portal = await signedInClient({ preferredLanguage: 'fr' });
      const empty = await portal.get('/api/portal/consultations').expect(200);
      expect(empty.body).toEqual({ items: [], nextCursor: null });

      const typeId = await consultationType(admin);
      const someoneElse = await t.given.client({ consultantId: consultant.user.id });
      const book = (clientId: string, startsAt: string) =>
        consultant
          .post('/api/consultations')
          .send({ type: typeId, clientId, consultantId: consultant.user.id, startsAt })
          .expect(201);
      const mine = await book(portal.client.id, '2027-03-10T15:00:00Z');
      await book(someoneElse.id, '2027-03-11T15:00:00Z');

      const res = await portal.get('/api/portal/consultations').expect(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          id: mine.body.id,
          startsAt: '2027-03-10T15:00:00.000Z',
          status: 'booked',
          typeName: 'Évaluation de permis de travail',
          consultantName: 'Amélie Tremblay',
        }),
      ]);
      expect(JSON.stringify(res.body)).not.toMatch(/notes|topic|prescreen/);
    });
  });
});
