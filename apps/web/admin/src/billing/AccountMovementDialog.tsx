import { useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { intlLocale } from '../common/fields';
import { apiClient, send } from '../dataProvider';
import { MoneyMovementDialog } from './MoneyMovementDialog';
import { moneyText } from './money';

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
  // The dialog is closed while there is no kind; its labels then read as a deposit's.
  const shown = kind ?? 'deposit';
  return (
    <MoneyMovementDialog
      open={kind !== null}
      titleId="account-movement-title"
      title={kind ? t(`${kind}_title`) : ''}
      amountLabel={t('amount')}
      amountHelp={translate('pd.invoice.amount_help')}
      methodLabel={t(shown === 'refund' ? 'method_refund' : 'method_deposit')}
      methods={METHODS.map((m) => ({ value: m, label: translate(`pd.invoice.methods.${m}`) }))}
      dateLabel={t(shown === 'refund' ? 'paid_on' : 'received_on')}
      actionLabel={`pd.client_account.${shown}`}
      onClose={onClose}
      onSubmit={async (body) => {
        const params = { path: { id: clientId } };
        await send(
          shown === 'deposit'
            ? apiClient.POST('/api/clients/{id}/account/deposits', { params, body })
            : apiClient.POST('/api/clients/{id}/account/refunds', { params, body }),
        );
        onDone();
      }}
      amountRefusal={(code) =>
        code === 'CLIENT_ACCOUNT_INSUFFICIENT_BALANCE'
          ? t('refund_too_much', { balance: moneyText(balanceCents, intlLocale(locale)) })
          : undefined
      }
    />
  );
}
