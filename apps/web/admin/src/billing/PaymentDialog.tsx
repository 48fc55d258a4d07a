import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { errorsOf } from '../common/field-errors';
import { intlLocale } from '../common/fields';
import { today } from '../common/today';
import { useApi } from '../common/useApi';
import { apiClient, send } from '../dataProvider';
import { MoneyMovementFields } from './MoneyMovementFields';
import { centsOf, dollarsOf, moneyText } from './money';

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
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<Method>('e_transfer');
  const [receivedOn, setReceivedOn] = useState(today());
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (open) {
      setAmount(dollarsOf(invoice.balanceCents, locale));
      setMethod('e_transfer');
      setReceivedOn(today());
      setReference('');
      setErrors({});
    }
  }, [open, invoice.balanceCents, locale]);

  async function pay() {
    const amountCents = centsOf(amount);
    if (amountCents === null || amountCents === 0) {
      setErrors({ amountCents: t('amount_invalid') });
      return;
    }
    setBusy(true);
    setErrors({});
    try {
      const paid = await send(
        apiClient.POST('/api/invoices/{id}/payments', {
          params: { path: { id: invoice.id } },
          body: { amountCents, method, receivedOn, reference: reference.trim() || null },
        }),
      );
      onPaid(paid);
    } catch (error) {
      const code = (error as { body?: { code?: string } }).body?.code;
      const found = errorsOf(error, translate);
      if (code === 'INVOICE_OVERPAYMENT') {
        found.amountCents = t('overpayment', { balance: money(invoice.balanceCents) });
      } else if (code === 'CLIENT_ACCOUNT_INSUFFICIENT_BALANCE') {
        found.amountCents = t('account_short', { balance: money(account?.balanceCents ?? 0) });
      }
      setErrors(Object.keys(found).length > 0 ? found : { form: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog open={open} onClose={onClose} maxWidth="sm" fullWidth aria-labelledby="payment-dialog-title">
      <DialogTitle id="payment-dialog-title">
        {t('payment_title', { number: invoice.number ?? '', balance: money(invoice.balanceCents) })}
      </DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {errors.form && (
            <Alert severity="error" role="alert">
              {errors.form}
            </Alert>
          )}
          <MoneyMovementFields
            amountLabel={t('payment_amount')}
            amountHelp={t('payment_amount_help', { balance: money(invoice.balanceCents) })}
            amount={amount}
            onAmount={setAmount}
            methodLabel={t('method')}
            methods={METHODS.map((m) => ({
              value: m,
              label:
                m === 'client_account' && account
                  ? t('method_account', { balance: money(account.balanceCents) })
                  : t(`methods.${m}`),
            }))}
            method={method}
            onMethod={setMethod}
            dateLabel={t('received_on')}
            date={receivedOn}
            onDate={setReceivedOn}
            reference={reference}
            onReference={setReference}
            errors={errors}
          />
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button label="ra.action.cancel" onClick={onClose} />
        <Button
          label="pd.invoice.record_payment"
          variant="contained"
          onClick={() => void pay()}
          disabled={busy}
        />
      </DialogActions>
    </Dialog>
  );
}
