import { Chip, Link, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useState } from 'react';
import { Button, useLocale, useNotify, useRecordContext, useTranslate } from 'react-admin';
import { DayText, intlLocale } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';
import { InvoiceDetails } from './InvoiceDetails';
import { InvoiceEditor } from './InvoiceEditor';
import { InvoicePdfButton } from './InvoicePdfButton';
import { moneyText } from './money';
import { STATUS_COLOR, mayWriteInvoices } from './status';

type InvoiceItem = Schemas['InvoiceListItemResponse'];

// Kept here too for the screens that import it from this file.
export { moneyText };

/**
 * The invoices of the file on screen: number, status, total, paid and what is still owed, with what the file still
 * owes in all. A number opens the invoice (issue, payments, void); writers draft new ones.
 */
export function FileInvoices() {
  const record = useRecordContext();
  const translate = useTranslate();
  const notify = useNotify();
  const locale = intlLocale(useLocale());
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const { data, error, reload } = useApi<{ items: InvoiceItem[] }>(
    record ? `/api/files/${String(record.id)}/invoices?limit=200` : null,
  );
  if (!record) {
    return null;
  }
  const clientId = (record.client as { id: string }).id;
  const invoices = data?.items ?? [];
  const owing = invoices.reduce((sum, i) => sum + (i.status === 'issued' ? i.balanceCents : 0), 0);
  return (
    <Section
      title={translate('pd.invoices.title')}
      action={
        mayWriteInvoices() && (
          <Button label="pd.invoice.new" variant="outlined" onClick={() => setCreating(true)} />
        )
      }
    >
      {invoices.length > 0 && (
        <Empty text={translate('pd.invoice.file_owing', { amount: moneyText(owing, locale) })} />
      )}
      {error ? (
        <Empty text={translate('pd.invoices.failed')} />
      ) : invoices.length === 0 ? (
        <Empty text={translate('pd.invoices.none')} />
      ) : (
        <TableContainer>
          <Table size="small">
            <TableHead>
              <TableRow>
                <TableCell>{translate('pd.invoices.number')}</TableCell>
                <TableCell>{translate('pd.invoices.issuedOn')}</TableCell>
                <TableCell>{translate('pd.invoices.status')}</TableCell>
                <TableCell align="right">{translate('pd.invoices.total')}</TableCell>
                <TableCell align="right">{translate('pd.invoices.paid')}</TableCell>
                <TableCell align="right">{translate('pd.invoices.balance')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {invoices.map((invoice) => (
                <TableRow key={invoice.id}>
                  <TableCell>
                    <Link component="button" type="button" onClick={() => setOpenId(invoice.id)}>
                      {invoice.number ?? translate('pd.invoices.unnumbered')}
                    </Link>{' '}
                    <InvoicePdfButton invoice={invoice} />
                  </TableCell>
                  <TableCell>{invoice.issuedOn ? <DayText value={invoice.issuedOn} /> : '—'}</TableCell>
                  <TableCell>
                    <Chip
                      size="small"
                      color={STATUS_COLOR[invoice.status]}
                      label={translate(`pd.invoices.statuses.${invoice.status}`)}
                    />
                  </TableCell>
                  <TableCell align="right">{moneyText(invoice.totalCents, locale)}</TableCell>
                  <TableCell align="right">{moneyText(invoice.paidCents, locale)}</TableCell>
                  <TableCell align="right">
                    {invoice.status === 'void' ? '—' : moneyText(invoice.balanceCents, locale)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </TableContainer>
      )}
      <InvoiceEditor
        open={creating}
        fileId={String(record.id)}
        clientId={clientId}
        onClose={() => setCreating(false)}
        onSaved={(created) => {
          setCreating(false);
          notify(translate('pd.invoice.created'), { type: 'success' });
          reload();
          setOpenId(created.id);
        }}
      />
      {openId && (
        <InvoiceDetails
          invoiceId={openId}
          clientId={clientId}
          onClose={() => setOpenId(null)}
          onChanged={reload}
        />
      )}
    </Section>
  );
}
