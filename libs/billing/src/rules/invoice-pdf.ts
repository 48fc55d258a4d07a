import { degrees, PDFDocument, rgb, StandardFonts, type PDFFont, type PDFPage } from 'pdf-lib';
import { money, paymentMethodText } from '@app/notifications';
import { drawable } from '@app/shared';
import { InvoiceLineKind } from '../entities/invoice-line.entity';
import { InvoiceStatus } from '../entities/invoice.entity';
import type { PaymentMethod } from '../entities/payment.entity';
import { INVOICE_PDF_WORDS } from './invoice-pdf-words';
import type { TaxAmount } from './sales-tax';

export type InvoicePdfLanguage = 'en' | 'fr';

export interface InvoicePdfInput {
  language: InvoicePdfLanguage;
  status: InvoiceStatus;
  /** Null on a draft. */
  number: string | null;
  issuedOn: string | null;
  /** The day the draft was made (YYYY-MM-DD), shown on drafts instead of an invoice date. */
  draftedOn: string;
  voidedOn: string | null;
  voidReason: string | null;
  firm: { name: string | null; address: string | null; phone: string | null; email: string | null };
  gstHstNumber: string | null;
  /** Only for a client in Quebec. */
  qstNumber: string | null;
  consultant: { name: string; licenceNumber: string | null } | null;
  client: { name: string; email: string | null };
  fileNumber: string;
  /** `QC`, or a country code outside Canada. */
  placeOfSupply: string;
  zeroRated: boolean;
  lines: {
    kind: InvoiceLineKind;
    description: string;
    quantity: number;
    unitCents: number;
    amountCents: number;
  }[];
  taxes: TaxAmount[];
  totalCents: number;
  paidCents: number;
  payments: { receivedOn: string; method: PaymentMethod; amountCents: number }[];
  notes: string | null;
  /** Fixes the PDF's own dates, so the same invoice renders to the same bytes. */
  renderedAt: Date;
}

const PAGE = { width: 612, height: 792, margin: 50 };
const RIGHT = PAGE.width - PAGE.margin;
const INK = rgb(0.1, 0.12, 0.15);
const MUTED = rgb(0.4, 0.44, 0.5);
const RULE = rgb(0.8, 0.82, 0.85);
/** Right edges of the quantity, unit price and amount columns of the lines tables. */
const COLUMNS = { quantity: 380, unit: 470, amount: RIGHT };

type Fonts = { regular: PDFFont; bold: PDFFont; italic: PDFFont };
type Style = { size?: number; font?: keyof Fonts; color?: ReturnType<typeof rgb> };

/** Lines of text drawn top-down, a new page whenever the next block would not fit. */
class Sheet {
  page!: PDFPage;
  y = 0;

  constructor(
    private readonly pdf: PDFDocument,
    readonly fonts: Fonts,
    private readonly mark: string | null,
  ) {
    this.newPage();
  }

  newPage(): void {
    this.page = this.pdf.addPage([PAGE.width, PAGE.height]);
    this.y = PAGE.height - PAGE.margin;
    if (this.mark) {
      const size = this.mark.length > 6 ? 84 : 120;
      const width = this.fonts.bold.widthOfTextAtSize(this.mark, size);
      // Rotated 35° about its start: centre the word on the page.
      const cos = Math.cos((35 * Math.PI) / 180);
      const sin = Math.sin((35 * Math.PI) / 180);
      this.page.drawText(drawable(this.fonts.bold, this.mark), {
        x: PAGE.width / 2 - (width / 2) * cos + (size / 3) * sin,
        y: PAGE.height / 2 - (width / 2) * sin - (size / 3) * cos,
        size,
        font: this.fonts.bold,
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.18,
        rotate: degrees(35),
      });
    }
  }

  /** Room for `height` more points on this page, or a new page. */
  ensure(height: number): void {
    if (this.y - height < PAGE.margin + 20) {
      this.newPage();
    }
  }

