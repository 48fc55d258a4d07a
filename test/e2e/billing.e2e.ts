// Billing against one app, one SMTP sink and a fixed clock: tax numbers, government fees, invoices (drafts, issue
// numbering under concurrency, void), payments with receipts, and the client (trust) account under concurrency.
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { AuditEventEntity } from '@app/audit';
import { FixedClock } from '@app/shared';
import { SmtpSink, waitFor } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Saturday 5 December 2026, 10:00 in Toronto (the firm).
const NOW = '2026-12-05T15:00:00.000Z';
const GST_HST = '123456789RT0001';
const QST = '1234567890TQ0001';
const OTHER_ID = '00000000-0000-4000-8000-000000000000';

const FEE = {
  kind: 'professional_fee',
  description: 'Work permit application',
  quantity: 1,
  unitCents: 150_000,
};
const IRCC = { kind: 'disbursement', description: 'IRCC work permit fee', quantity: 1, unitCents: 15_500 };

describe('billing: invoices, payments and the client account', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let other: SignedInClient;
  let assistant: SignedInClient;

  /** A file of the consultant's, for a new client (in Canada unless told). */
  async function fileOf(
    attrs: { countryOfResidence?: string; preferredLanguage?: PreferredLanguage; consultantId?: string } = {},
  ) {
    const client = await t.given.client({
      consultantId: attrs.consultantId ?? consultant.user.id,
      countryOfResidence: attrs.countryOfResidence ?? 'CA',
      preferredLanguage: attrs.preferredLanguage,
    });
    const file = await t.given.file({
      clientId: client.id,
      consultantId: attrs.consultantId ?? consultant.user.id,
    });
    return { client, file };
  }

  async function draft(fileId: string, body: Record<string, unknown> = {}, as = consultant) {
    const res = await as
      .post(`/api/files/${fileId}/invoices`)
      .send({ lines: [FEE, IRCC], province: 'ON', ...body })
      .expect(201);
    return res.body as { id: string; totalCents: number; clientId: string };
  }

  async function issued(lines: unknown[] = [FEE, IRCC], province = 'ON') {
    const { client, file } = await fileOf();
    const invoice = await draft(file.id, { lines, province });
    const res = await consultant.post(`/api/invoices/${invoice.id}/issue`).expect(200);
    return { client, file, invoice: res.body as { id: string; number: string; totalCents: number } };
  }

  const setNumbers = (gstHstNumber: string | null, qstNumber: string | null) =>
    admin.put('/api/settings/billing').send({ gstHstNumber, qstNumber }).expect(200);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ clock, env: { SMTP_URL: sink.url } });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Amélie Tremblay' });
    other = await t.signedInAs(StaffRole.Consultant, { name: 'Rajesh Patel' });
    assistant = await t.signedInAs(StaffRole.Assistant);
    await setNumbers(GST_HST, QST);
  });

  afterAll(async () => {
    await t.close();
    await sink.close();
  });

  beforeEach(() => clock.set(NOW));

  describe('reference and settings', () => {
    it('lists government fees for a day, past amounts for past days', async () => {
      const now = await assistant.get('/api/reference/government-fees').expect(200);
      expect(now.body.on).toBe('2026-12-05');
      expect(now.body.taxable).toBe(false);
      const cents = (body: { items: { key: string; cents: number }[] }) =>
        Object.fromEntries(body.items.map((f) => [f.key, f.cents]));
      expect(cents(now.body)).toMatchObject({
        work_permit: 15_500,
        lmia_processing: 100_000,
        restoration: 24_625,
      });
      const past = await assistant.get('/api/reference/government-fees?on=2025-06-01').expect(200);
      expect(cents(past.body).restoration).toBe(23_975);
      const bad = await assistant.get('/api/reference/government-fees?on=2025-02-30').expect(400);
      expect(Object.keys(bad.body.fields)).toEqual(['on']);
    });

    it('validates the tax numbers, and only admins set them', async () => {
      const bad = await admin
        .put('/api/settings/billing')
        .send({ gstHstNumber: '12345678RT0001', qstNumber: '1234567890TQ' })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['gstHstNumber', 'qstNumber']);
      await consultant
        .put('/api/settings/billing')
        .send({ gstHstNumber: GST_HST, qstNumber: null })
        .expect(404);
      const spaced = await admin
        .put('/api/settings/billing')
        .send({ gstHstNumber: '123456789 rt 0001', qstNumber: QST })
        .expect(200);
      expect(spaced.body).toEqual({ gstHstNumber: GST_HST, qstNumber: QST });
    });
  });

  describe('drafts', () => {
    it('taxes professional fees by the client’s province, never disbursements', async () => {
      const { file } = await fileOf();
      const res = await consultant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE, IRCC], province: 'ON' })
        .expect(201);
      expect(res.body).toMatchObject({
        status: 'draft',
        number: null,
        currency: 'CAD',
        subtotalCents: 165_500,
        taxes: [{ kind: 'HST', rate: 13000, cents: 19_500 }],
        taxCents: 19_500,
        totalCents: 185_000,
        balanceCents: 185_000,
        zeroRatedCandidate: false,
      });
      expect(res.body.lines.map((l: { taxCents: number }) => l.taxCents)).toEqual([19_500, 0]);
      const qc = await consultant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE], province: 'QC' })
        .expect(201);
      expect(qc.body.taxes).toEqual([
        { kind: 'GST', rate: 5000, cents: 7_500 },
        { kind: 'QST', rate: 9975, cents: 14_963 },
      ]);
    });

    it.each([
      ['negative cents', { lines: [{ ...FEE, unitCents: -1 }] }, 'lines.0.unitCents'],
      ['fractional cents', { lines: [{ ...FEE, unitCents: 10.5 }] }, 'lines.0.unitCents'],
      ['another currency', { currency: 'USD' }, 'currency'],
      ['an unknown line kind', { lines: [{ ...FEE, kind: 'tip' }] }, 'lines.0.kind'],
      ['no lines', { lines: [] }, 'lines'],
      ['an unknown field', { discount: 10 }, 'discount'],
      ['an unknown province', { province: 'ZZ' }, 'province'],
    ])('refuses %s with a 400 naming the field', async (_what, body, field) => {
      const { file } = await fileOf();
      const res = await consultant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE], province: 'ON', ...body })
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(res.body.fields)).toEqual([field]);
      const list = await admin.get(`/api/files/${file.id}/invoices`).expect(200);
      expect(list.body.items).toEqual([]);
    });

    it('needs the province for a client in Canada', async () => {
      const { file } = await fileOf();
      const res = await consultant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE] })
        .expect(400);
      expect(Object.keys(res.body.fields)).toEqual(['province']);
    });

    it('keeps consultants to their files and assistants to reading', async () => {
      const { file } = await fileOf();
      const invoice = await draft(file.id);
      await other
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE], province: 'ON' })
        .expect(404);
      await other.get(`/api/files/${file.id}/invoices`).expect(404);
      await other.get(`/api/invoices/${invoice.id}`).expect(404);
      await other.post(`/api/invoices/${invoice.id}/issue`).expect(404);
      await other.patch(`/api/invoices/${invoice.id}`).send({ notes: 'x' }).expect(404);
      const othersList = await other.get('/api/invoices').expect(200);
      expect(othersList.body.items.map((i: { id: string }) => i.id)).not.toContain(invoice.id);
      await assistant.get(`/api/invoices/${invoice.id}`).expect(200);
      await assistant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE], province: 'ON' })
        .expect(404);
      await assistant.post(`/api/invoices/${invoice.id}/issue`).expect(404);
      await admin.get(`/api/invoices/${OTHER_ID}`).expect(404);
    });
  });

  describe('issuing', () => {
    it('numbers INV-<year>-<nnnnn>, fixes the tax numbers, then never changes; issuing twice is a 409', async () => {
      const { file } = await fileOf();
      const invoice = await draft(file.id);
      const res = await consultant.post(`/api/invoices/${invoice.id}/issue`).expect(200);
      expect(res.body).toMatchObject({ status: 'issued', issuedOn: '2026-12-05', gstHstNumber: GST_HST });
      expect(res.body.number).toMatch(/^INV-2026-\d{5}$/);
      const again = await consultant.post(`/api/invoices/${invoice.id}/issue`).expect(409);
      expect(again.body.code).toBe('INVOICE_NOT_DRAFT');
      const edit = await consultant
        .patch(`/api/invoices/${invoice.id}`)
        .send({ lines: [IRCC] })
        .expect(409);
      expect(edit.body.code).toBe('INVOICE_NOT_DRAFT');
      const audit = await t.dataSource
        .getRepository(AuditEventEntity)
        .findBy({ subjectId: invoice.id, action: 'invoice.issued' });
      expect(audit).toHaveLength(1);
    });

    it('refuses to issue without the tax number it needs, naming it', async () => {
      const { file } = await fileOf();
      const qc = await draft(file.id, { lines: [FEE], province: 'QC' });
      await setNumbers(GST_HST, null);
      try {
        const res = await consultant.post(`/api/invoices/${qc.id}/issue`).expect(409);
        expect(res.body.code).toBe('INVOICE_TAX_NUMBER_MISSING');
        expect(Object.keys(res.body.fields)).toEqual(['qstNumber']);
        await setNumbers(null, null);
        const on = await draft(file.id);
        const noGst = await consultant.post(`/api/invoices/${on.id}/issue`).expect(409);
        expect(Object.keys(noGst.body.fields)).toEqual(['gstHstNumber']);
        const still = await consultant.get(`/api/invoices/${on.id}`).expect(200);
        expect(still.body).toMatchObject({ status: 'draft', number: null });
      } finally {
        await setNumbers(GST_HST, QST);
      }
      const ok = await consultant.post(`/api/invoices/${qc.id}/issue`).expect(200);
      expect(ok.body).toMatchObject({ gstHstNumber: GST_HST, qstNumber: QST });
    });

    it('flags a client outside Canada and issues only once zero rating is confirmed', async () => {
      const { file } = await fileOf({ countryOfResidence: 'US' });
      const res = await consultant
        .post(`/api/files/${file.id}/invoices`)
        .send({ lines: [FEE, IRCC] })
        .expect(201);
      expect(res.body).toMatchObject({ country: 'US', province: null, zeroRatedCandidate: true });
      const refused = await consultant.post(`/api/invoices/${res.body.id}/issue`).expect(409);
      expect(refused.body.code).toBe('INVOICE_ZERO_RATING_UNCONFIRMED');
      await consultant.patch(`/api/invoices/${res.body.id}`).send({ zeroRatedConfirmed: true }).expect(200);
      const ok = await consultant.post(`/api/invoices/${res.body.id}/issue`).expect(200);
      expect(ok.body).toMatchObject({ taxCents: 0, totalCents: 165_500, zeroRatedConfirmed: true });
    });

    it('gives 30 concurrent issues 30 consecutive numbers: no gap, no duplicate', async () => {
      const { file } = await fileOf();
      const drafts = [];
      for (let i = 0; i < 30; i++) {
        drafts.push(await draft(file.id, { lines: [IRCC] }));
      }
      const results = await Promise.all(drafts.map((d) => consultant.post(`/api/invoices/${d.id}/issue`)));
      expect(results.map((r) => r.status)).toEqual(Array(30).fill(200));
      const rows: { number: string }[] = await t.dataSource.query(
        `SELECT number FROM invoices WHERE number LIKE 'INV-2026-%' ORDER BY number`,
      );
      const sequence = rows.map((r) => Number(r.number.slice(9)));
      expect(sequence).toEqual(sequence.map((_, i) => i + 1));
      const mine = new Set(results.map((r) => r.body.number as string));
      expect(mine.size).toBe(30);
    });

    it('voids a draft or an unpaid issued invoice, once', async () => {
      const { invoice } = await issued();
      await consultant.post(`/api/invoices/${invoice.id}/void`).send({}).expect(400);
      const res = await consultant
        .post(`/api/invoices/${invoice.id}/void`)
        .send({ reason: 'Issued to the wrong client' })
        .expect(200);
      expect(res.body).toMatchObject({
        status: 'void',
        number: invoice.number,
        voidReason: 'Issued to the wrong client',
      });
      const again = await consultant
        .post(`/api/invoices/${invoice.id}/void`)
        .send({ reason: 'again' })
        .expect(409);
      expect(again.body.code).toBe('INVOICE_NOT_VOIDABLE');
    });
  });

  describe('payments', () => {
    it('takes partial payments, refuses overpayment, becomes paid, and emails a receipt in the client’s language', async () => {
      const { client, file } = await fileOf({ preferredLanguage: PreferredLanguage.Fr });
      const d = await draft(file.id);
      const { body: invoice } = await consultant.post(`/api/invoices/${d.id}/issue`).expect(200);
      const pay = (amountCents: number) =>
        consultant
          .post(`/api/invoices/${invoice.id}/payments`)
          .send({ amountCents, method: 'e_transfer', receivedOn: '2026-12-05', reference: 'CA123' });

      const first = await pay(85_000).expect(200);
      expect(first.body).toMatchObject({ status: 'issued', paidCents: 85_000, balanceCents: 100_000 });
      const over = await pay(100_001).expect(409);
      expect(over.body.code).toBe('INVOICE_OVERPAYMENT');
      const last = await pay(100_000).expect(200);
      expect(last.body).toMatchObject({ status: 'paid', paidCents: 185_000, balanceCents: 0 });
      expect(last.body.payments).toHaveLength(2);
      const paid = await pay(1).expect(409);
      expect(paid.body.code).toBe('INVOICE_NOT_PAYABLE');

      const mails = await waitFor(() => {
        const found = sink.received.filter((m) => m.to.includes(client.email!));
        return found.length === 2 && found;
      });
      expect(mails[0].subject).toBe(`Paiement reçu : facture ${invoice.number}`);
      expect(mails[1].text).toContain('La facture est entièrement payée.');
      expect(mails[1].text).toMatch(/1\s850,00\s\$/);
    });

    it('refuses payments on a draft or a void invoice, and bad amounts with a 400', async () => {
      const { file } = await fileOf();
      const d = await draft(file.id);
      const body = { amountCents: 100, method: 'cash', receivedOn: '2026-12-05' };
      const onDraft = await consultant.post(`/api/invoices/${d.id}/payments`).send(body).expect(409);
      expect(onDraft.body.code).toBe('INVOICE_NOT_PAYABLE');
      const voided = await consultant.post(`/api/invoices/${d.id}/void`).send({ reason: 'not needed' });
      expect(voided.body).toMatchObject({ status: 'void' });
      await consultant.post(`/api/invoices/${d.id}/payments`).send(body).expect(409);
      for (const [field, value] of [
        ['amountCents', 0],
        ['amountCents', 1.5],
        ['method', 'bitcoin'],
        ['receivedOn', '2026-13-01'],
      ] as const) {
        const res = await consultant
          .post(`/api/invoices/${d.id}/payments`)
          .send({ ...body, [field]: value })
          .expect(400);
        expect(Object.keys(res.body.fields)).toEqual([field]);
      }
      await assistant.post(`/api/invoices/${d.id}/payments`).send(body).expect(404);
    });
  });

  describe('client account', () => {
    it('takes deposits and refunds, never below zero, in scope', async () => {
      const { client } = await fileOf();
      const url = `/api/clients/${client.id}/account`;
      const deposit = await consultant
        .post(`${url}/deposits`)
        .send({ amountCents: 50_000, receivedOn: '2026-12-05', method: 'cheque', reference: '#104' })
        .expect(201);
      expect(deposit.body).toMatchObject({ kind: 'deposit', amountCents: 50_000, balanceAfterCents: 50_000 });
      const tooMuch = await consultant
        .post(`${url}/refunds`)
        .send({ amountCents: 50_001, receivedOn: '2026-12-05', method: 'cheque' })
        .expect(409);
      expect(tooMuch.body.code).toBe('CLIENT_ACCOUNT_INSUFFICIENT_BALANCE');
      await consultant
        .post(`${url}/refunds`)
        .send({ amountCents: 20_000, receivedOn: '2026-12-05', method: 'e_transfer' })
        .expect(201);
      const view = await assistant.get(url).expect(200);
      expect(view.body.balanceCents).toBe(30_000);
      expect(view.body.items.map((e: { amountCents: number }) => e.amountCents)).toEqual([-20_000, 50_000]);
      await other.get(url).expect(404);
      await other
        .post(`${url}/deposits`)
        .send({ amountCents: 1, receivedOn: '2026-12-05', method: 'cash' })
        .expect(404);
      await assistant
        .post(`${url}/deposits`)
        .send({ amountCents: 1, receivedOn: '2026-12-05', method: 'cash' })
        .expect(404);
      const bad = await consultant
        .post(`${url}/deposits`)
        .send({ amountCents: -5, receivedOn: '2026-12-05', method: 'invoice' })
        .expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['amountCents', 'method']);
    });

    it('100 concurrent transfers to an invoice: no negative balance, no lost cent, ledger sum = balance', async () => {
      const { client, invoice } = await issued(Array(100).fill({ ...IRCC, unitCents: 100 }));
      expect(invoice.totalCents).toBe(10_000);
      const url = `/api/clients/${client.id}/account`;
      await consultant
        .post(`${url}/deposits`)
        .send({ amountCents: 6_000, receivedOn: '2026-12-05', method: 'e_transfer' })
        .expect(201);

      const results = await Promise.all(
        Array.from({ length: 100 }, () =>
          consultant
            .post(`/api/invoices/${invoice.id}/payments`)
            .send({ amountCents: 100, method: 'client_account', receivedOn: '2026-12-05' }),
        ),
      );
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(60);
      expect(statuses.filter((s) => s === 409)).toHaveLength(40);
      for (const r of results.filter((x) => x.status === 409)) {
        expect(r.body.code).toBe('CLIENT_ACCOUNT_INSUFFICIENT_BALANCE');
      }

      const [account] = await t.dataSource.query(
        'SELECT balance_cents::int AS balance FROM client_accounts WHERE client_id = $1',
        [client.id],
      );
      expect(account.balance).toBe(0);
      const [ledger] = await t.dataSource.query(
        'SELECT sum(amount_cents)::int AS total, count(*)::int AS n FROM client_account_entries WHERE client_id = $1',
        [client.id],
      );
      expect(ledger).toEqual({ total: 0, n: 61 });
      const after = await consultant.get(`/api/invoices/${invoice.id}`).expect(200);
      expect(after.body).toMatchObject({ paidCents: 6_000, status: 'issued' });
      expect(after.body.payments).toHaveLength(60);

      // The ledger pages by keyset: every entry once, newest first.
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await consultant
          .get(`${url}?limit=25${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`)
          .expect(200);
        seen.push(...page.body.items.map((e) => e.id));
        cursor = page.body.nextCursor;
      } while (cursor);
      expect(seen).toHaveLength(61);
      expect(new Set(seen).size).toBe(61);
    });
  });

  describe('lists', () => {
    it('filters by status, client and file, and pages by keyset', async () => {
      const { client, file } = await fileOf();
      for (let i = 0; i < 3; i++) {
        await draft(file.id, { lines: [IRCC] });
      }
      const first = await consultant
        .get(`/api/invoices?clientId=${client.id}&status=draft&limit=2`)
        .expect(200);
      expect(first.body.items).toHaveLength(2);
      const second = await consultant
        .get(`/api/invoices?fileId=${file.id}&limit=2&cursor=${encodeURIComponent(first.body.nextCursor)}`)
        .expect(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      const bad = await consultant.get('/api/invoices?status=open&clientId=nope').expect(400);
      expect(Object.keys(bad.body.fields).sort()).toEqual(['clientId', 'status']);
    });
  });
});
