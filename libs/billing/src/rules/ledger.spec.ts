import { overpayment, statusAfterPayment } from './ledger';

describe('payments against an invoice', () => {
  it('is paid once the payments reach the total', () => {
    expect(statusAfterPayment(9_999, 10_000)).toBe('issued');
    expect(statusAfterPayment(10_000, 10_000)).toBe('paid');
  });

  it('refuses a payment above the balance owing, and says what is owed', () => {
    expect(overpayment(5_000, 10_000, 5_000)).toBeNull();
    expect(overpayment(5_001, 10_000, 5_000)).toBe(5_000);
  });
});
