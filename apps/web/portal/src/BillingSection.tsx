import { useEffect, useState } from 'react';
import { downloadInvoicePdf, portalApi, type PortalAccount, type PortalInvoice } from './api';
import { formatDay, formatMoney, type Lang, type MessageKey, type Translate } from './i18n';

interface Billing {
  invoices: PortalInvoice[];
  account: PortalAccount;
}

/**
 * The client's billing, read only: what they owe, each invoice with its status, receipts and PDF, and the money
 * they paid in advance (their client account, held in trust).
 */
export function BillingSection({ lang, t }: { lang: Lang; t: Translate }) {
  const [billing, setBilling] = useState<Billing | null>(null);
  const [failed, setFailed] = useState(false);
  const [downloadFailed, setDownloadFailed] = useState(false);
  const money = (cents: number) => formatMoney(cents, lang);

  useEffect(() => {
    let live = true;
    void (async () => {
      try {
        const [invoices, account] = await Promise.all([portalApi.invoices(), portalApi.account()]);
        if (live) {
          setBilling({ invoices: invoices.items, account });
        }
      } catch {
        if (live) {
          setFailed(true);
        }
      }
    })();
    return () => {
      live = false;
    };
  }, []);

  const numberOf = (invoiceId: string | null) =>
    billing?.invoices.find((i) => i.id === invoiceId)?.number ?? '—';
  const owing = (billing?.invoices ?? [])
    .filter((i) => i.status === 'issued')
    .reduce((sum, i) => sum + i.balanceCents, 0);

  return (
    <section aria-labelledby="billing-title" data-testid="portal-billing">
      <h2 id="billing-title">{t('billing')}</h2>
      {!billing ? (
        <p role="status" className={failed ? 'error' : undefined}>
          {failed ? t('somethingWrong') : t('loading')}
        </p>
      ) : (
        <>
          <p className="muted">{t('billingIntro')}</p>
          {owing > 0 && <p className="big">{t('owingTotal', money(owing))}</p>}
          {downloadFailed && (
            <p className="error" role="alert">
              {t('somethingWrong')}
            </p>
          )}
          {billing.invoices.length === 0 ? (
            <p>{t('noInvoices')}</p>
          ) : (
            <ul className="plain stack">
              {billing.invoices.map((invoice) => (
                <li key={invoice.id} className="card" data-testid="portal-invoice">
                  <h3 className="file-number">{t('invoiceTitle', invoice.number)}</h3>
                  <p className={`badge badge-invoice-${invoice.status}`}>
                    {t(`invoice_${invoice.status}` as MessageKey)}
                  </p>
                  <p className="muted small">
                    {t('invoiceMeta', invoice.fileNumber, formatDay(invoice.issuedOn, lang))}
                  </p>
                  <dl className="details amounts">
                    <dt>{t('invoiceTotal')}</dt>
                    <dd>{money(invoice.totalCents)}</dd>
                    <dt>{t('invoicePaid')}</dt>
                    <dd>{money(invoice.paidCents)}</dd>
                    {invoice.status !== 'void' && (
                      <>
                        <dt>{t('invoiceBalance')}</dt>
                        <dd>
                          <strong>{money(invoice.balanceCents)}</strong>
                        </dd>
                      </>
                    )}
                  </dl>
                  {invoice.receipts.length > 0 && (
                    <>
                      <h4 className="small">{t('receipts')}</h4>
                      <ul className="plain small">
                        {invoice.receipts.map((r) => (
                          <li key={r.id}>
                            {t(
                              'receipt',
                              formatDay(r.receivedOn, lang),
                              t(`pay_${r.method}` as MessageKey),
                              money(r.amountCents),
                            )}
                          </li>
                        ))}
                      </ul>
                    </>
                  )}
                  <button
                    type="button"
                    className="button secondary"
                    aria-label={t('downloadInvoice', invoice.number)}
                    onClick={() => {
                      setDownloadFailed(false);
                      downloadInvoicePdf(invoice, lang).catch(() => setDownloadFailed(true));
                    }}
                  >
                    {t('downloadPdf')}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <h3 className="account-title">{t('account')}</h3>
          <p data-testid="account-balance">{t('accountBalance', money(billing.account.balanceCents))}</p>
          {billing.account.items.length === 0 ? (
            <p className="muted">{t('noAccountEntries')}</p>
          ) : (
            <ul className="plain small">
              {billing.account.items.map((entry) => (
                <li key={entry.id}>
                  {formatDay(entry.receivedOn, lang)} ·{' '}
                  {entry.kind === 'transfer'
                    ? t('entry_transfer', numberOf(entry.invoiceId))
                    : t(`entry_${entry.kind}` as MessageKey)}{' '}
                  · {money(entry.amountCents)}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
