import {
  Box,
  Button,
  Chip,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { useLocale, useNotify, useTranslate } from 'react-admin';
import { moneyText } from '../billing/money';
import { intlLocale } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { download } from '../common/download';
import { Bars, query } from './ReportsPage';

interface BillingReportData {
  year: number;
  asOf: string;
  revenue: {
    month: string;
    stream: string;
    invoices: number;
    feesCents: number;
    taxCents: number;
    disbursementsCents: number;
  }[];
  collections: { month: string; billedCents: number; collectedCents: number }[];
  receivables: {
    clients: {
      clientId: string;
      clientName: string;
      invoices: number;
      days0to30Cents: number;
      days31to60Cents: number;
      days61to90Cents: number;
      over90Cents: number;
      totalCents: number;
    }[];
    totals: {
      days0to30Cents: number;
      days31to60Cents: number;
      days61to90Cents: number;
      over90Cents: number;
      totalCents: number;
    };
  };
  trust: { clients: { clientId: string; clientName: string; balanceCents: number }[]; totalCents: number };
}

interface ReconciliationRow {
  clientId: string;
  clientName: string;
  openingCents: number;
  depositsCents: number;
  transfersCents: number;
  refundsCents: number;
  closingCents: number;
  accountClosingCents: number;
  reconciled: boolean;
}

interface Reconciliation {
  month: string;
  clients: ReconciliationRow[];
  totals: Omit<ReconciliationRow, 'clientId' | 'clientName'>;
}

const SECTIONS = ['revenue', 'collections', 'receivables', 'trust'] as const;
const AGE_BUCKETS = ['days0to30Cents', 'days31to60Cents', 'days61to90Cents', 'over90Cents'] as const;
/** The clients shown on screen per table; the CSV has them all. */
const TOP = 10;

function thisMonth(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}

/** The firm's money: revenue, billed against collected, aged receivables, client accounts and their reconciliation. */
export function BillingReport() {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const notify = useNotify();
  const [year, setYear] = useState(String(new Date().getFullYear()));
  const [month, setMonth] = useState(thisMonth());
  const report = useApi<BillingReportData>(
    /^\d{4}$/.test(year) ? `/api/reports/billing${query({ year })}` : null,
  );
  const reconciliation = useApi<Reconciliation>(
    /^\d{4}-\d{2}$/.test(month) ? `/api/reports/client-accounts${query({ month })}` : null,
  );
  const money = (cents: number) => moneyText(cents, locale);
  const downloadCsv = (url: string, fallback: string) =>
    download(url, fallback, 'text/csv').catch(() =>
      notify(translate('pd.reports.csv_failed'), { type: 'error' }),
    );

  const r = report.data;
  const rec = reconciliation.data;
  return (
    <>
      <Section
        title={translate('pd.reports.billing.title')}
        action={
          <Box sx={{ display: 'flex', gap: 0.5, flexWrap: 'wrap' }}>
            {SECTIONS.map((section) => (
              <Button
                key={section}
                size="small"
                startIcon={<DownloadIcon />}
                onClick={() =>
                  void downloadCsv(
                    `/api/reports/billing${query({ year, format: 'csv', section })}`,
                    `billing-${section}-${year}.csv`,
                  )
                }
              >
                {translate(`pd.reports.billing.csv_${section}`)}
              </Button>
            ))}
          </Box>
        }
      >
        <TextField
          label={translate('pd.reports.year')}
          value={year}
          onChange={(e) => setYear(e.target.value)}
          size="small"
          sx={{ width: 120, mb: 2 }}
        />
        {report.error && <Empty text={report.error.message} />}
        {r && (
          <Box
            sx={{ display: 'grid', gridTemplateColumns: { md: '1fr 1fr' }, gap: 3 }}
            data-testid="billing-report"
          >
            <Box>
              <Typography variant="h6" component="h3">
                {translate('pd.reports.billing.revenue')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('pd.reports.billing.revenue_help')}
              </Typography>
              <Bars
                label={translate('pd.reports.billing.revenue')}
                format={money}
                rows={r.revenue.map((row) => ({
                  key: `${row.month}-${row.stream}`,
                  label: `${row.month} ${row.stream}`,
                  value: row.feesCents,
                }))}
              />
            </Box>
            <Box>
              <Typography variant="h6" component="h3" sx={{ mb: 1 }}>
                {translate('pd.reports.billing.collections')}
              </Typography>
              <TableContainer>
                <Table size="small" aria-label={translate('pd.reports.billing.collections')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('pd.reports.billing.month')}</TableCell>
                      <TableCell align="right">{translate('pd.reports.billing.billed')}</TableCell>
                      <TableCell align="right">{translate('pd.reports.billing.collected')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {r.collections
                      .filter((row) => row.billedCents !== 0 || row.collectedCents !== 0)
                      .map((row) => (
                        <TableRow key={row.month}>
                          <TableCell>{row.month}</TableCell>
                          <TableCell align="right">{money(row.billedCents)}</TableCell>
                          <TableCell align="right">{money(row.collectedCents)}</TableCell>
                        </TableRow>
                      ))}
                  </TableBody>
                </Table>
              </TableContainer>
            </Box>
            <Box>
              <Typography variant="h6" component="h3">
                {translate('pd.reports.billing.receivables')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('pd.reports.billing.receivables_help', {
                  asOf: r.asOf,
                  total: money(r.receivables.totals.totalCents),
                })}
              </Typography>
              <Bars
                label={translate('pd.reports.billing.receivables')}
                format={money}
                rows={AGE_BUCKETS.map((bucket) => ({
                  key: bucket,
                  label: translate(`pd.reports.billing.${bucket}`),
                  value: r.receivables.totals[bucket],
                }))}
              />
              {r.receivables.clients.length > 0 && (
                <Table size="small" sx={{ mt: 1 }} aria-label={translate('pd.reports.billing.owing_clients')}>
                  <TableHead>
                    <TableRow>
                      <TableCell>{translate('pd.reports.billing.owing_clients')}</TableCell>
                      <TableCell align="right">{translate('pd.reports.billing.over90Cents')}</TableCell>
                      <TableCell align="right">{translate('pd.reports.billing.total')}</TableCell>
                    </TableRow>
                  </TableHead>
                  <TableBody>
                    {r.receivables.clients.slice(0, TOP).map((row) => (
                      <TableRow key={row.clientId}>
                        <TableCell>{row.clientName}</TableCell>
                        <TableCell align="right">{money(row.over90Cents)}</TableCell>
                        <TableCell align="right">{money(row.totalCents)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Box>
            <Box>
              <Typography variant="h6" component="h3">
                {translate('pd.reports.billing.trust')}
              </Typography>
              <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                {translate('pd.reports.billing.trust_help', { total: money(r.trust.totalCents) })}
              </Typography>
              {r.trust.clients.length === 0 ? (
                <Empty text={translate('pd.reports.billing.trust_none')} />
              ) : (
                <Table size="small" aria-label={translate('pd.reports.billing.trust')}>
                  <TableBody>
                    {r.trust.clients.slice(0, TOP).map((row) => (
                      <TableRow key={row.clientId}>
                        <TableCell>{row.clientName}</TableCell>
                        <TableCell align="right">{money(row.balanceCents)}</TableCell>
                      </TableRow>
                    ))}
                  </TableBody>
                </Table>
              )}
            </Box>
          </Box>
        )}
      </Section>
      <Section
        title={translate('pd.reports.billing.reconciliation')}
        action={
          <Button
            size="small"
            startIcon={<DownloadIcon />}
            onClick={() =>
              void downloadCsv(
                `/api/reports/client-accounts${query({ month, format: 'csv' })}`,
                `client-accounts-${month}.csv`,
              )
            }
          >
            CSV
          </Button>
        }
      >
        <TextField
          label={translate('pd.reports.billing.month')}
          type="month"
          value={month}
          onChange={(e) => setMonth(e.target.value)}
          size="small"
          sx={{ width: 180, mb: 2 }}
          slotProps={{ inputLabel: { shrink: true } }}
        />
        {reconciliation.error && <Empty text={reconciliation.error.message} />}
        {rec && rec.clients.length === 0 && (
          <Empty text={translate('pd.reports.billing.reconciliation_none')} />
        )}
        {rec && rec.clients.length > 0 && (
          <Box
            sx={{ overflowX: 'auto' }}
            tabIndex={0}
            role="region"
            aria-label={translate('pd.reports.billing.reconciliation')}
          >
            <Table size="small" data-testid="reconciliation">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('pd.reports.billing.client')}</TableCell>
                  <TableCell align="right">{translate('pd.reports.billing.opening')}</TableCell>
                  <TableCell align="right">{translate('pd.reports.billing.deposits')}</TableCell>
                  <TableCell align="right">{translate('pd.reports.billing.transfers')}</TableCell>
                  <TableCell align="right">{translate('pd.reports.billing.refunds')}</TableCell>
                  <TableCell align="right">{translate('pd.reports.billing.closing')}</TableCell>
                  <TableCell align="right">{translate('pd.reports.billing.account_balance')}</TableCell>
                  <TableCell>{translate('pd.reports.billing.reconciled')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {[
                  ...rec.clients,
                  { ...rec.totals, clientId: '', clientName: translate('pd.reports.billing.all_clients') },
                ].map((row) => (
                  <TableRow key={row.clientId || 'totals'}>
                    <TableCell>{row.clientName}</TableCell>
                    <TableCell align="right">{money(row.openingCents)}</TableCell>
                    <TableCell align="right">{money(row.depositsCents)}</TableCell>
                    <TableCell align="right">{money(row.transfersCents)}</TableCell>
                    <TableCell align="right">{money(row.refundsCents)}</TableCell>
                    <TableCell align="right">{money(row.closingCents)}</TableCell>
                    <TableCell align="right">{money(row.accountClosingCents)}</TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={row.reconciled ? 'success' : 'error'}
                        label={translate(row.reconciled ? 'pd.reports.billing.yes' : 'pd.reports.billing.no')}
                      />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </Section>
    </>
  );
}
