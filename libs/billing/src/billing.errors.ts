import { DomainError } from '@app/shared';

export enum BillingErrorCode {
  InvoiceNotFound = 'INVOICE_NOT_FOUND',
  /** Only a draft can be changed or issued. */
  InvoiceNotDraft = 'INVOICE_NOT_DRAFT',
  /** Payments go only to an issued, not yet paid invoice. */
  InvoiceNotPayable = 'INVOICE_NOT_PAYABLE',
  InvoiceNotVoidable = 'INVOICE_NOT_VOIDABLE',
  Overpayment = 'INVOICE_OVERPAYMENT',
  TaxNumberMissing = 'INVOICE_TAX_NUMBER_MISSING',
  ZeroRatingUnconfirmed = 'INVOICE_ZERO_RATING_UNCONFIRMED',
  InsufficientBalance = 'CLIENT_ACCOUNT_INSUFFICIENT_BALANCE',
  FeeScheduleServiceNotFound = 'FEE_SCHEDULE_SERVICE_NOT_FOUND',
  /** Another service of the fee schedule has this name (case aside). */
  FeeScheduleNameTaken = 'FEE_SCHEDULE_SERVICE_NAME_TAKEN',
}

export class BillingError extends DomainError<BillingErrorCode> {
  static invoiceNotFound(): BillingError {
    return new BillingError(BillingErrorCode.InvoiceNotFound, 'No invoice with this id');
  }

  static insufficientBalance(amountCents: number): BillingError {
    return new BillingError(
      BillingErrorCode.InsufficientBalance,
      `The client account holds less than the ${amountCents} cents asked for; deposit first or take less`,
      { amountCents: ['is more than the client account holds'] },
    );
  }
}
