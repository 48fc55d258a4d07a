import { Alert, Dialog, DialogActions, DialogContent, DialogTitle, Stack } from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { errorsOf } from '../common/field-errors';
import { intlLocale } from '../common/fields';
import { today } from '../common/today';
import { apiClient, send } from '../dataProvider';
import { MoneyMovementFields } from './MoneyMovementFields';
import { centsOf, moneyText } from './money';

type Movement = Schemas['AccountMovementDto'];
export type AccountMovementKind = 'deposit' | 'refund';

const METHODS: Movement['method'][] = ['e_transfer', 'card', 'cash', 'cheque'];

/**
 * Money into the client's trust account (an advance payment) or back out to them (a refund). A refund larger
 * than the account holds is refused by the API; its answer shows beside the amount.
 */
export function AccountMovementDialog({
  kind,
  clientId,
  balanceCents,
  onClose,
  onDone,
}: {
  kind: AccountMovementKind | null;
  clientId: string;
  balanceCents: number;
  onClose: () => void;
  onDone: () => void;
}) {
  const translate = useTranslate();
  const locale = useLocale();
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.client_account.${key}`, args);
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<Movement['method']>('e_transfer');
  const [receivedOn, setReceivedOn] = useState(today());
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (kind) {
      setAmount('');
      setMethod('e_transfer');
      setReceivedOn(today());
      setReference('');
      setErrors({});
    }
  }, [kind]);

  async function save(to: AccountMovementKind) {
    const amountCents = centsOf(amount);
    if (amountCents === null || amountCents === 0) {
      setErrors({ amountCents: translate('pd.invoice.amount_invalid') });
      return;
    }
    const body = { amountCents, method, receivedOn, reference: reference.trim() || null };
    setBusy(true);
    setErrors({});
    try {
      const params = { path: { id: clientId } };
      await send(
        to === 'deposit'
          ? apiClient.POST('/api/clients/{id}/account/deposits', { params, body })
          : apiClient.POST('/api/clients/{id}/account/refunds', { params, body }),
      );
      onDone();
    } catch (error) {
      const found = errorsOf(error, translate);
      if ((error as { body?: { code?: string } }).body?.code === 'CLIENT_ACCOUNT_INSUFFICIENT_BALANCE') {
        found.amountCents = t('refund_too_much', { balance: moneyText(balanceCents, intlLocale(locale)) });
      }
      setErrors(Object.keys(found).length > 0 ? found : { form: (error as Error).message });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog
      open={kind !== null}
      onClose={onClose}
      maxWidth="sm"
      fullWidth
      aria-labelledby="account-movement-title"
    >
      <DialogTitle id="account-movement-title">{kind ? t(`${kind}_title`) : ''}</DialogTitle>
      <DialogContent>
        <Stack spacing={2} sx={{ mt: 1 }}>
          {errors.form && (
            <Alert severity="error" role="alert">
              {errors.form}
            </Alert>
          )}
          <MoneyMovementFields
            amountLabel={t('amount')}
            amountHelp={translate('pd.invoice.amount_help')}
            amount={amount}
            onAmount={setAmount}
            methodLabel={t(kind === 'refund' ? 'method_refund' : 'method_deposit')}
            methods={METHODS.map((m) => ({ value: m, label: translate(`pd.invoice.methods.${m}`) }))}
            method={method}
            onMethod={setMethod}
            dateLabel={t(kind === 'refund' ? 'paid_on' : 'received_on')}
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
        {kind && (
          <Button
            label={`pd.client_account.${kind}`}
            variant="contained"
            onClick={() => void save(kind)}
            disabled={busy}
          />
        )}
      </DialogActions>
    </Dialog>
  );
}
