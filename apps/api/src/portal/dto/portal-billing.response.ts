import { ApiProperty } from '@nestjs/swagger';
import {
  AccountEntryKind,
  AccountMethod,
  InvoiceStatus,
  PaymentMethod,
  type ClientAccountEntryEntity,
  type ClientAccountOfClient,
  type ClientInvoiceView,
  type PaymentEntity,
} from '@app/billing';

/** A payment on one of the client's invoices: their receipt. */
export class PortalReceiptResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ enum: PaymentMethod, enumName: 'PaymentMethod' }) method: PaymentMethod;
  @ApiProperty({ example: '2026-12-05' }) receivedOn: string;

  static from(payment: PaymentEntity): PortalReceiptResponse {
    return {
      id: payment.id,
      amountCents: payment.amountCents,
      method: payment.method,
      receivedOn: payment.receivedOn,
    };
  }
}

/** One of the client's invoices (issued, paid or void; drafts never show). */
export class PortalInvoiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'INV-2026-00001' }) number: string;
  @ApiProperty({ enum: InvoiceStatus, enumName: 'InvoiceStatus' }) status: InvoiceStatus;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ example: 'WP-2026-00042' }) fileNumber: string;
  @ApiProperty({ example: '2026-12-05' }) issuedOn: string;
  @ApiProperty() subtotalCents: number;
  @ApiProperty() taxCents: number;
  @ApiProperty() totalCents: number;
  @ApiProperty() paidCents: number;
  @ApiProperty({ description: 'What is left to pay; 0 on a void invoice' }) balanceCents: number;
  @ApiProperty({ type: [PortalReceiptResponse], description: 'Oldest first' })
  receipts: PortalReceiptResponse[];

  static from(invoice: ClientInvoiceView): PortalInvoiceResponse {
    return {
      id: invoice.id,
      number: invoice.number ?? '',
      status: invoice.status,
      fileId: invoice.fileId,
      fileNumber: invoice.fileNumber,
      issuedOn: invoice.issuedOn ?? '',
      subtotalCents: invoice.subtotalCents,
      taxCents: invoice.taxCents,
      totalCents: invoice.totalCents,
      paidCents: invoice.paidCents,
      balanceCents: invoice.status === InvoiceStatus.Void ? 0 : invoice.balanceCents,
      receipts: invoice.payments.map((p) => PortalReceiptResponse.from(p)),
    };
  }
}

export class PortalInvoiceListResponse {
  @ApiProperty({ type: [PortalInvoiceResponse], description: 'Newest first' }) items: PortalInvoiceResponse[];
  @ApiProperty({ type: String, nullable: true, description: 'Always null: every invoice is listed' })
  nextCursor: null;
}

/** A movement of the client's account: a deposit, a transfer to one of their invoices, or a refund. */
export class PortalAccountEntryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: AccountEntryKind, enumName: 'AccountEntryKind' }) kind: AccountEntryKind;
  @ApiProperty({ description: 'Signed cents: deposits positive, transfers and refunds negative' })
  amountCents: number;
  @ApiProperty() balanceAfterCents: number;
  @ApiProperty({ enum: AccountMethod, enumName: 'AccountMethod' }) method: AccountMethod;
  @ApiProperty({ example: '2026-12-05' }) receivedOn: string;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'The invoice a transfer paid' })
  invoiceId: string | null;

  static from(entry: ClientAccountEntryEntity): PortalAccountEntryResponse {
    return {
      id: entry.id,
      kind: entry.kind,
      amountCents: entry.amountCents,
      balanceAfterCents: entry.balanceAfterCents,
      method: entry.method,
      receivedOn: entry.receivedOn,
      invoiceId: entry.invoiceId,
    };
  }
}

/** The client's account (advance payments held in trust for them): its balance and its entries. */
export class PortalAccountResponse {
  @ApiProperty({ description: 'Held in trust for the client, in cents; never negative' })
  balanceCents: number;
  @ApiProperty({ type: [PortalAccountEntryResponse], description: 'Newest first' })
  items: PortalAccountEntryResponse[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;

  static from(account: ClientAccountOfClient): PortalAccountResponse {
    return {
      balanceCents: account.balanceCents,
      items: account.entries.items.map((e) => PortalAccountEntryResponse.from(e)),
      nextCursor: account.entries.nextCursor,
    };
  }
}