  width(text: string, style: Style = {}): number {
    const font = this.fonts[style.font ?? 'regular'];
    return font.widthOfTextAtSize(drawable(font, text), style.size ?? 10);
  }

  /** One piece of text on the current line, left-aligned at `x` or right-aligned to `right`. */
  at(text: string, place: { x: number } | { right: number }, style: Style = {}): void {
    const font = this.fonts[style.font ?? 'regular'];
    const size = style.size ?? 10;
    const shown = drawable(font, text);
    if (shown === '') {
      return;
    }
    const x = 'x' in place ? place.x : place.right - font.widthOfTextAtSize(shown, size);
    this.page.drawText(shown, { x, y: this.y, size, font, color: style.color ?? INK });
  }

  /** Moves down one line of the given size. */
  down(size = 10, leading = 1.45): void {
    this.y -= size * leading;
  }

  /** Word-wrapped text from `x`, at most `width` wide; returns the lines drawn. */
  paragraph(text: string, x: number, width: number, style: Style = {}): number {
    const lines = this.wrap(text, width, style);
    for (const line of lines) {
      this.ensure((style.size ?? 10) * 1.45);
      this.down(style.size);
      this.at(line, { x }, style);
    }
    return lines.length;
  }

  wrap(text: string, width: number, style: Style = {}): string[] {
    const lines: string[] = [];
    for (const paragraph of text.split(/\r?\n/)) {
      let line = '';
      for (const word of paragraph.split(/\s+/).filter(Boolean)) {
        const candidate = line ? `${line} ${word}` : word;
        if (line && this.width(candidate, style) > width) {
          lines.push(line);
          line = word;
        } else {
          line = candidate;
        }
      }
      lines.push(line);
    }
    return lines;
  }

  rule(): void {
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y - 4 },
      end: { x: RIGHT, y: this.y - 4 },
      thickness: 0.6,
      color: RULE,
    });
    this.y -= 8;
  }
}

