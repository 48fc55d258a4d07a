import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { FirmProfileService } from '@app/firm';
import type { StaffScope } from '@app/shared';
import { calendarDateIn } from '@app/work-permits';
import { BillingError } from './billing.errors';
import { BillingSettingsService } from './billing-settings.service';
import { InvoiceStatus, type InvoiceEntity } from './entities/invoice.entity';
import type { InvoiceDetail } from './invoice.types';
import { InvoicesRepository } from './invoices.repository';
import { InvoicesService } from './invoices.service';
import { renderInvoicePdf, type InvoicePdfLanguage } from './rules/invoice-pdf';

export interface InvoicePdf {
  /** `INV-2026-00017.pdf`, or `WP-2026-00042-draft-invoice.pdf` for a draft. */
  fileName: string;
  content: Buffer;
}

/** Who downloads an invoice's PDF: a staff member, or the client in the portal. */
type PdfReader = { staff: StaffUser } | { clientId: string };

/**
 * An invoice as a PDF, rendered on request from what is recorded (an issued invoice never changes, so neither does
 * its PDF), in the client's language unless another is asked for. Every download is audited.
 */
@Injectable()
export class InvoicePdfService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesService,
    private readonly repository: InvoicesRepository,
    private readonly settings: BillingSettingsService,
    private readonly firm: FirmProfileService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** For staff who may see the invoice's file (INVOICE_NOT_FOUND otherwise), drafts included. */
  async forStaff(
    id: string,
    actor: StaffUser,
    scope: StaffScope,
    language?: InvoicePdfLanguage,
  ): Promise<InvoicePdf> {
    const detail = await this.invoices.require(id, scope);
    return this.download(detail, { staff: actor }, language);
  }

  /** For the client in the portal: one of their own invoices, never a draft (INVOICE_NOT_FOUND otherwise). */
  async forClient(clientId: string, id: string, language?: InvoicePdfLanguage): Promise<InvoicePdf> {
    const invoice = await this.repository.findOfClient(id, clientId);
    if (!invoice) {
      throw BillingError.invoiceNotFound();
    }
    const [lines, payments] = await Promise.all([
      this.repository.linesOf(id),
      this.repository.paymentsOf(id),
    ]);
    return this.download({ invoice, lines, payments }, { clientId }, language);
  }

  /** Renders without auditing: for callers that audit the whole operation themselves (the file export). */
  async render(detail: InvoiceDetail, language?: InvoicePdfLanguage): Promise<InvoicePdf> {
    const { invoice, lines, payments } = detail;
    const [parties, firm, numbers] = await Promise.all([
      this.repository.partiesOf(invoice.id),
      this.firm.current(),
      invoice.status === InvoiceStatus.Draft ? this.settings.current() : null,
    ]);
    const chosen: InvoicePdfLanguage = language ?? (parties.preferredLanguage === 'fr' ? 'fr' : 'en');
    const day = (at: Date) => calendarDateIn(at, this.config.firmTimeZone);
    const inQuebec = invoice.province === 'QC';
    const content = await renderInvoicePdf({
      language: chosen,
      status: invoice.status,
      number: invoice.number,
      issuedOn: invoice.issuedOn,
      draftedOn: day(invoice.createdAt),
      voidedOn: invoice.voidedAt ? day(invoice.voidedAt) : null,
      voidReason: invoice.voidReason,
      firm: { name: firm.name, address: firm.address, phone: firm.phone, email: firm.publicEmail },
      // A draft shows the numbers it would be issued with; an issued invoice the ones it was issued with.
      gstHstNumber: numbers ? numbers.gstHstNumber : invoice.gstHstNumber,
      qstNumber: inQuebec ? (numbers ? numbers.qstNumber : invoice.qstNumber) : null,
      consultant: parties.consultantName
        ? { name: parties.consultantName, licenceNumber: parties.consultantLicence }
        : null,
      client: { name: parties.clientName, email: parties.clientEmail },
      fileNumber: parties.fileNumber,
      placeOfSupply: invoice.province ?? invoice.country,
      zeroRated: invoice.province === null && invoice.zeroRatedConfirmed,
      lines,
      taxes: invoice.taxes,
      totalCents: invoice.totalCents,
      paidCents: invoice.paidCents,
      payments,
      notes: invoice.notes,
      renderedAt: invoice.issuedAt ?? invoice.updatedAt,
    });
    return { fileName: this.fileName(invoice, parties.fileNumber), content };
  }

  private async download(
    detail: InvoiceDetail,
    reader: PdfReader,
    language?: InvoicePdfLanguage,
  ): Promise<InvoicePdf> {
    const pdf = await this.render(detail, language);
    const { invoice } = detail;
    await this.audit.record(this.dataSource.manager, {
      ...('staff' in reader
        ? { actorId: reader.staff.id, actorClientId: null }
        : { actorId: null, actorClientId: reader.clientId }),
      action: 'invoice.pdf_downloaded',
      subjectType: 'invoice',
      subjectId: invoice.id,
      fileId: invoice.fileId,
      clientId: invoice.clientId,
      changes: { number: invoice.number, status: invoice.status, language: language ?? null },
    });
    return pdf;
  }

  private fileName(invoice: InvoiceEntity, fileNumber: string): string {
    return invoice.number ? `${invoice.number}.pdf` : `${fileNumber}-draft-invoice.pdf`;
  }
}
