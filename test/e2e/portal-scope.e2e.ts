// The portal's scope, walked route by route: every portal route that takes an id answers 404, and changes
// nothing, when a signed-in client uses another client's file, agreement, document or invoice. A new portal route is
// walked as soon as it exists; one that writes needs a valid request below, or this spec fails and says so.
import { StaffRole } from '@app/auth';
import { DocumentEntity } from '@app/documents';
import { pdf } from '../support/documents';
import { signInToPortal, type PortalClient } from '../support/portal';
import { discoverRoutes, pathWith, type Route } from '../support/routes';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';
import type request from 'supertest';
import { draftAgreement, PROFESSIONAL_FEE_LINE } from '../support/agreements';

type Portal = PortalClient<{ id: string; email: string | null; firstName: string; lastName: string }>;

interface Ids {
  files: string;
  agreements: string;
  documents: string;
  invoices: string;
}

/** A request each writing route would accept from the record's owner, so a 404 can only mean "not yours". */
const WRITES: Record<string, (test: request.Test, portal: Portal) => request.Test> = {
  'POST /api/portal/files/:id/documents': (test) =>
    test.field('kind', 'passport').attach('file', pdf(2500, 'scope'), 'passport.pdf'),
  'PUT /api/portal/files/:id/intake': (test) => test.send({ answers: {} }),
  'POST /api/portal/files/:id/intake/submit': (test) => test.send({}),
  'POST /api/portal/files/:id/messages': (test) => test.send({ body: 'Is my file on track?' }),
  'POST /api/portal/agreements/:id/sign': (test, portal) =>
    test.send({ typedName: `${portal.client.firstName} ${portal.client.lastName}`, consent: true }),
};

describe('client portal: every route with an id is scoped to the signed-in client', () => {
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ env: { SMTP_URL: sink.url, PUBLIC_RATE_LIMIT: '10000' } });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    await admin
      .put('/api/settings/billing')
      .send({ gstHstNumber: '123456789RT0001', qstNumber: null })
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  /** A signed-in client with a file, a sent agreement on it, a document they uploaded and an issued invoice. */
  async function clientWithRecords(): Promise<{ portal: Portal; ids: Ids }> {
    const client = await t.given.client({ consultantId: consultant.user.id });
    const portal = await signInToPortal(t, sink, admin, client);
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    const agreementId = await draftAgreement(consultant, file.id);
    const document = await WRITES['POST /api/portal/files/:id/documents'](
      portal.post(`/api/portal/files/${file.id}/documents`),
      portal,
    ).expect(201);
    const invoice = await consultant
      .post(`/api/files/${file.id}/invoices`)
      .send({ lines: [PROFESSIONAL_FEE_LINE], province: 'AB' })
      .expect(201);
    await consultant.post(`/api/invoices/${invoice.body.id}/issue`).expect(200);
    return {
      portal,
      ids: {
        files: file.id,
        agreements: agreementId,
        documents: document.body.document.id,
        invoices: invoice.body.id,
      },
    };
  }

  function call(portal: Portal, route: Route, id: string): request.Test {
    const url = pathWith(route, id);
    if (route.method === 'get') {
      return portal.get(url);
    }
    const write = WRITES[`${route.method.toUpperCase()} ${route.path}`];
    if (!write) {
      throw new Error(`${route.method.toUpperCase()} ${route.path}: add a valid request for it to WRITES`);
    }
    return write(route.method === 'put' ? portal.put(url) : portal.post(url), portal);
  }

  /** The record kind a route's id names: the path segment before `:id`. */
  function kindOf(route: Route): keyof Ids {
    const kind = /\/([a-z-]+)\/:id\b/.exec(route.path)?.[1];
    if (kind !== 'files' && kind !== 'agreements' && kind !== 'documents' && kind !== 'invoices') {
      throw new Error(`${route.path}: an id of an unknown kind; give this spec a record of that kind`);
    }
    return kind;
  }

  it('answers 404 with another client’s ids, changes none of their records, and serves the owner', async () => {
    const me = await clientWithRecords();
    const other = await clientWithRecords();
    const routes = discoverRoutes(t).filter((r) => r.isPortal && r.path.includes('/:id'));
    expect(routes.length).toBeGreaterThanOrEqual(6);

    const documentsBefore = await t.dataSource.getRepository(DocumentEntity).count();
    const answers: string[] = [];
    for (const route of routes) {
      const res = await call(me.portal, route, other.ids[kindOf(route)]);
      answers.push(`${route.method.toUpperCase()} ${route.path} -> ${res.status}`);
    }
    expect(answers).toEqual(routes.map((r) => `${r.method.toUpperCase()} ${r.path} -> 404`));

    // Nothing of theirs moved: no document added, their agreement still waits for their signature.
    expect(await t.dataSource.getRepository(DocumentEntity).count()).toBe(documentsBefore);
    const theirs = await consultant.get(`/api/files/${other.ids.files}`).expect(200);
    expect(theirs.body.agreement).toBe('sent');

    // The same requests with the client's own ids find the record (submitting an empty questionnaire is refused
    // for what it lacks, not for whose it is), so the 404s above are about scope only.
    for (const route of routes) {
      const res = await call(me.portal, route, me.ids[kindOf(route)]);
      const found = res.status !== 404 && res.status < 500;
      expect(`${route.method.toUpperCase()} ${route.path} -> ${found ? 'found' : res.status}`).toBe(
        `${route.method.toUpperCase()} ${route.path} -> found`,
      );
    }
  });
});
