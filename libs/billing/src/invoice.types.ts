import type { InvoiceLineEntity, InvoiceLineKind } from './entities/invoice-line.entity';
import type { InvoiceEntity } from './entities/invoice.entity';
import type { PaymentEntity, PaymentMethod } from './entities/payment.entity';

export interface InvoiceLineInput {
  kind: InvoiceLineKind;
  description: string;
  quantity: number;
  unitCents: number;
}

export interface DraftInvoiceInput {
  lines: InvoiceLineInput[];
  /** ISO 3166-1 alpha-2; absent: the client's country of residence, or CA. */
  country?: string;
  /** The client's province or territory: required in Canada, refused outside it. */
  province?: string | null;
  zeroRatedConfirmed?: boolean;
  notes?: string | null;
  currency?: string;
}

export type UpdateDraftInput = Partial<DraftInvoiceInput>;

export interface PaymentInput {
  amountCents: number;
  method: PaymentMethod;
  receivedOn: string;
  reference?: string | null;
}

/** An invoice with its lines and payments, as the API returns one. */
export interface InvoiceDetail {
  invoice: InvoiceEntity;
  lines: InvoiceLineEntity[];
  payments: PaymentEntity[];
}
