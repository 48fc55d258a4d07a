import {
  compose,
  greeting,
  type ConsultationLanguage,
  type RenderedConsultationEmail,
} from '../consultations/consultation-text';

export interface PaymentReceiptView {
  language: ConsultationLanguage;
  clientName: string;
  firmName?: string | null;
  invoiceNumber: string;
  amountCents: number;
  /** The way it was paid, already in the client's words. */
  method: 'cash' | 'e_transfer' | 'card' | 'cheque' | 'client_account';
  receivedOn: string;
  totalCents: number;
  balanceCents: number;
}

/** Dollars and cents as each language writes them: `$1,234.50` and `1 234,50 $`. */
export function money(cents: number, language: ConsultationLanguage): string {
  return new Intl.NumberFormat(language === 'fr' ? 'fr-CA' : 'en-CA', {
    style: 'currency',
    currency: 'CAD',
  }).format(cents / 100);
}

const WORDS = {
  en: {
    hello: 'Hello',
    subject: (n: string) => `Payment received: invoice ${n}`,
    intro: (firm: string) => `${firm} has received your payment. Thank you. This email is your receipt.`,
    invoice: 'Invoice',
    amount: 'Amount received',
    method: 'Paid by',
    date: 'Date received',
    total: 'Invoice total',
    balance: 'Balance owing',
    paidInFull: 'The invoice is paid in full.',
    firm: 'Your immigration consultant',
    methods: {
      cash: 'Cash',
      e_transfer: 'Interac e-Transfer',
      card: 'Card',
      cheque: 'Cheque',
      client_account: 'Transfer from your client account (advance payment)',
    },
  },
  fr: {
    hello: 'Bonjour',
    subject: (n: string) => `Paiement reçu : facture ${n}`,
    intro: (firm: string) =>
      `${firm} a bien reçu votre paiement. Merci. Ce courriel vous tient lieu de reçu.`,
    invoice: 'Facture',
    amount: 'Montant reçu',
    method: 'Mode de paiement',
    date: 'Date de réception',
    total: 'Total de la facture',
    balance: 'Solde à payer',
    paidInFull: 'La facture est entièrement payée.',
    firm: 'Votre consultant(e) en immigration',
    methods: {
      cash: 'Argent comptant',
      e_transfer: 'Virement Interac',
      card: 'Carte',
      cheque: 'Chèque',
      client_account: 'Virement de votre compte client (avance)',
    },
  },
} as const;

/** How a payment was made, in the client's words (receipts, invoices). */
export function paymentMethodText(
  method: PaymentReceiptView['method'],
  language: ConsultationLanguage,
): string {
  return WORDS[language].methods[method];
}

/** To the client when a payment on one of their invoices is recorded: what was received and what is left. */
export function paymentReceiptEmail(view: PaymentReceiptView): RenderedConsultationEmail {
  const w = WORDS[view.language];
  const m = (cents: number) => money(cents, view.language);
  const { text, html } = compose(view.language, {
    greeting: greeting(w.hello, view.clientName),
    paragraphs: [w.intro(view.firmName || w.firm)],
    rows: [
      [w.invoice, view.invoiceNumber],
      [w.amount, m(view.amountCents)],
      [w.method, w.methods[view.method]],
      [w.date, view.receivedOn],
      [w.total, m(view.totalCents)],
      [w.balance, m(view.balanceCents)],
    ],
    closing: view.balanceCents === 0 ? [w.paidInFull] : [],
  });
  return { subject: w.subject(view.invoiceNumber), text, html };
}
