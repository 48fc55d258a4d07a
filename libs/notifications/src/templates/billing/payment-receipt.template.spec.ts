import { money, paymentReceiptEmail, type PaymentReceiptView } from './payment-receipt.template';

const VIEW: PaymentReceiptView = {
  language: 'en',
  clientName: 'Priya',
  firmName: 'Maple Leaf Immigration',
  invoiceNumber: 'INV-2026-00007',
  amountCents: 123_450,
  method: 'client_account',
  receivedOn: '2026-12-05',
  totalCents: 185_000,
  balanceCents: 61_550,
};

describe('payment receipt email', () => {
  it('says what was received and what is owing, in English', () => {
    const email = paymentReceiptEmail(VIEW);
    expect(email.subject).toBe('Payment received: invoice INV-2026-00007');
    expect(email.text).toContain('Amount received: $1,234.50');
    expect(email.text).toContain('Balance owing: $615.50');
    expect(email.text).toContain('Transfer from your client account');
    expect(email.text).not.toContain('paid in full');
  });

  it('writes French amounts the French way, with no English left', () => {
    const email = paymentReceiptEmail({ ...VIEW, language: 'fr', balanceCents: 0 });
    expect(email.subject).toBe('Paiement reçu : facture INV-2026-00007');
    expect(email.text).toMatch(/Montant reçu : 1\s234,50\s\$/);
    expect(email.text).toContain('La facture est entièrement payée.');
    for (const word of ['Hello', 'Amount', 'Balance', 'Invoice', 'Paid by']) {
      expect(email.text).not.toContain(word);
    }
  });

  it('formats cents without float drift', () => {
    expect(money(10, 'en')).toBe('$0.10');
    expect(money(100_000_001, 'en')).toBe('$1,000,000.01');
  });
});
