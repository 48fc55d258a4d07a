// The client's billing in the portal, read only: their invoices (never drafts) with receipts and PDFs, and their
// client account; never anything of another client's.
import { AuditEventEntity } from '@app/audit';
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { pdfText } from '../support/pdf-text';
import { signInToPortal, type PortalClient } from '../support/portal';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const FEE = {
  kind: 'professional_fee',
  description: 'Work permit application',
  quantity: 1,
  unitCents: 100_000,
};
const IRCC = { kind: 'disbursement', description: 'IRCC work permit fee', quantity: 1, unitCents: 15_500 };

type Portal = PortalClient<{ id: string; email: string | null }>;

describe('client portal: invoices, receipts and the client account', () => {
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
      .send({ gstHstNumber: '123456789RT0001', qstNumber: '1234567890TQ0001' })
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  const pdfParser = (test: ReturnType<Portal['get']>) =>
    test.buffer(true).parse((res, done) => {
      const parts: Buffer[] = [];
      res.on('data', (part: Buffer) => parts.push(part));
      res.on('end', () => done(null, Buffer.concat(parts)));
    });

  /**
   * A signed-in client with a file and, on it: an issued invoice paid in part from their account, a paid one, a void
   * one and a draft; their account holds a deposit, that transfer and a refund.
   */
  async function clientWithBilling(language = PreferredLanguage.En) {
    const client = await t.given.client({ consultantId: consultant.user.id, preferredLanguage: language });
    const portal: Portal = await signInToPortal(t, sink, admin, client);
    const file = await t.given.file({ clientId: client.id, consultantId: consultant.user.id });
    const invoice = async (issue: boolean) => {
      const res = await consultant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE, IRCC], province: 'QC' })
        .expect(201);
      return issue
        ? ((await consultant.post(`/api/invoices/${res.body.id}/issue`).expect(200)).body as {
            id: string;
            number: string;
            totalCents: number;
          })
        : (res.body as { id: string; number: string; totalCents: number });
    };
    const partlyPaid = await invoice(true);
    const paid = await invoice(true);
    const voided = await invoice(true);
    const draft = await invoice(false);
    await consultant.post(`/api/invoices/${voided.id}/void`).send({ reason: 'Duplicate' }).expect(200);
    const account = `/api/clients/${client.id}/account`;
    await consultant
      .post(`${account}/deposits`)
      .send({ amountCents: 100_000, method: 'e_transfer', receivedOn: '2026-12-01' })
      .expect(201);
    await consultant
      .post(`/api/invoices/${partlyPaid.id}/payments`)
      .send({ amountCents: 50_000, method: 'client_account', receivedOn: '2026-12-02' })
      .expect(200);
    await consultant
      .post(`${account}/refunds`)
      .send({ amountCents: 10_000, method: 'cheque', receivedOn: '2026-12-03' })
      .expect(201);
    await consultant
      .post(`/api/invoices/${paid.id}/payments`)
      .send({ amountCents: paid.totalCents, method: 'card', receivedOn: '2026-12-04' })
      .expect(200);
    return { portal, client, file, partlyPaid, paid, voided, draft };
  }

  it('lists the client’s issued, paid and void invoices with what is owing and their receipts, never a draft', async () => {
    const mine = await clientWithBilling();
    await clientWithBilling();
    const res = await mine.portal.get('/api/portal/invoices').expect(200);
    expect(res.body.nextCursor).toBeNull();
    const byNumber = new Map(
      (res.body.items as { number: string }[]).map((i) => [i.number, i as Record<string, unknown>]),
    );
    expect([...byNumber.keys()].sort()).toEqual(
      [mine.partlyPaid.number, mine.paid.number, mine.voided.number].sort(),
    );
    // 1 000,00 $ of fees, 5 % GST (50,00 $) and 9.975 % QST (99,75 $), and 155,00 $ of IRCC fees, untaxed.
    expect(byNumber.get(mine.partlyPaid.number)).toEqual({
      id: mine.partlyPaid.id,
      number: mine.partlyPaid.number,
      status: 'issued',
      fileId: mine.file.id,
      fileNumber: mine.file.fileNumber,
      issuedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      subtotalCents: 115_500,
      taxCents: 14_975,
      totalCents: 130_475,
      paidCents: 50_000,
      balanceCents: 80_475,
      receipts: [
        { id: expect.any(String), amountCents: 50_000, method: 'client_account', receivedOn: '2026-12-02' },
      ],
    });
    expect(byNumber.get(mine.paid.number)).toMatchObject({
      status: 'paid',
      balanceCents: 0,
      receipts: [{ amountCents: 130_475, method: 'card', receivedOn: '2026-12-04' }],
    });
    expect(byNumber.get(mine.voided.number)).toMatchObject({ status: 'void', balanceCents: 0, receipts: [] });
  });

  it('shows the client their own account: balance, deposits, transfers to invoices and refunds', async () => {
    const mine = await clientWithBilling();
    const theirs = await clientWithBilling();
    await consultant
      .post(`/api/clients/${theirs.client.id}/account/deposits`)
      .send({ amountCents: 999_900, method: 'cash', receivedOn: '2026-12-05' })
      .expect(201);
    const res = await mine.portal.get('/api/portal/account').expect(200);
    expect(res.body.balanceCents).toBe(40_000);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items).toEqual([
      expect.objectContaining({
        kind: 'refund',
        amountCents: -10_000,
        balanceAfterCents: 40_000,
        invoiceId: null,
      }),
      expect.objectContaining({
        kind: 'transfer',
        amountCents: -50_000,
        balanceAfterCents: 50_000,
        method: 'invoice',
        invoiceId: mine.partlyPaid.id,
      }),
      expect.objectContaining({
        kind: 'deposit',
        amountCents: 100_000,
        method: 'e_transfer',
        receivedOn: '2026-12-01',
      }),
    ]);
    const page = await mine.portal.get('/api/portal/account?limit=2').expect(200);
    expect(page.body.items).toHaveLength(2);
    const rest = await mine.portal
      .get(`/api/portal/account?limit=2&cursor=${encodeURIComponent(page.body.nextCursor as string)}`)
      .expect(200);
    expect(rest.body.items.map((e: { kind: string }) => e.kind)).toEqual(['deposit']);
    await mine.portal.get('/api/portal/account?limit=0').expect(400);

    // A client with no account yet sees an empty one.
    const newcomer = await signInToPortal(
      t,
      sink,
      admin,
      await t.given.client({ consultantId: consultant.user.id }),
    );
    const empty = await newcomer.get('/api/portal/account').expect(200);
    expect(empty.body).toEqual({ balanceCents: 0, items: [], nextCursor: null });
    expect((await newcomer.get('/api/portal/invoices').expect(200)).body.items).toEqual([]);
  });

  it('gives the client their invoice as a PDF in their language, audited; a draft or another client’s invoice is a 404', async () => {
    const mine = await clientWithBilling(PreferredLanguage.Fr);
    const theirs = await clientWithBilling();

    const res = await pdfParser(mine.portal.get(`/api/portal/invoices/${mine.partlyPaid.id}/pdf`)).expect(
      200,
    );
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(`${mine.partlyPaid.number}.pdf`);
    const text = pdfText(res.body as Buffer);
    expect(text).toContain('Facture');
    expect(text).toContain('TVQ (9,975\u00a0%)');
    expect(text).toContain('Solde à payer');
    expect(text).toContain('804,75\u00a0$');
    const english = await pdfParser(
      mine.portal.get(`/api/portal/invoices/${mine.partlyPaid.id}/pdf?lang=en`),
    ).expect(200);
    expect(pdfText(english.body as Buffer)).toContain('Balance owing');

    const events = await t.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ subjectId: mine.partlyPaid.id, action: 'invoice.pdf_downloaded' });
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({ actorId: null, actorClientId: mine.client.id, fileId: mine.file.id });

    for (const id of [
      mine.draft.id,
      theirs.partlyPaid.id,
      theirs.draft.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const missing = await mine.portal.get(`/api/portal/invoices/${id}/pdf`).expect(404);
      expect(missing.body.code).toBe('INVOICE_NOT_FOUND');
    }
    await mine.portal.get('/api/portal/invoices/not-a-uuid/pdf').expect(400);
    await mine.portal.get(`/api/portal/invoices/${mine.paid.id}/pdf?lang=de`).expect(400);
    // Another client's download was not recorded as theirs, nor as anyone's.
    expect(
      await t.dataSource
        .getRepository(AuditEventEntity)
        .countBy({ subjectId: theirs.partlyPaid.id, action: 'invoice.pdf_downloaded' }),
    ).toBe(0);
  });

  it('answers only a portal session: staff tokens and no token are refused', async () => {
    const mine = await clientWithBilling();
    await consultant.get('/api/portal/invoices').expect(401);
    await consultant.get('/api/portal/account').expect(401);
    await consultant.get(`/api/portal/invoices/${mine.paid.id}/pdf`).expect(401);
    await t.http().get('/api/portal/invoices').expect(401);
    await t.http().get(`/api/portal/invoices/${mine.paid.id}/pdf`).expect(401);
  });
});
