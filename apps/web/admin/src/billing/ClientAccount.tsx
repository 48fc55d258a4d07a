import {
  Button as MuiButton,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useLocale, useNotify, useRecordContext, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { DayText, intlLocale } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { apiCall } from '../dataProvider';
import { AccountMovementDialog, type AccountMovementKind } from './AccountMovementDialog';
import { moneyText } from './money';
import { mayWriteInvoices } from './status';

type Account = Schemas['ClientAccountResponse'];
type Entry = Schemas['AccountEntryResponse'];

/**
 * The client's trust account (CICC Code s.32) on the client page: what it holds for them now, and every deposit,
 * transfer to an invoice and refund, newest first; writers record deposits and refunds.
 */
export function ClientAccount() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const locale = intlLocale(useLocale());
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.client_account.${key}`, args);
  const [movement, setMovement] = useState<AccountMovementKind | null>(null);
  const [older, setOlder] = useState<{ items: Entry[]; cursor: string | null } | null>(null);
  const path = record ? `/api/clients/${String(record.id)}/account?limit=50` : null;
  const { data, error, reload } = useApi<Account>(path);
  if (!record) {
    return null;
  }
  const entries = [...(data?.items ?? []), ...(older?.items ?? [])];
  const cursor = older ? older.cursor : (data?.nextCursor ?? null);
  const loadOlder = async () => {
    if (path && cursor) {
      const page = await apiCall<Account>(`${path}&cursor=${encodeURIComponent(cursor)}`);
      setOlder({ items: [...(older?.items ?? []), ...page.items], cursor: page.nextCursor });
    }
  };
  return (
    <Section
      title={t('title')}
      action={
        mayWriteInvoices() && (
          <Stack direction="row" spacing={1}>
            <Button
              label="pd.client_account.deposit"
              variant="outlined"
              onClick={() => setMovement('deposit')}
            />
            <Button label="pd.client_account.refund" onClick={() => setMovement('refund')} />
          </Stack>
        )
      }
    >
      {error ? (
        <Empty text={t('failed')} />
      ) : (
        <>
          <Typography variant="body1" sx={{ mb: 1 }} data-testid="client-account-balance">
            {t('balance', { amount: moneyText(data?.balanceCents ?? 0, locale) })}
          </Typography>
          {entries.length === 0 ? (
            <Empty text={t('none')} />
          ) : (
            <Table size="small" aria-label={t('entries')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('date')}</TableCell>
                  <TableCell>{t('kind')}</TableCell>
                  <TableCell>{translate('pd.invoice.method')}</TableCell>
                  <TableCell>{translate('pd.invoice.reference')}</TableCell>
                  <TableCell align="right">{t('amount')}</TableCell>
                  <TableCell align="right">{t('balance_after')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {entries.map((entry) => (
                  <TableRow key={entry.id}>
                    <TableCell>
                      <DayText value={entry.receivedOn} relative={false} />
                    </TableCell>
                    <TableCell>{t(`kinds.${entry.kind}`)}</TableCell>
                    <TableCell>{translate(`pd.invoice.methods.${entry.method}`)}</TableCell>
                    <TableCell>{entry.reference ?? '—'}</TableCell>
                    <TableCell align="right">{moneyText(entry.amountCents, locale)}</TableCell>
                    <TableCell align="right">{moneyText(entry.balanceAfterCents, locale)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          {cursor && (
            <MuiButton onClick={() => void loadOlder()} sx={{ mt: 1 }}>
              {t('older')}
            </MuiButton>
          )}
        </>
      )}
      <AccountMovementDialog
        kind={movement}
        clientId={String(record.id)}
        balanceCents={data?.balanceCents ?? 0}
        onClose={() => setMovement(null)}
        onDone={() => {
          notify(t(movement === 'refund' ? 'refunded' : 'deposited'), { type: 'success' });
          setMovement(null);
          setOlder(null);
          reload();
        }}
      />
    </Section>
  );
}
