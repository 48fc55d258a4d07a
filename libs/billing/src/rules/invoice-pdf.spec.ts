import { PDFDocument } from 'pdf-lib';
import { InvoiceLineKind } from '../entities/invoice-line.entity';
import { InvoiceStatus } from '../entities/invoice.entity';
import { rateText, renderInvoicePdf, type InvoicePdfInput } from './invoice-pdf';

const INPUT: InvoicePdfInput = {
  language: 'en',
  status: InvoiceStatus.Issued,
  number: 'INV-2026-00001',
  issuedOn: '2026-12-05',
  draftedOn: '2026-12-04',
  voidedOn: null,
  voidReason: null,
  firm: { name: 'Maple Leaf Immigration', address: '100 King St W\nToronto ON', phone: null, email: null },
  gstHstNumber: '123456789RT0001',
  qstNumber: null,
  consultant: { name: 'Amélie Tremblay', licenceNumber: 'R712345' },
  client: { name: 'Zoé Côté', email: null },
  fileNumber: 'WP-2026-00001',
  placeOfSupply: 'ON',
  zeroRated: false,
  lines: [
    {
      kind: InvoiceLineKind.ProfessionalFee,
      description: 'Work permit application',
      quantity: 1,
      unitCents: 150_000,
      amountCents: 150_000,
    },
  ],
  taxes: [{ kind: 'HST', rate: 13_000, cents: 19_500 }],
  totalCents: 169_500,
  paidCents: 0,
  payments: [],
  notes: null,
  renderedAt: new Date('2026-12-05T15:00:00Z'),
};

describe('the invoice PDF', () => {
  it('writes rates as each language does', () => {
    expect(rateText(5000, 'en')).toBe('5%');
    expect(rateText(9975, 'en')).toBe('9.975%');
    expect(rateText(9975, 'fr')).toBe('9,975\u00a0%');
    expect(rateText(14_000, 'fr')).toBe('14\u00a0%');
  });

  it('is the same bytes for the same invoice', async () => {
    const [a, b] = await Promise.all([renderInvoicePdf(INPUT), renderInvoicePdf(INPUT)]);
    expect(a.equals(b)).toBe(true);
  });

  it('continues on further pages when the lines do not fit on one, and does not fail on characters the standard fonts cannot draw', async () => {
    const lines = Array.from({ length: 60 }, (_, i) => ({
      ...INPUT.lines[0],
      description: `Line ${i + 1}: a long description of the service given, long enough to wrap onto a second line 漢字`,
    }));
    const pdf = await PDFDocument.load(
      await renderInvoicePdf({ ...INPUT, lines, status: InvoiceStatus.Draft, number: null, issuedOn: null }),
    );
    expect(pdf.getPageCount()).toBeGreaterThanOrEqual(3);
    expect(pdf.getTitle()).toBe('Invoice DRAFT – WP-2026-00001');
  });
});
