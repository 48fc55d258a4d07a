import { BillingSettingsService, INVOICE_NUMBER_PATTERN } from '@app/billing';
import {
  DEMO_BILLING,
  DEMO_PASSWORD,
  DEMO_PORTAL_CLIENT_EMAIL,
  DEMO_REFUSAL_REASON,
  DemoDataService,
  DEMO_TAX_NUMBERS,
  DemoPortalClientService,
} from '@app/demo-data';
import { createTestApp, type TestApp } from '../support/test-app';

describe('demo firm', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const count = async (sql: string): Promise<number> =>
    Number((await t.dataSource.query<{ n: string }[]>(sql))[0].n);

  it('loads a realistic firm into an empty database through the real services', async () => {
    const summary = await t.app.get(DemoDataService).loadIfEmpty();
    expect(summary).toMatchObject({ password: DEMO_PASSWORD, clients: 40, files: 60 });
    expect(summary?.logins.map((l) => l.role).sort()).toEqual([
      'admin',
      'assistant',
      'consultant',
      'consultant',
    ]);

    expect(await count('SELECT count(*) AS n FROM clients')).toBe(40);
    expect(await count('SELECT count(*) AS n FROM work_permit_files')).toBe(60);
    // The booking page shows the firm and what each consultation is, in both languages.
    const firm = await t.http().get('/api/public/firm').expect(200);
    expect(firm.body).toMatchObject({ name: 'Érable Immigration Conseil', phone: '+15145550142' });
    expect(await count('SELECT count(*) AS n FROM consultation_types WHERE description_fr IS NULL')).toBe(0);
    // An example fee schedule, each service's milestones adding up to its fee (the database holds that too).
    expect(await count('SELECT count(*) AS n FROM fee_schedule_services WHERE active')).toBe(6);
    expect(
      await count(
        `SELECT count(*) AS n FROM fee_schedule_services s
         WHERE professional_fee_cents > 0
           AND (SELECT count(*) FROM fee_schedule_milestones m WHERE m.service_id = s.id) >= 2`,
      ),
    ).toBe(6);
    expect(await count(`SELECT count(*) AS n FROM work_permit_files WHERE stream = 'IMP'`)).toBe(36);
    expect(
      await count('SELECT count(DISTINCT exemption_code) AS n FROM work_permit_files'),
    ).toBeGreaterThanOrEqual(6);
    expect(
      await count('SELECT count(DISTINCT lmia_stream) AS n FROM work_permit_files'),
    ).toBeGreaterThanOrEqual(4);
    expect(
      await count(
        `SELECT count(*) AS n FROM work_permit_files WHERE province NOT IN ('ON','BC','QC','AB','MB')`,
      ),
    ).toBe(0);
    const nocs = await t.dataSource.query<{ noc_code: string }[]>(
      'SELECT DISTINCT noc_code FROM work_permit_files ORDER BY 1',
    );
    expect(nocs.map((r) => r.noc_code)).toEqual(
      expect.arrayContaining(['21222', '21231', '21232', '41200', '31100', '53121', '52120']),
    );
    expect(await count(`SELECT count(DISTINCT status) AS n FROM work_permit_files`)).toBeGreaterThanOrEqual(
      6,
    );
    expect(await count(`SELECT count(*) AS n FROM deadlines WHERE kind = 'permit_expiry'`)).toBe(60);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE action LIKE 'file.%'`)).toBeGreaterThan(
      60,
    );

    const login = await t
      .http()
      .post('/api/auth/login')
      .send({ email: summary?.logins[1].email, password: DEMO_PASSWORD })
      .expect(200);
    const files = await t
      .http()
      .get('/api/files')
      .set('Authorization', `Bearer ${login.body.accessToken}`)
      .query({ limit: 200 })
      .expect(200);
    // A consultant sees only their own caseload: half of it.
    expect(files.body.items.length).toBe(30);

    // Staff can issue taxed invoices straight away: the firm's tax numbers are recorded.
    expect(await t.app.get(BillingSettingsService).current()).toEqual(DEMO_TAX_NUMBERS);
  }, 60_000); // loading the whole demo firm takes a few seconds, more when other test files run beside it

  it('gives the demo client a portal mid-way: invited, intake under way, agreement signed by both, documents reviewed, a working link', async () => {
    const link = await t.app.get(DemoPortalClientService).signInLink();
    expect(link?.clientName).toBe('Priya Sharma');
    const token = /\/portal\/sign-in\?token=([A-Za-z0-9_-]{43})$/.exec(link!.url)![1];
    const signIn = await t.http().post('/api/portal/auth/verify').send({ token }).expect(200);
    expect(signIn.body.client.firstName).toBe('Priya');
    // One-time, like every portal link.
    await t.http().post('/api/portal/auth/verify').send({ token }).expect(401);
    const as = (url: string) =>
      t
        .http()
        .get(url)
        .set('Authorization', `Bearer ${signIn.body.accessToken as string}`);

    const me = await as('/api/portal/me').expect(200);
    expect(me.body.email).toBe(DEMO_PORTAL_CLIENT_EMAIL);
    const files = await as('/api/portal/files').expect(200);
    const signed = files.body.items.filter(
      (f: { agreement: { status: string } | null }) => f.agreement?.status === 'signed',
    );
    expect(signed).toHaveLength(1);
    expect(signed[0].status).toBe('preparing');

    const agreement = await as(`/api/portal/agreements/${signed[0].agreement.id as string}`).expect(200);
    expect(agreement.body).toMatchObject({ status: 'signed', documentId: expect.any(String) });
    const pdf = await as(`/api/portal/documents/${agreement.body.documentId as string}/content`)
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');

    const checklist = await as(`/api/portal/files/${signed[0].id as string}/checklist`).expect(200);
    const sentByHer = checklist.body.documents.filter(
      (d: { uploadedByClient: boolean }) => d.uploadedByClient,
    );
    expect(sentByHer.map((d: { status: string }) => d.status).sort()).toEqual(['accepted', 'rejected']);
    expect(sentByHer.find((d: { status: string }) => d.status === 'rejected').rejectionReason).toBe(
      DEMO_REFUSAL_REASON,
    );

    // Mid-way through the intake questionnaire: a saved draft with her personal details.
    const intake = await as(`/api/portal/files/${signed[0].id as string}/intake`).expect(200);
    expect(intake.body.status).toBe('draft');
    expect(intake.body.answers).toMatchObject({ familyName: 'Sharma', citizenship: 'IN' });

    // Billing: half the fee (GST 5% in BC) and the untaxed IRCC fee, partly paid from her advance; a draft hidden.
    const invoices = await t.dataSource.query<{ status: string; number: string | null; file_id: string }[]>(
      `SELECT i.status, i.number, i.file_id FROM invoices i JOIN clients c ON c.id = i.client_id
       WHERE lower(c.email) = $1 ORDER BY i.status`,
      [DEMO_PORTAL_CLIENT_EMAIL],
    );
    expect(invoices.map((i) => i.status)).toEqual(['draft', 'issued']);
    const fee = DEMO_BILLING.onSigningFeeCents;
    const totalCents = fee + fee * 0.05 + 15_500;
    const portalInvoices = await as('/api/portal/invoices').expect(200);
    expect(portalInvoices.body.items).toHaveLength(1);
    expect(portalInvoices.body.items[0]).toMatchObject({
      number: invoices[1].number,
      status: 'issued',
      fileId: signed[0].id,
      totalCents,
      paidCents: DEMO_BILLING.paidFromAccountCents,
      balanceCents: totalCents - DEMO_BILLING.paidFromAccountCents,
    });
    expect(portalInvoices.body.items[0].number).toMatch(INVOICE_NUMBER_PATTERN);
    const account = await as('/api/portal/account').expect(200);
    expect(account.body.balanceCents).toBe(DEMO_BILLING.depositCents - DEMO_BILLING.paidFromAccountCents);
    expect(account.body.items.map((e: { kind: string }) => e.kind)).toEqual(['transfer', 'deposit']);
  });

  it('loads nothing into a database that already has clients', async () => {
    expect(await t.app.get(DemoDataService).loadIfEmpty()).toBeNull();
    expect(await count('SELECT count(*) AS n FROM clients')).toBe(40);
  });
});
