// An invoice as a PDF (CICC Code s.33), in the client's language: what it shows, in English and French, for a
// Quebec client (GST and QST with the QST number), for a client abroad (zero-rated), as a draft, and who may get it.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { AuditEventEntity } from '@app/audit';
import { StaffRole } from '@app/auth';
import { PreferredLanguage } from '@app/clients';
import { FixedClock } from '@app/shared';
import { pdfText } from '../support/pdf-text';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

// Saturday 5 December 2026, 10:00 in Toronto (the firm).
const NOW = '2026-12-05T15:00:00.000Z';
const GST_HST = '123456789RT0001';
const QST = '1234567890TQ0001';
const NBSP = '\u00a0';
const FEE = {
  kind: 'professional_fee',
  description: 'Work permit application',
  quantity: 1,
  unitCents: 150_000,
};
const IRCC = { kind: 'disbursement', description: 'IRCC work permit fee', quantity: 1, unitCents: 15_500 };

/** Where the rendered PDFs are left to look at (`pdftoppm -png`). */
const OUT = join(process.cwd(), 'test-results', 'invoice-pdf');

describe('an invoice as a PDF (GET /api/invoices/:id/pdf)', () => {
  const clock = new FixedClock(new Date(NOW));
  let t: TestApp;
  let admin: SignedInClient;
  let consultant: SignedInClient;
  let other: SignedInClient;
  let assistant: SignedInClient;

  beforeAll(async () => {
    mkdirSync(OUT, { recursive: true });
    t = await createTestApp({ clock });
    admin = await t.signedInAs(StaffRole.Admin);
    consultant = await t.signedInAs(StaffRole.Consultant, { name: 'Amélie Tremblay' });
    other = await t.signedInAs(StaffRole.Consultant);
    assistant = await t.signedInAs(StaffRole.Assistant);
    await admin.patch(`/api/users/${consultant.user.id}`).send({ rcicLicenceNumber: 'R712345' }).expect(200);
    await admin.put('/api/settings/billing').send({ gstHstNumber: GST_HST, qstNumber: QST }).expect(200);
    await admin
      .put('/api/firm-profile')
      .send({
        name: 'Maple Leaf Immigration',
        address: '100 King St W, Suite 500\nToronto ON M5X 1A9',
        phone: '+1 416 555 0100',
        publicEmail: 'info@mapleleaf.example',
      })
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function invoiceFor(
    client: { preferredLanguage?: PreferredLanguage; countryOfResidence?: string; firstName?: string },
    draft: Record<string, unknown>,
  ) {
    const c = await t.given.client({ consultantId: consultant.user.id, lastName: 'Côté', ...client });
    const file = await t.given.file({ clientId: c.id, consultantId: consultant.user.id });
    const res = await consultant
      .post(`/api/files/${file.id}/invoices`)
      .send({ lines: [FEE, IRCC], ...draft })
      .expect(201);
    return { client: c, file, id: res.body.id as string };
  }

  const download = (as: SignedInClient, url: string) =>
    as
      .get(url)
      .buffer(true)
      .parse((res, done) => {
        const parts: Buffer[] = [];
        res.on('data', (part: Buffer) => parts.push(part));
        res.on('end', () => done(null, Buffer.concat(parts)));
      });

  async function pdfOf(id: string, name: string, query = '') {
    const res = await download(consultant, `/api/invoices/${id}/pdf${query}`).expect(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('private, no-store');
    const bytes = res.body as Buffer;
    writeFileSync(join(OUT, `${name}.pdf`), bytes);
    expect((await PDFDocument.load(bytes)).getPageCount()).toBe(1);
    return { text: pdfText(bytes), disposition: res.headers['content-disposition'] };
  }

  it('shows the firm, its GST/HST number, the consultant’s licence, fees apart from disbursements, taxes, payments and the balance (English)', async () => {
    const { client, file, id } = await invoiceFor({ firstName: 'Priya' }, { province: 'ON' });
    const issued = await consultant.post(`/api/invoices/${id}/issue`).expect(200);
    await consultant
      .post(`/api/invoices/${id}/payments`)
      .send({ amountCents: 50_000, method: 'e_transfer', receivedOn: '2026-12-05' })
      .expect(200);

    const { text, disposition } = await pdfOf(id, 'issued-en');
    expect(disposition).toContain(`${issued.body.number}.pdf`);
    for (const shown of [
      'Maple Leaf Immigration',
      '100 King St W, Suite 500',
      'Toronto ON M5X 1A9',
      `GST/HST registration no. ${GST_HST}`,
      'Amélie Tremblay',
      'CICC licence R712345',
      'Invoice no.',
      issued.body.number,
      'December 5, 2026',
      `Priya Côté`,
      client.email!,
      file.fileNumber,
      'Professional fees',
      'Disbursements: government fees paid on your behalf (not taxed)',
      '$1,500.00',
      '$155.00',
      'HST (13%)',
      '$195.00',
      '$1,850.00',
      'Payments received',
      '-$500.00',
      'Balance owing',
      '$1,350.00',
      'Interac e-Transfer',
    ]) {
      expect(text).toContain(shown);
    }
    // Government fees sit in their own table, after the fees' subtotal, and no QST is shown outside Quebec.
    const lines = text.split('\n');
    expect(lines.indexOf('IRCC work permit fee')).toBeGreaterThan(
      lines.indexOf('Subtotal, professional fees'),
    );
    expect(lines.indexOf('IRCC work permit fee')).toBeGreaterThan(
      lines.indexOf('Disbursements: government fees paid on your behalf (not taxed)'),
    );
    expect(text).not.toContain('QST');
    expect(text).not.toContain('DRAFT');

    // Each download is audited, with who read it.
    const events = await t.dataSource
      .getRepository(AuditEventEntity)
      .findBy({ subjectId: id, action: 'invoice.pdf_downloaded' });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: consultant.user.id, fileId: file.id, clientId: client.id });
  });

  it('is in French for a French-speaking client in Quebec, with GST and QST, their rates and the QST number', async () => {
    const { id } = await invoiceFor({ preferredLanguage: PreferredLanguage.Fr }, { province: 'QC' });
    const issued = await consultant.post(`/api/invoices/${id}/issue`).expect(200);

    const { text } = await pdfOf(id, 'issued-fr-qc');
    for (const shown of [
      'Facture',
      'Facture no',
      issued.body.number,
      '5 décembre 2026',
      `No d’inscription TPS/TVH ${GST_HST}`,
      `No d’inscription TVQ ${QST}`,
      'permis du CCIC R712345',
      'Honoraires professionnels',
      'Débours : frais gouvernementaux payés en votre nom (non taxables)',
      `1${NBSP}500,00${NBSP}$`,
      `155,00${NBSP}$`,
      `TPS (5${NBSP}%)`,
      `75,00${NBSP}$`,
      `TVQ (9,975${NBSP}%)`,
      `149,63${NBSP}$`,
      `1${NBSP}879,63${NBSP}$`,
      'Solde à payer',
    ]) {
      expect(text).toContain(shown);
    }
    expect(text).not.toContain('TVH (');

    // Staff may ask for the other language.
    const english = await pdfOf(id, 'issued-en-qc', '?lang=en');
    expect(english.text).toContain('QST (9.975%)');
    expect(english.text).toContain(`QST registration no. ${QST}`);
    expect(english.text).toContain('$1,879.63');
  });

  it('says why a zero-rated invoice for a client abroad charges no tax', async () => {
    const { id } = await invoiceFor({ countryOfResidence: 'US' }, { lines: [FEE], zeroRatedConfirmed: true });
    await consultant.post(`/api/invoices/${id}/issue`).expect(200);
    const { text } = await pdfOf(id, 'zero-rated');
    expect(text).toContain('Professional fees zero-rated');
    expect(text).toContain('Excise Tax Act, Schedule VI');
    expect(text).not.toContain('GST (');
    expect(text).toContain('$1,500.00');
  });

  it('marks a draft DRAFT and gives it no number; a void invoice is marked VOID with its reason', async () => {
    const { file, id } = await invoiceFor({}, { province: 'AB' });
    const draft = await pdfOf(id, 'draft');
    expect(draft.text).toContain('DRAFT');
    expect(draft.text).toContain('Drafted on');
    expect(draft.text).not.toContain('Invoice no.');
    expect(draft.text).not.toMatch(/INV-\d{4}-\d{5}/);
    expect(draft.text).not.toContain('Balance owing');
    expect(draft.text).toContain('GST (5%)');
    expect(draft.disposition).toContain(`${file.fileNumber}-draft-invoice.pdf`);

    const french = await pdfOf(id, 'draft-fr', '?lang=fr');
    expect(french.text).toContain('BROUILLON');

    await consultant.post(`/api/invoices/${id}/issue`).expect(200);
    await consultant
      .post(`/api/invoices/${id}/void`)
      .send({ reason: 'Billed to the wrong file' })
      .expect(200);
    const voided = await pdfOf(id, 'void');
    expect(voided.text).toContain('VOID');
    expect(voided.text).toContain('Voided on December 5, 2026: Billed to the wrong file.');
  });

  it('is for staff who may see the file: another consultant gets a 404, an assistant reads it', async () => {
    const { id } = await invoiceFor({}, { province: 'ON' });
    await download(other, `/api/invoices/${id}/pdf`).expect(404);
    await download(assistant, `/api/invoices/${id}/pdf`).expect(200);
    await download(admin, `/api/invoices/${id}/pdf`).expect(200);
    const missing = await download(
      consultant,
      '/api/invoices/00000000-0000-4000-8000-000000000000/pdf',
    ).expect(404);
    expect(JSON.parse(missing.body.toString()).code).toBe('INVOICE_NOT_FOUND');
    await download(consultant, '/api/invoices/not-a-uuid/pdf').expect(400);
    const bad = await download(consultant, `/api/invoices/${id}/pdf?lang=de`).expect(400);
    expect(Object.keys(JSON.parse(bad.body.toString()).fields)).toEqual(['lang']);
  });
});
