// The client reads and signs their service agreement in the portal; the staff side (drafts, sending,
// countersigning) is in agreement.e2e.ts.
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { discoverRoutes, pathWith } from '../support/routes';
import { signInToPortal, type PortalClient } from '../support/portal';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import { AGREEMENT_TERMS, draftAgreement } from '../support/agreements';

const OTHER_ID = '00000000-0000-4000-8000-000000000000';

type Portal = PortalClient<{ id: string; email: string | null }>;

describe('client portal: reading and signing the service agreement', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;

  async function signedInClient(name = { firstName: 'Amélie', lastName: 'Tremblay' }): Promise<Portal> {
    const client = await t.given.client({
      ...name,
      consultantId: consultant.user.id,
      preferredLanguage: PreferredLanguage.Fr,
    });
    return signInToPortal(t, sink, admin, client);
  }

  /** A file of the client with a draft agreement; `send` sends it (the client sees only sent ones). */
  async function agreementOf(portal: Portal, send = true) {
    const file = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    return { fileId: file.id, agreementId: await draftAgreement(consultant, file.id, { send }) };
  }

  const sign = (portal: Portal, id: string, body: object) =>
    portal.post(`/api/portal/agreements/${id}/sign`).send(body);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({
      env: { SMTP_URL: sink.url, PUBLIC_RATE_LIMIT: '10000', TRUST_PROXY: 'loopback' },
    });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Jean Dupuis' });
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('shows the client their sent agreement: its text, hash and where it stands', async () => {
    const portal = await signedInClient();
    const { fileId, agreementId } = await agreementOf(portal);
    const staff = await consultant.get(`/api/files/${fileId}/agreement`).expect(200);
    const res = await portal.get(`/api/portal/agreements/${agreementId}`).expect(200);
    expect(res.body).toEqual({
      id: agreementId,
      fileId,
      version: 1,
      status: 'sent',
      language: 'fr',
      text: staff.body.current.body,
      textSha256: staff.body.current.bodySha256,
      sentAt: staff.body.current.sentAt,
      clientSignedAt: null,
      countersignedAt: null,
      documentId: null,
    });
    expect(res.body.text).toContain('Amélie Tremblay');
  });

  it('shows each file’s agreement on the portal file views once sent, never a draft, following its signatures', async () => {
    const portal = await signedInClient();
    const someoneElse = await signedInClient({ firstName: 'Rajesh', lastName: 'Patel' });
    const draft = await agreementOf(portal, false);
    const sent = await agreementOf(portal);
    const none = await t.given.file({ clientId: portal.client.id, consultantId: consultant.user.id });
    await agreementOf(someoneElse);

    const agreementsOnList = async () => {
      const list = await portal.get('/api/portal/files').expect(200);
      return Object.fromEntries(
        list.body.items.map((f: { id: string; agreement: unknown }) => [f.id, f.agreement]),
      );
    };
    expect(await agreementsOnList()).toEqual({
      [draft.fileId]: null,
      [sent.fileId]: { id: sent.agreementId, status: 'sent', version: 1 },
      [none.id]: null,
    });
    const detail = await portal.get(`/api/portal/files/${draft.fileId}`).expect(200);
    expect(detail.body.agreement).toBeNull();

    // Sending the draft shows it; the client's signature and the countersignature move it along.
    await consultant.post(`/api/agreements/${draft.agreementId}/send`).expect(200);
    await sign(portal, draft.agreementId, { typedName: 'Amélie Tremblay', consent: true }).expect(200);
    expect((await portal.get(`/api/portal/files/${draft.fileId}`).expect(200)).body.agreement).toEqual({
      id: draft.agreementId,
      status: 'client_signed',
      version: 1,
    });
    await consultant.post(`/api/agreements/${draft.agreementId}/countersign`).expect(200);
    // A new draft on the other file supersedes the sent version: the portal shows no agreement until it is sent.
    await consultant.post(`/api/files/${sent.fileId}/agreement`).send(AGREEMENT_TERMS.en).expect(201);
    expect(await agreementsOnList()).toEqual({
      [draft.fileId]: { id: draft.agreementId, status: 'signed', version: 1 },
      [sent.fileId]: null,
      [none.id]: null,
    });
  });

  it('signs with the typed name and consent, recording address and user agent, audited with the client as actor', async () => {
    const portal = await signedInClient();
    const { agreementId } = await agreementOf(portal);
    const res = await sign(portal, agreementId, { typedName: '  amelie TREMBLAY ', consent: true })
      .set('X-Forwarded-For', '203.0.113.42')
      .set('User-Agent', 'Mozilla/5.0 (iPhone) Portal test')
      .expect(200);
    expect(res.body.status).toBe('client_signed');
    expect(new Date(res.body.clientSignedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(res.body.countersignedAt).toBeNull();
    expect(res.body).not.toHaveProperty('clientIp');

    const rows: { client_typed_name: string; client_ip: string; client_user_agent: string }[] =
      await t.dataSource.query(
        'SELECT client_typed_name, client_ip, client_user_agent FROM agreements WHERE id = $1',
        [agreementId],
      );
    expect(rows[0]).toEqual({
      client_typed_name: 'amelie TREMBLAY',
      client_ip: '203.0.113.42',
      client_user_agent: 'Mozilla/5.0 (iPhone) Portal test',
    });
    const events: { actor_id: string | null; actor_client_id: string | null }[] = await t.dataSource.query(
      `SELECT actor_id, actor_client_id FROM audit_events
        WHERE action = 'agreement.client_signed' AND subject_id = $1`,
      [agreementId],
    );
    expect(events).toEqual([{ actor_id: null, actor_client_id: portal.client.id }]);

    // The staff see the signature; the consultant may now countersign.
    await consultant.post(`/api/agreements/${agreementId}/countersign`).expect(200);
    const after = await portal.get(`/api/portal/agreements/${agreementId}`).expect(200);
    expect(after.body.status).toBe('signed');
    expect(after.body.countersignedAt).not.toBeNull();
    // The signed PDF is the client's to download.
    expect(after.body.documentId).toEqual(expect.any(String));
    const pdf = await portal
      .get(`/api/portal/documents/${after.body.documentId}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('refuses a missing or wrong typed name and consent that is not literally true (400 naming the field)', async () => {
    const portal = await signedInClient({ firstName: 'Priya', lastName: 'Sharma' });
    const { agreementId } = await agreementOf(portal);
    const cases: [object, string][] = [
      [{ consent: true }, 'typedName'],
      [{ typedName: '', consent: true }, 'typedName'],
      [{ typedName: 'Priya Shah', consent: true }, 'typedName'],
      [{ typedName: 'Priya Sharma' }, 'consent'],
      [{ typedName: 'Priya Sharma', consent: false }, 'consent'],
      [{ typedName: 'Priya Sharma', consent: 'true' }, 'consent'],
      [{ typedName: 'Priya Sharma', consent: 1 }, 'consent'],
    ];
    for (const [body, field] of cases) {
      const res = await sign(portal, agreementId, body).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.fields)).toEqual([field]);
    }
    const still = await portal.get(`/api/portal/agreements/${agreementId}`).expect(200);
    expect(still.body.status).toBe('sent');
    expect(still.body.clientSignedAt).toBeNull();
  });

  it('refuses to sign twice, and to sign a version that was replaced (409)', async () => {
    const portal = await signedInClient();
    const { agreementId } = await agreementOf(portal);
    await sign(portal, agreementId, { typedName: 'Amélie Tremblay', consent: true }).expect(200);
    const twice = await sign(portal, agreementId, { typedName: 'Amélie Tremblay', consent: true }).expect(
      409,
    );
    expect(twice.body.code).toBe('AGREEMENT_INVALID_STATE');

    const other = await agreementOf(portal);
    await consultant.post(`/api/files/${other.fileId}/agreement`).send(AGREEMENT_TERMS.en).expect(201);
    const replaced = await sign(portal, other.agreementId, {
      typedName: 'Amélie Tremblay',
      consent: true,
    }).expect(409);
    expect(replaced.body.code).toBe('AGREEMENT_INVALID_STATE');
    expect(replaced.body.message).toContain('newer');
    const view = await portal.get(`/api/portal/agreements/${other.agreementId}`).expect(200);
    expect(view.body.status).toBe('superseded');
  });

  it('answers 404 on every agreement route for another client’s agreement, an unsent draft or no agreement', async () => {
    const portal = await signedInClient();
    const someoneElse = await signedInClient({ firstName: 'Rajesh', lastName: 'Patel' });
    const mine = await agreementOf(portal);
    const theirs = await agreementOf(someoneElse);
    const draft = await agreementOf(portal, false);

    const routes = discoverRoutes(t).filter((r) => r.isPortal && r.path.startsWith('/api/portal/agreements'));
    expect(routes.map((r) => `${r.method.toUpperCase()} ${r.path}`).sort()).toEqual([
      'GET /api/portal/agreements/:id',
      'POST /api/portal/agreements/:id/sign',
    ]);
    const body = { typedName: 'Amélie Tremblay', consent: true };
    const call = (route: (typeof routes)[number], id: string) =>
      route.method === 'post' ? portal.post(pathWith(route, id)).send(body) : portal.get(pathWith(route, id));
    for (const route of routes) {
      for (const id of [theirs.agreementId, draft.agreementId, OTHER_ID]) {
        const res = await call(route, id);
        expect(`${route.method} ${route.path} ${id} -> ${res.status} ${res.body.code}`).toBe(
          `${route.method} ${route.path} ${id} -> 404 AGREEMENT_NOT_FOUND`,
        );
      }
      const res = await call(route, mine.agreementId);
      expect(`${route.method} ${route.path} -> ${res.status}`).toBe(`${route.method} ${route.path} -> 200`);
    }
    await portal.get('/api/portal/agreements/not-a-uuid').expect(400);
    // Nothing reached the other client's agreement or the draft.
    const rows: { id: string; status: string }[] = await t.dataSource.query(
      'SELECT id, status FROM agreements WHERE id = ANY($1) ORDER BY id',
      [[theirs.agreementId, draft.agreementId]],
    );
    expect(Object.fromEntries(rows.map((r) => [r.id, r.status]))).toEqual({
      [theirs.agreementId]: 'sent',
      [draft.agreementId]: 'draft',
    });
  });
});
