// The billing reports against one app and a fixed clock: revenue by month and stream, billed against collected,
// aged receivables, client account balances, and the monthly client-account reconciliation, each within the
// caller's scope, as JSON and CSV.
import { StaffRole } from '@app/auth';
import { FixedClock } from '@app/shared';
import { SmtpSink } from '../support/smtp-sink';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Saturday 5 December 2026, 10:00 in Toronto (the firm).
const NOW = '2026-12-05T15:00:00.000Z';
const FEE = {
  kind: 'professional_fee',
  description: 'Work permit application',
  quantity: 1,
  unitCents: 150_000,
};
const IRCC = { kind: 'disbursement', description: 'IRCC work permit fee', quantity: 1, unitCents: 15_500 };
// Ontario: HST 13% on the fee only, so each invoice is 1,500.00 + 195.00 tax + 155.00 disbursement.
const TOTAL = 185_000;
const TFWP = {
  stream: 'TFWP',
  tfwp: { lmiaStream: 'high_wage', lmiaStatus: 'pending' },
  employer: { name: 'Maple Software Inc.' },
} as object;
const IMP = { stream: 'IMP', applicationType: 'initial', imp: { exemptionCode: 'C43' } } as object;

describe('billing reports', () => {
  const clock = new FixedClock(new Date(NOW));
  let sink: SmtpSink;
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let other: SignedInClient;
  const clients: Record<'first' | 'second' | 'others', string> = { first: '', second: '', others: '' };

  /** An invoice issued on `day` (the clock set to it) for a file of the client. */
  async function issuedOn(day: string, fileId: string, as = consultant) {
    clock.set(`${day}T15:00:00.000Z`);
    const draft = await as
      .post(`/api/files/${fileId}/invoices`)
      .send({ lines: [FEE, IRCC], province: 'ON' })
      .expect(201);
    await as.post(`/api/invoices/${draft.body.id}/issue`).expect(200);
    return draft.body.id as string;
  }

  const pay = (invoiceId: string, amountCents: number, receivedOn: string, method = 'e_transfer') =>
    consultant
      .post(`/api/invoices/${invoiceId}/payments`)
      .send({ amountCents, method, receivedOn })
      .expect(200);

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    t = await createTestApp({ clock, env: { SMTP_URL: sink.url } });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant);
    other = await t.signedInAs(StaffRole.Consultant);
    await admin
      .put('/api/settings/billing')
      .send({ gstHstNumber: '123456789RT0001', qstNumber: null })
      .expect(200);

    // The consultant's first client (TFWP): issued 1 August, a third paid from their account in November.
    const first = await t.given.client({
      consultantId: consultant.user.id,
      firstName: 'Ana',
      lastName: 'Silva',
    });
    clients.first = first.id;
    const firstFile = await t.given.file({ ...TFWP, clientId: first.id, consultantId: consultant.user.id });
    const august = await issuedOn('2026-08-01', firstFile.id);
    const account = `/api/clients/${first.id}/account`;
    await consultant
      .post(`${account}/deposits`)
      .send({ amountCents: 100_000, receivedOn: '2026-11-05', method: 'e_transfer' })
      .expect(201);
    await pay(august, 30_000, '2026-11-20', 'client_account');
    await consultant
      .post(`${account}/refunds`)
      .send({ amountCents: 10_000, receivedOn: '2026-12-02', method: 'e_transfer' })
      .expect(201);

    // The second (IMP): issued 20 October and paid in part on 2 November; issued 1 December and paid in full.
    const second = await t.given.client({
      consultantId: consultant.user.id,
      firstName: 'Bo',
      lastName: 'Chen',
    });
    clients.second = second.id;
    const secondFile = await t.given.file({ ...IMP, clientId: second.id, consultantId: consultant.user.id });
    await pay(await issuedOn('2026-10-20', secondFile.id), 50_000, '2026-11-02');
    await pay(await issuedOn('2026-12-01', secondFile.id), TOTAL, '2026-12-03');
    // Neither a void invoice nor a draft counts.
    const voided = await issuedOn('2026-11-15', secondFile.id);
    await consultant.post(`/api/invoices/${voided}/void`).send({ reason: 'issued twice' }).expect(200);
    await consultant
      .post(`/api/files/${secondFile.id}/invoices`)
      .send({ lines: [FEE], province: 'ON' })
      .expect(201);

    // Another consultant's client: in the admin's reports, not in the consultant's.
    const others = await t.given.client({ consultantId: other.user.id });
    clients.others = others.id;
    const othersFile = await t.given.file({ clientId: others.id, consultantId: other.user.id });
    await issuedOn('2026-11-10', othersFile.id, other);
    clock.set(NOW);
  });

  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('reports revenue by month and stream, with tax and disbursements apart, leaving out void invoices and drafts', async () => {
    const res = await consultant.get('/api/reports/billing').expect(200);
    expect(res.body.year).toBe(2026);
    expect(res.body.asOf).toBe('2026-12-05');
    const line = { invoices: 1, feesCents: 150_000, taxCents: 19_500, disbursementsCents: 15_500 };
    expect(res.body.revenue).toEqual([
      { month: '2026-08', stream: 'TFWP', ...line },
      { month: '2026-10', stream: 'IMP', ...line },
      { month: '2026-12', stream: 'IMP', ...line },
    ]);
    const all = await admin.get('/api/reports/billing?year=2026').expect(200);
    expect(all.body.revenue.map((r: { month: string }) => r.month)).toEqual([
      '2026-08',
      '2026-10',
      '2026-11',
      '2026-12',
    ]);
    const before = await admin.get('/api/reports/billing?year=2025').expect(200);
    expect(before.body.revenue).toEqual([]);
  });

  it('sets what was billed against what was collected, month by month', async () => {
    const res = await consultant.get('/api/reports/billing').expect(200);
    const months = Object.fromEntries(
      res.body.collections.map((r: { month: string; billedCents: number; collectedCents: number }) => [
        r.month,
        [r.billedCents, r.collectedCents],
      ]),
    );
    expect(res.body.collections).toHaveLength(12);
    expect(months).toMatchObject({
      '2026-01': [0, 0],
      '2026-08': [TOTAL, 0],
      '2026-10': [TOTAL, 0],
      '2026-11': [0, 80_000],
      '2026-12': [TOTAL, TOTAL],
    });
  });

  it('ages what clients owe since each invoice’s issue date, and lists the money held in client accounts', async () => {
    const res = await consultant.get('/api/reports/billing').expect(200);
    expect(res.body.receivables.clients).toEqual([
      {
        clientId: clients.first,
        clientName: 'Ana Silva',
        invoices: 1,
        oldestIssuedOn: '2026-08-01',
        days0to30Cents: 0,
        days31to60Cents: 0,
        days61to90Cents: 0,
        over90Cents: TOTAL - 30_000,
        totalCents: TOTAL - 30_000,
      },
      {
        clientId: clients.second,
        clientName: 'Bo Chen',
        invoices: 1,
        oldestIssuedOn: '2026-10-20',
        days0to30Cents: 0,
        days31to60Cents: TOTAL - 50_000,
        days61to90Cents: 0,
        over90Cents: 0,
        totalCents: TOTAL - 50_000,
      },
    ]);
    expect(res.body.receivables.totals).toEqual({
      invoices: 2,
      days0to30Cents: 0,
      days31to60Cents: TOTAL - 50_000,
      days61to90Cents: 0,
      over90Cents: TOTAL - 30_000,
      totalCents: 2 * TOTAL - 80_000,
    });
    expect(res.body.trust).toEqual({
      clients: [{ clientId: clients.first, clientName: 'Ana Silva', balanceCents: 60_000 }],
      totalCents: 60_000,
    });

    const all = await admin.get('/api/reports/billing').expect(200);
    expect(all.body.receivables.clients.map((r: { clientId: string }) => r.clientId)).toContain(
      clients.others,
    );
    const others = await other.get('/api/reports/billing').expect(200);
    expect(others.body.receivables.clients.map((r: { clientId: string }) => r.clientId)).toEqual([
      clients.others,
    ]);
    expect(others.body.trust).toEqual({ clients: [], totalCents: 0 });
  });

  it('gives each table as CSV in dollars', async () => {
    const revenue = await consultant.get('/api/reports/billing?format=csv&section=revenue').expect(200);
    expect(revenue.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(revenue.headers['content-disposition']).toBe('attachment; filename="billing-revenue-2026.csv"');
    expect(revenue.text.split('\r\n')).toEqual([
      'month,stream,invoices,fees_cad,tax_cad,disbursements_cad',
      '2026-08,TFWP,1,1500.00,195.00,155.00',
      '2026-10,IMP,1,1500.00,195.00,155.00',
      '2026-12,IMP,1,1500.00,195.00,155.00',
      '',
    ]);
    const aged = await consultant.get('/api/reports/billing?format=csv&section=receivables').expect(200);
    expect(aged.text.split('\r\n')[1]).toBe(
      `${clients.first},Ana Silva,1,2026-08-01,0.00,0.00,0.00,1550.00,1550.00,2026-12-05`,
    );
    const trust = await consultant.get('/api/reports/billing?format=csv&section=trust').expect(200);
    expect(trust.text).toBe(
      `client_id,client,balance_cad,as_of\r\n${clients.first},Ana Silva,600.00,2026-12-05\r\n`,
    );
  });

  it('reconciles the client accounts month by month, and shows a balance that does not add up', async () => {
    const november = await consultant.get('/api/reports/client-accounts?month=2026-11').expect(200);
    const row = {
      clientId: clients.first,
      clientName: 'Ana Silva',
      openingCents: 0,
      depositsCents: 100_000,
      transfersCents: -30_000,
      refundsCents: 0,
      closingCents: 70_000,
      accountClosingCents: 70_000,
      reconciled: true,
    };
    expect(november.body).toEqual({
      month: '2026-11',
      from: '2026-11-01',
      to: '2026-11-30',
      clients: [row],
      totals: { ...row, clientId: undefined, clientName: undefined },
    });
    const december = await consultant.get('/api/reports/client-accounts').expect(200);
    expect(december.body.month).toBe('2026-12');
    expect(december.body.clients).toEqual([
      {
        ...row,
        openingCents: 70_000,
        depositsCents: 0,
        transfersCents: 0,
        refundsCents: -10_000,
        closingCents: 60_000,
        accountClosingCents: 60_000,
      },
    ]);
    const october = await consultant.get('/api/reports/client-accounts?month=2026-10').expect(200);
    expect(october.body.clients).toEqual([]);
    const others = await other.get('/api/reports/client-accounts?month=2026-11').expect(200);
    expect(others.body.clients).toEqual([]);

    // A balance changed outside the ledger no longer reconciles, and the CSV says so.
    await t.dataSource.query(
      'UPDATE client_accounts SET balance_cents = balance_cents + 1 WHERE client_id = $1',
      [clients.first],
    );
    const csv = await admin.get('/api/reports/client-accounts?month=2026-11&format=csv').expect(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="client-accounts-2026-11.csv"');
    expect(csv.text.split('\r\n')).toEqual([
      'month,client_id,client,opening_cad,deposits_cad,transfers_to_invoices_cad,refunds_cad,closing_cad,account_balance_cad,reconciled',
      `2026-11,${clients.first},Ana Silva,0.00,1000.00,-300.00,0.00,700.00,700.01,NO`,
      '2026-11,,All clients,0.00,1000.00,-300.00,0.00,700.00,700.01,NO',
      '',
    ]);
  });

  it('refuses a bad query with a 400 naming the field', async () => {
    for (const [query, field] of [
      ['year=2027', 'year'],
      ['year=26', 'year'],
      ['format=xml', 'format'],
      ['format=csv', 'section'],
      ['section=profits', 'section'],
      ['client=1', 'client'],
    ]) {
      const res = await consultant.get(`/api/reports/billing?${query}`).expect(400);
      expect(`${query}: ${Object.keys(res.body.fields).join()}`).toBe(`${query}: ${field}`);
    }
    for (const [query, field] of [
      ['month=2026-13', 'month'],
      ['month=2027-01', 'month'],
      ['month=december', 'month'],
      ['format=pdf', 'format'],
    ]) {
      const res = await consultant.get(`/api/reports/client-accounts?${query}`).expect(400);
      expect(`${query}: ${Object.keys(res.body.fields).join()}`).toBe(`${query}: ${field}`);
    }
  });
});
