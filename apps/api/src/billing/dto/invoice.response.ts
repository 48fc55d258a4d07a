import { ApiProperty } from '@nestjs/swagger';
import type { InvoiceDetail, InvoiceListItem } from '@app/billing';
import { InvoiceLineKind, InvoiceStatus, PaymentMethod } from '@app/billing';

export class TaxAmountResponse {
  @ApiProperty({ enum: ['GST', 'HST', 'QST'] }) kind: string;
  @ApiProperty({ description: 'Thousandths of a percent: 13% = 13000, 9.975% = 9975' }) rate: number;
  @ApiProperty() cents: number;
}

export class InvoiceLineResponse {
  @ApiProperty({ enum: InvoiceLineKind, enumName: 'InvoiceLineKind' }) kind: InvoiceLineKind;
  @ApiProperty() description: string;
  @ApiProperty() quantity: number;
  @ApiProperty() unitCents: number;
  @ApiProperty() amountCents: number;
  @ApiProperty({ description: 'Rounded half-up on this line alone' }) taxCents: number;
}

export class PaymentResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() amountCents: number;
  @ApiProperty({ enum: PaymentMethod, enumName: 'PaymentMethod' }) method: PaymentMethod;
  @ApiProperty({ example: '2026-12-05' }) receivedOn: string;
  @ApiProperty({ type: String, nullable: true }) reference: string | null;
  @ApiProperty() createdAt: Date;
}

export class InvoiceListItemResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'INV-2026-00001' }) number: string | null;
  @ApiProperty({ enum: InvoiceStatus, enumName: 'InvoiceStatus' }) status: InvoiceStatus;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ example: 'WP-2026-00042' }) fileNumber: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty() clientName: string;
  @ApiProperty({ example: 'CA' }) country: string;
  @ApiProperty({ type: String, nullable: true, example: 'ON' }) province: string | null;
  @ApiProperty() subtotalCents: number;
  @ApiProperty() taxCents: number;
  @ApiProperty() totalCents: number;
  @ApiProperty() paidCents: number;
  @ApiProperty({ description: 'totalCents - paidCents' }) balanceCents: number;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-05' }) issuedOn: string | null;
  @ApiProperty() createdAt: Date;

  static from(item: InvoiceListItem): InvoiceListItemResponse {
    return Object.assign(new InvoiceListItemResponse(), item);
  }
}

export class InvoiceResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true, example: 'INV-2026-00001' }) number: string | null;
  @ApiProperty({ enum: InvoiceStatus, enumName: 'InvoiceStatus' }) status: InvoiceStatus;
  @ApiProperty({ format: 'uuid' }) fileId: string;
  @ApiProperty({ format: 'uuid' }) clientId: string;
  @ApiProperty({ enum: ['CAD'] }) currency: string;
  @ApiProperty({ example: 'CA' }) country: string;
  @ApiProperty({ type: String, nullable: true, example: 'ON' }) province: string | null;
  @ApiProperty({ description: 'The client is outside Canada: the fees may be zero-rated, to be confirmed' })
  zeroRatedCandidate: boolean;
  @ApiProperty() zeroRatedConfirmed: boolean;
  @ApiProperty({ type: [InvoiceLineResponse] }) lines: InvoiceLineResponse[];
  @ApiProperty() subtotalCents: number;
  @ApiProperty({ type: [TaxAmountResponse] }) taxes: TaxAmountResponse[];
  @ApiProperty() taxCents: number;
  @ApiProperty() totalCents: number;
  @ApiProperty() paidCents: number;
  @ApiProperty() balanceCents: number;
  @ApiProperty({ type: [PaymentResponse] }) payments: PaymentResponse[];
  @ApiProperty({ type: String, nullable: true, example: '123456789RT0001' }) gstHstNumber: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1234567890TQ0001' }) qstNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) notes: string | null;
  @ApiProperty({ type: String, nullable: true, example: '2026-12-05' }) issuedOn: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) voidedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) voidReason: string | null;
  @ApiProperty() createdAt: Date;

  static from({ invoice: i, lines, payments }: InvoiceDetail): InvoiceResponse {
    return Object.assign(new InvoiceResponse(), {
      id: i.id,
      number: i.number,
      status: i.status,
      fileId: i.fileId,
      clientId: i.clientId,
      currency: i.currency,
      country: i.country,
      province: i.province,
      zeroRatedCandidate: i.zeroRatedCandidate,
      zeroRatedConfirmed: i.zeroRatedConfirmed,
      lines: lines.map((l) => ({
        kind: l.kind,
        description: l.description,
        quantity: l.quantity,
        unitCents: l.unitCents,
        amountCents: l.amountCents,
        taxCents: l.taxCents,
      })),
      subtotalCents: i.subtotalCents,
      taxes: i.taxes,
      taxCents: i.taxCents,
      totalCents: i.totalCents,
      paidCents: i.paidCents,
      balanceCents: i.totalCents - i.paidCents,
      payments: payments.map((p) => ({
        id: p.id,
        amountCents: p.amountCents,
        method: p.method,
        receivedOn: p.receivedOn,
        reference: p.reference,
        createdAt: p.createdAt,
      })),
      gstHstNumber: i.gstHstNumber,
      qstNumber: i.qstNumber,
      notes: i.notes,
      issuedOn: i.issuedOn,
      voidedAt: i.voidedAt,
      voidReason: i.voidReason,
      createdAt: i.createdAt,
    });
  }
}
