import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ClientsService } from '@app/clients';
import { AppConfig } from '@app/config';
import {
  ALL_RECORDS,
  addFieldError,
  Clock,
  throwIfFieldErrors,
  type FieldErrors,
  type Page,
  type StaffScope,
} from '@app/shared';
import { calendarDateIn, WorkPermitFilesService } from '@app/work-permits';
import { BillingError, BillingErrorCode } from './billing.errors';
import { BillingSettingsService } from './billing-settings.service';
import { isProvinceCode, PROVINCE_CODES, type ProvinceCode } from '@app/reference-data';
import { InvoiceEntity, InvoiceStatus } from './entities/invoice.entity';
import type { InvoiceListItem } from './invoice-rows';
import type { DraftInvoiceInput, InvoiceDetail, InvoiceLineInput, UpdateDraftInput } from './invoice.types';
import { InvoicesRepository, type ListInvoicesQuery } from './invoices.repository';
import { formatInvoiceNumber } from './rules/invoice-number';
import { invoiceTotals, type InvoiceTotals, type PlaceOfSupply } from './rules/sales-tax';

/** The place of supply of a draft, or the fields that make it invalid. */
function placeOf(
  country: string,
  province: string | null | undefined,
  errors: FieldErrors,
): PlaceOfSupply | null {
  if (country === 'CA') {
    if (!province) {
      addFieldError(
        errors,
        'province',
        'is required for a client in Canada: the province or territory they live in',
      );
      return null;
    }
    if (!isProvinceCode(province)) {
      addFieldError(errors, 'province', `must be one of ${PROVINCE_CODES.join(', ')}`);
      return null;
    }
    return { country: 'CA', province };
  }
  if (province) {
    addFieldError(errors, 'province', 'must be empty for a client outside Canada (country is not CA)');
    return null;
  }
  return { country, province: null };
}

