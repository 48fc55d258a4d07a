import { Chip, Table, TableBody, TableCell, TableContainer, TableHead, TableRow } from '@mui/material';
import { useLocale, useRecordContext, useTranslate } from 'react-admin';
import { DayText, intlLocale } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import type { Schemas } from '@app/api-client';
import { InvoicePdfButton } from './InvoicePdfButton';

type InvoiceItem = Schemas['InvoiceListItemResponse'];

const STATUS_COLOR = { draft: 'default', issued: 'warning', paid: 'success', void: 'default' } as const;

/** Dollars and cents in the UI's language (an Intl locale: en-CA `$1,234.50`, fr-CA `1 234,50 $`). */
export function moneyText(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

/** The invoices of the file on screen: number, status, total, paid and what is still owed. */
export function FileInvoices() {
  const record = useRecordContext();
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const { data, error } = useApi<{ items: InvoiceItem[] }>(
    record ? `/api/files/${String(record.id)}/invoices?limit=200` : null,
  );
  if (!record) {
    return null;
  }
  const invoices = data?.items ?? [];
  return (
    <Section title={translate('pd.invoices.title')}>
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
                    {invoice.number ?? translate('pd.invoices.unnumbered')}{' '}
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
    </Section>
  );
}
