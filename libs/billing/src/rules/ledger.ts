/** What a client-account (trust) entry does to the balance: deposits add, transfers and refunds take away. */
export type AccountEntryKind = 'deposit' | 'transfer' | 'refund';

export function signedAmount(kind: AccountEntryKind, amountCents: number): number {
  return kind === 'deposit' ? amountCents : -amountCents;
}

/** What an invoice's status becomes once `paidCents` of `totalCents` is paid. */
export function statusAfterPayment(paidCents: number, totalCents: number): 'issued' | 'paid' {
  return paidCents >= totalCents ? 'paid' : 'issued';
}