/** Invoices (CICC Code s.33): drafts, issuing with a gap-free number, voiding; reading them in scope. */
@Injectable()
export class InvoicesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesRepository,
    private readonly files: WorkPermitFilesService,
    private readonly clients: ClientsService,
    private readonly settings: BillingSettingsService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  /** Today in the firm's time zone: the invoice date. */
  today(): string {
    return calendarDateIn(this.clock.now(), this.config.firmTimeZone);
  }

  async createDraft(
    fileId: string,
    input: DraftInvoiceInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<InvoiceDetail> {
    const file = await this.files.requireVisible(fileId, scope);
    const client = await this.clients.requireVisible(file.clientId, ALL_RECORDS);
    const errors: FieldErrors = {};
    const country = input.country ?? client.countryOfResidence ?? 'CA';
    const place = placeOf(country, input.province, errors);
    throwIfFieldErrors(errors);
    const zeroRatedConfirmed = place!.province === null && input.zeroRatedConfirmed === true;
    const totals = invoiceTotals(input.lines, place!, this.today(), zeroRatedConfirmed);
    const id = await this.dataSource.transaction(async (manager) => {
      const invoice = await this.invoices.insert(
        {
          fileId,
          clientId: file.clientId,
          status: InvoiceStatus.Draft,
          currency: 'CAD',
          country: place!.country,
          province: place!.province,
          zeroRatedConfirmed,
          notes: input.notes ?? null,
          createdById: actor.id,
          ...this.amounts(totals),
        },
        manager,
      );
      await this.writeLines(invoice.id, input.lines, totals, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'invoice.created',
        subjectType: 'invoice',
        subjectId: invoice.id,
        fileId,
        clientId: file.clientId,
        changes: {
          lines: input.lines.length,
          totalCents: totals.totalCents,
          country,
          province: place!.province,
        },
      });
      return invoice.id;
    });
    return this.require(id, ALL_RECORDS);
  }

  /** Changes a draft: lines (all of them, replaced), place of supply, zero-rating confirmation, notes. */
  async updateDraft(
    id: string,
    input: UpdateDraftInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<InvoiceDetail> {
    await this.dataSource.transaction(async (manager) => {
      const invoice = await this.lockVisible(id, scope, manager);
      this.requireDraft(invoice, 'changed');
      const errors: FieldErrors = {};
      const country = input.country ?? invoice.country;
      const province =
        input.province !== undefined || input.country !== undefined ? input.province : invoice.province;
      const place = placeOf(country, province, errors);
      throwIfFieldErrors(errors);
      const lines: InvoiceLineInput[] =
        input.lines ?? (await this.invoices.linesOf(id, manager)).map((l) => ({ ...l }));
      const zeroRatedConfirmed =
        place!.province === null && (input.zeroRatedConfirmed ?? invoice.zeroRatedConfirmed);
      const totals = invoiceTotals(lines, place!, this.today(), zeroRatedConfirmed);
      await this.invoices.update(
        id,
        {
          country: place!.country,
          province: place!.province,
          zeroRatedConfirmed,
          notes: input.notes !== undefined ? input.notes : invoice.notes,
          ...this.amounts(totals),
        },
        manager,
      );
      await this.writeLines(id, lines, totals, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'invoice.updated',
        subjectType: 'invoice',
        subjectId: id,
        fileId: invoice.fileId,
        clientId: invoice.clientId,
        changes: { ...input, lines: input.lines?.length, totalCents: totals.totalCents },
      });
    });
    return this.require(id, ALL_RECORDS);
  }

  /**
   * Issues a draft: today's rates, the firm's tax numbers, and the next number of the year from a counter row
   * locked in this transaction (no gap, no duplicate, even under concurrent issues). Issuing twice is a 409.
   */
  async issue(id: string, actor: StaffUser, scope: StaffScope): Promise<InvoiceDetail> {
    await this.dataSource.transaction(async (manager) => {
      const invoice = await this.lockVisible(id, scope, manager);
      this.requireDraft(invoice, 'issued');
      const lines = await this.invoices.linesOf(id, manager);
      if (invoice.zeroRatedCandidate && !invoice.zeroRatedConfirmed) {
        throw new BillingError(
          BillingErrorCode.ZeroRatingUnconfirmed,
          'The client is outside Canada: confirm the fees are zero-rated (zeroRatedConfirmed: true), or set the province where the service is supplied, before issuing',
          { zeroRatedConfirmed: ['must be confirmed for a client outside Canada'] },
        );
      }
      const today = this.today();
      const totals = invoiceTotals(lines, this.placeOfInvoice(invoice), today, invoice.zeroRatedConfirmed);
      const numbers = await this.settings.current(manager);
      const kinds = new Set(totals.taxes.filter((t) => t.cents > 0).map((t) => t.kind));
      if ((kinds.has('GST') || kinds.has('HST')) && !numbers.gstHstNumber) {
        throw new BillingError(
          BillingErrorCode.TaxNumberMissing,
          'The firm’s GST/HST number is missing: an admin enters it in the billing settings before invoices with GST or HST are issued',
          { gstHstNumber: ['is required to charge GST/HST'] },
        );
      }
      if (kinds.has('QST') && !numbers.qstNumber) {
        throw new BillingError(
          BillingErrorCode.TaxNumberMissing,
          'The firm’s QST number is missing: an admin enters it in the billing settings before invoices with QST are issued',
          { qstNumber: ['is required to charge QST'] },
        );
      }
      const sequence = await this.invoices.nextSequence(manager, Number(today.slice(0, 4)));
      const number = formatInvoiceNumber(Number(today.slice(0, 4)), sequence);
      await this.writeLines(id, lines, totals, manager);
      await this.invoices.update(
        id,
        {
          status: InvoiceStatus.Issued,
          number,
          issuedOn: today,
          issuedAt: this.clock.now(),
          gstHstNumber: numbers.gstHstNumber,
          qstNumber: kinds.has('QST') || invoice.province === 'QC' ? numbers.qstNumber : null,
          ...this.amounts(totals),
        },
        manager,
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'invoice.issued',
        subjectType: 'invoice',
        subjectId: id,
        fileId: invoice.fileId,
        clientId: invoice.clientId,
        changes: { number, issuedOn: today, totalCents: totals.totalCents, taxCents: totals.taxCents },
      });
    });
    return this.require(id, ALL_RECORDS);
  }

  /** Voids a draft, or an issued invoice nothing has been paid on; the number stays used (no gap). */
  async void(id: string, reason: string, actor: StaffUser, scope: StaffScope): Promise<InvoiceDetail> {
    await this.dataSource.transaction(async (manager) => {
      const invoice = await this.lockVisible(id, scope, manager);
      const voidable =
        invoice.status === InvoiceStatus.Draft ||
        (invoice.status === InvoiceStatus.Issued && invoice.paidCents === 0);
      if (!voidable) {
        throw new BillingError(
          BillingErrorCode.InvoiceNotVoidable,
          invoice.status === InvoiceStatus.Void
            ? 'This invoice is already void'
            : 'An invoice with payments cannot be voided; refund the payments first',
        );
      }
      await this.invoices.update(
        id,
        { status: InvoiceStatus.Void, voidedAt: this.clock.now(), voidReason: reason },
        manager,
      );
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'invoice.voided',
        subjectType: 'invoice',
        subjectId: id,
        fileId: invoice.fileId,
        clientId: invoice.clientId,
        changes: { status: [invoice.status, InvoiceStatus.Void], reason },
      });
    });
    return this.require(id, ALL_RECORDS);
  }

  list(query: ListInvoicesQuery, scope: StaffScope): Promise<Page<InvoiceListItem>> {
    return this.invoices.list(query, scope);
  }

  async require(id: string, scope: StaffScope): Promise<InvoiceDetail> {
    const invoice = await this.invoices.findVisible(id, scope);
    if (!invoice) {
      throw BillingError.invoiceNotFound();
    }
    const [lines, payments] = await Promise.all([this.invoices.linesOf(id), this.invoices.paymentsOf(id)]);
    return { invoice, lines, payments };
  }

  /**
   * Every invoice of a file the caller has already been allowed to see (the file's own scope check is the caller's),
   * each with its lines and payments; read in a fixed number of statements whatever the count.
   */
  async detailsOfFile(fileId: string): Promise<InvoiceDetail[]> {
    const { invoices, lines, payments } = await this.invoices.detailsOfFile(fileId);
    return invoices.map((invoice) => ({
      invoice,
      lines: lines.filter((l) => l.invoiceId === invoice.id),
      payments: payments.filter((p) => p.invoiceId === invoice.id),
    }));
  }

  /** The invoice, row-locked in the caller's transaction, if the scope may see it; 404 otherwise. */
  async lockVisible(id: string, scope: StaffScope, manager: EntityManager): Promise<InvoiceEntity> {
    const invoice = await this.invoices.findVisible(id, scope, manager);
    if (!invoice) {
      throw BillingError.invoiceNotFound();
    }
    return invoice;
  }

  placeOfInvoice(invoice: InvoiceEntity): PlaceOfSupply {
    return invoice.province === null
      ? { country: invoice.country, province: null }
      : { country: 'CA', province: invoice.province as ProvinceCode };
  }

  private requireDraft(invoice: InvoiceEntity, verb: string): void {
    if (invoice.status !== InvoiceStatus.Draft) {
      throw new BillingError(
        BillingErrorCode.InvoiceNotDraft,
        `Only a draft invoice can be ${verb}; this one is ${invoice.status}${invoice.number ? ` (${invoice.number})` : ''}`,
      );
    }
  }

  private amounts(totals: InvoiceTotals): Partial<InvoiceEntity> {
    return {
      subtotalCents: totals.subtotalCents,
      taxCents: totals.taxCents,
      totalCents: totals.totalCents,
      taxes: totals.taxes,
      zeroRatedCandidate: totals.zeroRatedCandidate,
    };
  }

  private async writeLines(
    invoiceId: string,
    lines: readonly InvoiceLineInput[],
    totals: InvoiceTotals,
    manager: EntityManager,
  ): Promise<void> {
    await this.invoices.replaceLines(
      invoiceId,
      lines.map((line, index) => ({
        position: index + 1,
        kind: line.kind,
        description: line.description,
        quantity: line.quantity,
        unitCents: line.unitCents,
        amountCents: totals.lines[index].amountCents,
        taxCents: totals.lines[index].taxCents,
        taxes: totals.lines[index].taxes,
      })),
      manager,
    );
  }
}
