import { useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { intlLocale } from '../common/fields';
import { useApi } from '../common/useApi';
import { apiClient, send } from '../dataProvider';
import { MoneyMovementDialog } from './MoneyMovementDialog';
import { dollarsOf, moneyText } from './money';

type Invoice = Schemas['InvoiceResponse'];
type Method = Schemas['PaymentMethod'];

const METHODS: Method[] = ['e_transfer', 'card', 'cash', 'cheque', 'client_account'];

/**
 * Records money received against an issued invoice, all of the balance owing or part of it, or moves it from the
 * client's trust account. The API refuses more than is owing (or than the account holds): its answer shows beside
 * the amount.
 */
export function PaymentDialog({
  open,
  invoice,
  onClose,
  onPaid,
}: {
  open: boolean;
  invoice: Invoice;
  onClose: () => void;
  onPaid: (invoice: Invoice) => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const money = (cents: number) => moneyText(cents, intlLocale(locale));
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.invoice.${key}`, args);
  const { data: account } = useApi<Schemas['ClientAccountResponse']>(
    open ? `/api/clients/${invoice.clientId}/account?limit=1` : null,
  );
  return (
    <MoneyMovementDialog
      open={open}
      titleId="payment-dialog-title"
      title={t('payment_title', { number: invoice.number ?? '', balance: money(invoice.balanceCents) })}
      amountLabel={t('payment_amount')}
      amountHelp={t('payment_amount_help', { balance: money(invoice.balanceCents) })}
      initialAmount={dollarsOf(invoice.balanceCents, locale)}
      methodLabel={t('method')}
      methods={METHODS.map((m) => ({
        value: m,
        label:
          m === 'client_account' && account
            ? t('method_account', { balance: money(account.balanceCents) })
            : t(`methods.${m}`),
      }))}
      dateLabel={t('received_on')}
      actionLabel="pd.invoice.record_payment"
      onClose={onClose}
      onSubmit={async (body) =>
        onPaid(
          await send(
            apiClient.POST('/api/invoices/{id}/payments', { params: { path: { id: invoice.id } }, body }),
          ),
        )
      }
      amountRefusal={(code) =>
        code === 'INVOICE_OVERPAYMENT'
          ? t('overpayment', { balance: money(invoice.balanceCents) })
          : code === 'CLIENT_ACCOUNT_INSUFFICIENT_BALANCE'
            ? t('account_short', { balance: money(account?.balanceCents ?? 0) })
            : undefined
      }
    />
  );
}
