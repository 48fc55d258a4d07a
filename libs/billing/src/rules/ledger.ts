/** What an invoice's status becomes once `paidCents` of `totalCents` is paid. */
export function statusAfterPayment(paidCents: number, totalCents: number): 'issued' | 'paid' {
  return paidCents >= totalCents ? 'paid' : 'issued';
}

/** What is still owed, or why `amountCents` cannot be taken: more than the balance owing. */
export function overpayment(amountCents: number, totalCents: number, paidCents: number): number | null {
  const owing = totalCents - paidCents;
  return amountCents > owing ? owing : null;
}