function dateText(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** A rate in thousandths of a percent as each language writes it: `9.975%`, `9,975 %`. */
export function rateText(rate: number, language: InvoicePdfLanguage): string {
  const words = INVOICE_PDF_WORDS[language];
  const number = new Intl.NumberFormat(words.locale, { maximumFractionDigits: 3 }).format(rate / 1000);
  return language === 'fr' ? `${number}\u00a0%` : `${number}%`;
}

function linesTable(
  sheet: Sheet,
  title: string,
  subtotalLabel: string,
  lines: InvoicePdfInput['lines'],
  language: InvoicePdfLanguage,
): void {
  const w = INVOICE_PDF_WORDS[language];
  const m = (cents: number) => money(cents, language);
  sheet.ensure(60);
  sheet.down(11, 2);
  sheet.at(title, { x: PAGE.margin }, { size: 11, font: 'bold' });
  sheet.down(9);
  sheet.at(w.description, { x: PAGE.margin }, { size: 8.5, color: MUTED });
  sheet.at(w.quantity, { right: COLUMNS.quantity }, { size: 8.5, color: MUTED });
  sheet.at(w.unit, { right: COLUMNS.unit }, { size: 8.5, color: MUTED });
  sheet.at(w.amount, { right: COLUMNS.amount }, { size: 8.5, color: MUTED });
  sheet.rule();
  const descriptionWidth = COLUMNS.quantity - 40 - PAGE.margin;
  for (const line of lines) {
    const wrapped = sheet.wrap(line.description, descriptionWidth);
    sheet.ensure(wrapped.length * 14.5);
    wrapped.forEach((text, i) => {
      sheet.down();
      sheet.at(text, { x: PAGE.margin });
      if (i === 0) {
        sheet.at(String(line.quantity), { right: COLUMNS.quantity });
        sheet.at(m(line.unitCents), { right: COLUMNS.unit });
        sheet.at(m(line.amountCents), { right: COLUMNS.amount });
      }
    });
  }
  sheet.rule();
  sheet.down();
  sheet.at(subtotalLabel, { right: COLUMNS.unit }, { font: 'bold' });
  sheet.at(m(lines.reduce((sum, l) => sum + l.amountCents, 0)), { right: COLUMNS.amount }, { font: 'bold' });
}

/**
 * An invoice as a PDF in the client's language (CICC Code s.33): the firm with its tax numbers, the consultant and
 * their CICC licence, the number and date, client and file, professional fees and their taxes apart from
 * disbursements (never taxed), totals, payments received and the balance owing. A draft carries a DRAFT mark and
 * no number; a void invoice a VOID mark. Pure: the same input gives the same bytes.
 */
export async function renderInvoicePdf(input: InvoicePdfInput): Promise<Buffer> {
  const w = INVOICE_PDF_WORDS[input.language];
  const m = (cents: number) => money(cents, input.language);
  const day = (d: string) => dateText(d, w.locale);
  const draft = input.status === InvoiceStatus.Draft;
  const pdf = await PDFDocument.create();
  pdf.setTitle(`${w.title} ${input.number ?? w.draftMark} – ${input.fileNumber}`);
  pdf.setProducer('PermitDesk');
  pdf.setCreator('PermitDesk');
  pdf.setCreationDate(input.renderedAt);
  pdf.setModificationDate(input.renderedAt);
  const fonts: Fonts = {
    regular: await pdf.embedFont(StandardFonts.Helvetica),
    bold: await pdf.embedFont(StandardFonts.HelveticaBold),
    italic: await pdf.embedFont(StandardFonts.HelveticaOblique),
  };
  const mark = draft ? w.draftMark : input.status === InvoiceStatus.Void ? w.voidMark : null;
  const sheet = new Sheet(pdf, fonts, mark);

  // The firm on the left, the invoice's title and numbers on the right.
  const top = sheet.y;
  sheet.down(15, 1);
  sheet.at(input.firm.name ?? '', { x: PAGE.margin }, { size: 15, font: 'bold' });
  const firmLines = [
    ...(input.firm.address ?? '').split(/\r?\n/),
    [input.firm.phone, input.firm.email].filter(Boolean).join(' · '),
    input.gstHstNumber ? `${w.gstHstNumber} ${input.gstHstNumber}` : '',
    input.qstNumber ? `${w.qstNumber} ${input.qstNumber}` : '',
  ].filter((line) => line.trim() !== '');
  for (const line of firmLines) {
    sheet.down(9.5);
    sheet.at(line, { x: PAGE.margin }, { size: 9.5, color: MUTED });
  }
  const leftBottom = sheet.y;
  sheet.y = top;
  sheet.down(20, 1);
  sheet.at(draft ? `${w.title} – ${w.draftMark}` : w.title, { right: RIGHT }, { size: 20, font: 'bold' });
  const facts: [string, string][] = [
    ...(input.number ? [[w.number, input.number] as [string, string]] : []),
    input.issuedOn ? [w.date, day(input.issuedOn)] : [w.draftedOn, day(input.draftedOn)],
    [w.file, input.fileNumber],
  ];
  sheet.down(4, 1);
  for (const [label, value] of facts) {
    sheet.down();
    sheet.at(value, { right: RIGHT }, { font: 'bold' });
    sheet.at(label, { right: RIGHT - sheet.width(value, { font: 'bold' }) - 8 }, { color: MUTED });
  }
  sheet.y = Math.min(sheet.y, leftBottom);
  sheet.down(10, 1);
  sheet.rule();

  // Who bills whom.
  sheet.down(8.5);
  sheet.at(w.billTo, { x: PAGE.margin }, { size: 8.5, color: MUTED });
  sheet.at(w.consultant, { x: 320 }, { size: 8.5, color: MUTED });
  const clientLines = [input.client.name, input.client.email ?? '', w.placeOfSupply(input.placeOfSupply)];
  const consultantLines = input.consultant
    ? [input.consultant.name, input.consultant.licenceNumber ? w.licence(input.consultant.licenceNumber) : '']
    : [];
  for (let i = 0; i < Math.max(clientLines.length, consultantLines.length); i++) {
    sheet.down();
    sheet.at(clientLines[i] ?? '', { x: PAGE.margin }, { font: i === 0 ? 'bold' : 'regular' });
    sheet.at(consultantLines[i] ?? '', { x: 320 }, { font: i === 0 ? 'bold' : 'regular' });
  }
  if (draft) {
    sheet.down(4, 1);
    sheet.paragraph(w.draftNote, PAGE.margin, RIGHT - PAGE.margin, { font: 'italic', color: MUTED });
  }
  if (input.status === InvoiceStatus.Void && input.voidedOn) {
    sheet.down(4, 1);
    sheet.paragraph(w.voided(day(input.voidedOn), input.voidReason), PAGE.margin, RIGHT - PAGE.margin, {
      font: 'bold',
    });
  }

  const fees = input.lines.filter((l) => l.kind === InvoiceLineKind.ProfessionalFee);
  const disbursements = input.lines.filter((l) => l.kind === InvoiceLineKind.Disbursement);
  if (fees.length > 0) {
    linesTable(sheet, w.fees, w.feesSubtotal, fees, input.language);
  }
  if (disbursements.length > 0) {
    linesTable(sheet, w.disbursements, w.disbursementsSubtotal, disbursements, input.language);
  }

  // Taxes by kind with their rates, the total, what was paid and what is owing.
  const totals: [string, string, boolean][] = [
    ...input.taxes.map((t): [string, string, boolean] => [
      `${w.tax[t.kind]} (${rateText(t.rate, input.language)})`,
      m(t.cents),
      false,
    ]),
    [w.total, m(input.totalCents), true],
  ];
  if (!draft) {
    totals.push(
      [w.paid, m(input.paidCents === 0 ? 0 : -input.paidCents), false],
      [w.balance, m(input.totalCents - input.paidCents), true],
    );
  }
  sheet.ensure(totals.length * 15 + 20);
  sheet.down(10, 1.2);
  for (const [label, value, strong] of totals) {
    sheet.down(strong ? 11 : 10);
    const style: Style = strong ? { font: 'bold', size: 11 } : {};
    sheet.at(label, { right: COLUMNS.unit }, style);
    sheet.at(value, { right: COLUMNS.amount }, style);
  }
  if (input.zeroRated) {
    sheet.down(6, 1);
    sheet.paragraph(w.zeroRated, PAGE.margin, RIGHT - PAGE.margin, { size: 9, font: 'italic' });
  }

  if (input.payments.length > 0) {
    sheet.ensure(50);
    sheet.down(11, 2);
    sheet.at(w.payments, { x: PAGE.margin }, { size: 11, font: 'bold' });
    sheet.down(9);
    sheet.at(w.receivedOn, { x: PAGE.margin }, { size: 8.5, color: MUTED });
    sheet.at(w.method, { x: 200 }, { size: 8.5, color: MUTED });
    sheet.at(w.amount, { right: COLUMNS.amount }, { size: 8.5, color: MUTED });
    sheet.rule();
    for (const payment of input.payments) {
      sheet.ensure(15);
      sheet.down();
      sheet.at(day(payment.receivedOn), { x: PAGE.margin });
      sheet.at(paymentMethodText(payment.method, input.language), { x: 200 });
      sheet.at(m(payment.amountCents), { right: COLUMNS.amount });
    }
  }

  if (input.notes) {
    sheet.ensure(40);
    sheet.down(11, 2);
    sheet.at(w.notes, { x: PAGE.margin }, { size: 11, font: 'bold' });
    sheet.paragraph(input.notes, PAGE.margin, RIGHT - PAGE.margin);
  }

  const pages = pdf.getPages();
  pages.forEach((page, i) => {
    page.drawText(w.page(i + 1, pages.length), {
      x: PAGE.margin,
      y: PAGE.margin / 2,
      size: 8,
      font: fonts.regular,
      color: MUTED,
    });
  });
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}
