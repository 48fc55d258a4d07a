import {
  Alert,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Button, useLocale, useNotify, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { DayText, intlLocale } from '../common/fields';
import { friendlyMessage } from '../common/field-errors';
import { useApi } from '../common/useApi';
import { apiClient, send } from '../dataProvider';
import { ReasonDialog } from '../documents/ReasonDialog';
import { InvoiceEditor } from './InvoiceEditor';
import { moneyText, rateText } from './money';
import { PaymentDialog } from './PaymentDialog';
import { STATUS_COLOR, mayWriteInvoices } from './status';

type Invoice = Schemas['InvoiceResponse'];

/**
 * One invoice in full (lines with their tax, taxes by kind and rate, payments, balance owing) and what may be done
 * with it now: a draft is changed, issued (numbered) or voided; an issued one takes payments, or is voided while
 * nothing is paid on it. Assistants read only.
 */
export function InvoiceDetails({
  invoiceId,
  clientId,
  onClose,
  onChanged,
}: {
  invoiceId: string;
  clientId: string;
  onClose: () => void;
  onChanged: () => void;
}) {
  const translate = useTranslate();
  const notify = useNotify();
  const locale = useLocale();
  const money = (cents: number) => moneyText(cents, intlLocale(locale));
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.invoice.${key}`, args);
  const { data: invoice, error, reload } = useApi<Invoice>(`/api/invoices/${invoiceId}`);
  const [dialog, setDialog] = useState<'edit' | 'pay' | 'void' | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const changed = (message: string) => {
    notify(message, { type: 'success' });
    setDialog(null);
    setFailure(null);
    reload();
    onChanged();
  };

  async function issue(id: string) {
    setBusy(true);
    setFailure(null);
    try {
      const issued = await send(apiClient.POST('/api/invoices/{id}/issue', { params: { path: { id } } }));
      changed(t('issued', { number: issued.number ?? '' }));
    } catch (e) {
      const code = (e as { body?: { code?: string } }).body?.code;
      setFailure(
        code === 'INVOICE_ZERO_RATING_UNCONFIRMED'
          ? t('zero_rating_needed')
          : code === 'INVOICE_TAX_NUMBER_MISSING'
            ? t('tax_number_missing')
            : friendlyMessage((e as Error).message, translate),
      );
    } finally {
      setBusy(false);
    }
  }

  async function voidIt(id: string, reason: string): Promise<Record<string, string> | null> {
    try {
      await send(apiClient.POST('/api/invoices/{id}/void', { params: { path: { id } }, body: { reason } }));
      changed(t('voided'));
      return null;
    } catch (e) {
      return { reason: friendlyMessage((e as Error).message, translate) };
    }
  }

  const title = invoice ? (invoice.number ?? t('draft_title')) : t('loading');
  const writer = mayWriteInvoices();
  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="invoice-details-title">
      <DialogTitle id="invoice-details-title" sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <span>{title}</span>
        {invoice && (
          <Chip
            size="small"
            color={STATUS_COLOR[invoice.status]}
            label={translate(`pd.invoices.statuses.${invoice.status}`)}
          />
        )}
      </DialogTitle>
      <DialogContent>
        {error && <Alert severity="error">{translate('pd.invoices.failed')}</Alert>}
        {failure && (
          <Alert severity="error" role="alert" sx={{ mb: 2 }} data-testid="invoice-failure">
            {failure}
          </Alert>
        )}
        {invoice && (
          <Stack spacing={2}>
            <Typography variant="body2" color="text.secondary">
              {invoice.issuedOn ? (
                <>
                  {t('issued_on')} <DayText value={invoice.issuedOn} relative={false} />
                </>
              ) : (
                t('draft_help')
              )}
              {' · '}
              {invoice.province
                ? t('place_province', { province: invoice.province })
                : t('place_country', { country: invoice.country })}
            </Typography>
            {invoice.zeroRatedCandidate && (
              <Alert
                severity={invoice.zeroRatedConfirmed ? 'info' : 'warning'}
                data-testid="zero-rating-status"
              >
                {t(invoice.zeroRatedConfirmed ? 'zero_rating_confirmed' : 'zero_rating_unconfirmed')}
              </Alert>
            )}
            {invoice.status === 'void' && (
              <Alert severity="info">{t('void_reason', { reason: invoice.voidReason ?? '' })}</Alert>
            )}
            <Table size="small" aria-label={t('lines')}>
              <TableHead>
                <TableRow>
                  <TableCell>{t('description')}</TableCell>
                  <TableCell>{t('kind')}</TableCell>
                  <TableCell align="right">{t('quantity')}</TableCell>
                  <TableCell align="right">{t('unit')}</TableCell>
                  <TableCell align="right">{t('amount')}</TableCell>
                  <TableCell align="right">{t('tax')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {invoice.lines.map((line, index) => (
                  <TableRow key={index}>
                    <TableCell>{line.description}</TableCell>
                    <TableCell>{t(`kinds.${line.kind}`)}</TableCell>
                    <TableCell align="right">{line.quantity}</TableCell>
                    <TableCell align="right">{money(line.unitCents)}</TableCell>
                    <TableCell align="right">{money(line.amountCents)}</TableCell>
                    <TableCell align="right">{money(line.taxCents)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            <Table size="small" aria-label={t('totals')} sx={{ maxWidth: 420, alignSelf: 'flex-end' }}>
              <TableBody>
                <TotalRow label={t('subtotal')} value={money(invoice.subtotalCents)} />
                {invoice.taxes.map((tax) => (
                  <TotalRow
                    key={tax.kind}
                    label={`${tax.kind} ${rateText(tax.rate, locale)}`}
                    value={money(tax.cents)}
                  />
                ))}
                {invoice.taxes.length === 0 && <TotalRow label={t('no_tax')} value={money(0)} />}
                <TotalRow label={t('total')} value={money(invoice.totalCents)} strong />
                <TotalRow label={translate('pd.invoices.paid')} value={money(invoice.paidCents)} />
                {invoice.status !== 'void' && (
                  <TotalRow
                    label={translate('pd.invoices.balance')}
                    value={money(invoice.balanceCents)}
                    strong
                  />
                )}
              </TableBody>
            </Table>
            {invoice.payments.length > 0 && (
              <Table size="small" aria-label={t('payments')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('received_on')}</TableCell>
                    <TableCell>{t('method')}</TableCell>
                    <TableCell>{t('reference')}</TableCell>
                    <TableCell align="right">{t('amount')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {invoice.payments.map((payment) => (
                    <TableRow key={payment.id}>
                      <TableCell>
                        <DayText value={payment.receivedOn} relative={false} />
                      </TableCell>
                      <TableCell>{t(`methods.${payment.method}`)}</TableCell>
                      <TableCell>{payment.reference ?? '—'}</TableCell>
                      <TableCell align="right">{money(payment.amountCents)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </Stack>
        )}
      </DialogContent>
      <DialogActions sx={{ flexWrap: 'wrap', gap: 1 }}>
        {invoice && writer && invoice.status === 'draft' && (
          <>
            <Button label="pd.invoice.edit" onClick={() => setDialog('edit')} />
            <Button
              label="pd.invoice.issue"
              variant="contained"
              disabled={busy}
              onClick={() => void issue(invoice.id)}
            />
          </>
        )}
        {invoice && writer && invoice.status === 'issued' && (
          <Button label="pd.invoice.record_payment" variant="contained" onClick={() => setDialog('pay')} />
        )}
        {invoice &&
          writer &&
          (invoice.status === 'draft' || (invoice.status === 'issued' && invoice.paidCents === 0)) && (
            <Button label="pd.invoice.void" color="error" onClick={() => setDialog('void')} />
          )}
        <Button label="ra.action.close" onClick={onClose} />
      </DialogActions>
      {invoice && (
        <>
          <InvoiceEditor
            open={dialog === 'edit'}
            fileId={invoice.fileId}
            clientId={clientId}
            draft={invoice}
            onClose={() => setDialog(null)}
            onSaved={() => changed(t('saved'))}
          />
          <PaymentDialog
            open={dialog === 'pay'}
            invoice={invoice}
            onClose={() => setDialog(null)}
            onPaid={(paid) => changed(t(paid.status === 'paid' ? 'paid_in_full' : 'payment_recorded'))}
          />
          <ReasonDialog
            open={dialog === 'void'}
            title={t('void_title', { number: invoice.number ?? t('draft_title') })}
            help={t('void_help')}
            confirmLabel="pd.invoice.void"
            onConfirm={(reason) => voidIt(invoice.id, reason)}
            onClose={() => setDialog(null)}
          />
        </>
      )}
    </Dialog>
  );
}

function TotalRow({ label, value, strong = false }: { label: string; value: string; strong?: boolean }) {
  const weight = strong ? 600 : undefined;
  return (
    <TableRow>
      <TableCell component="th" scope="row" sx={{ fontWeight: weight }}>
        {label}
      </TableCell>
      <TableCell align="right" sx={{ fontWeight: weight }}>
        {value}
      </TableCell>
    </TableRow>
  );
}
