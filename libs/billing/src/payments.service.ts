import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ClientsService, PreferredLanguage } from '@app/clients';
import { FirmProfileService } from '@app/firm';
import { MailService, paymentReceiptEmail } from '@app/notifications';
import { ALL_RECORDS, type StaffScope } from '@app/shared';
import { BillingError, BillingErrorCode } from './billing.errors';
import { ClientAccountsService } from './client-accounts.service';
import { InvoiceStatus } from './entities/invoice.entity';
import { PaymentMethod } from './entities/payment.entity';
import type { InvoiceDetail, PaymentInput } from './invoice.types';
import { InvoicesRepository } from './invoices.repository';
import { InvoicesService } from './invoices.service';
import { overpayment, statusAfterPayment } from './rules/ledger';

/**
 * Payments against issued invoices, partial or whole, from outside or from the client's trust account. The
 * invoice row is locked for the payment's transaction, so concurrent payments cannot together pay more than owed;
 * the status becomes `paid` in that same transaction, and the client's receipt is written to the outbox with it.
 */
@Injectable()
export class PaymentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly invoices: InvoicesService,
    private readonly repository: InvoicesRepository,
    private readonly accounts: ClientAccountsService,
    private readonly clients: ClientsService,
    private readonly firm: FirmProfileService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
  ) {}

  async record(
    invoiceId: string,
    input: PaymentInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<InvoiceDetail> {
    // Read before the transaction, which must not take a second pooled connection.
    const firmName = (await this.firm.current()).name;
    const { invoice: seen } = await this.invoices.require(invoiceId, scope);
    const client = await this.clients.requireVisible(seen.clientId, ALL_RECORDS);
    await this.dataSource.transaction(async (manager) => {
      const invoice = await this.invoices.lockVisible(invoiceId, scope, manager);
      if (invoice.status !== InvoiceStatus.Issued) {
        throw new BillingError(
          BillingErrorCode.InvoiceNotPayable,
          invoice.status === InvoiceStatus.Paid
            ? 'This invoice is already paid in full'
            : `A ${invoice.status} invoice takes no payment; only an issued one does`,
        );
      }
      const owing = overpayment(input.amountCents, invoice.totalCents, invoice.paidCents);
      if (owing !== null) {
        throw new BillingError(
          BillingErrorCode.Overpayment,
          `The payment is more than the ${owing} cents owing on ${invoice.number}`,
          { amountCents: [`must be at most ${owing}, the balance owing`] },
        );
      }
      if (input.method === PaymentMethod.ClientAccount) {
        await this.accounts.transferToInvoice(
          manager,
          invoice.clientId,
          { id: invoice.id, number: invoice.number },
          input,
          actor,
        );
      }
      const payment = await this.repository.insertPayment(
        {
          invoiceId,
          amountCents: input.amountCents,
          method: input.method,
          receivedOn: input.receivedOn,
          reference: input.reference ?? null,
          recordedById: actor.id,
        },
        manager,
      );
      const paidCents = invoice.paidCents + input.amountCents;
      const status = statusAfterPayment(paidCents, invoice.totalCents) as InvoiceStatus;
      await this.repository.update(invoiceId, { paidCents, status }, manager);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'invoice.payment_recorded',
        subjectType: 'invoice',
        subjectId: invoiceId,
        fileId: invoice.fileId,
        clientId: invoice.clientId,
        changes: {
          receivedOn: input.receivedOn,
          amountCents: input.amountCents,
          method: input.method,
          paidCents,
          ...(status !== invoice.status ? { status: [invoice.status, status] } : {}),
        },
      });
      if (client.email) {
        const email = paymentReceiptEmail({
          language: client.preferredLanguage === PreferredLanguage.Fr ? 'fr' : 'en',
          clientName: client.firstName ?? '',
          firmName,
          invoiceNumber: invoice.number ?? '',
          amountCents: input.amountCents,
          method: input.method,
          receivedOn: input.receivedOn,
          totalCents: invoice.totalCents,
          balanceCents: invoice.totalCents - paidCents,
        });
        await this.mail.enqueue(manager, {
          kind: 'payment-receipt',
          to: client.email,
          ...email,
          related: { type: 'invoice_payment', id: payment.id },
          idempotencyKey: `payment-receipt-${payment.id}`,
        });
      }
    });
    return this.invoices.require(invoiceId, ALL_RECORDS);
  }
}
