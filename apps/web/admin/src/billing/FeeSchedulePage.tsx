import {
  Alert,
  Button,
  Chip,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { Title, useLocale, useTranslate } from 'react-admin';
import type { Schemas } from '@app/api-client';
import { intlLocale } from '../common/fields';
import { Empty, Section } from '../common/Section';
import { useApi } from '../common/useApi';
import { FeeServiceForm } from './FeeServiceForm';
import { moneyText } from './FileInvoices';

type Service = Schemas['FeeScheduleServiceResponse'];
type GovernmentFees = Schemas['GovernmentFeesResponse'];

/** The firm's fee schedule (GET /api/fee-schedule; admins add and change services): Settings → Fee schedule. */
export function FeeSchedulePage() {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  const french = locale === 'fr-CA';
  const t = (key: string, args?: Record<string, unknown>) => translate(`pd.fee_schedule.${key}`, args);
  const { data, error, reload } = useApi<Schemas['FeeScheduleResponse']>('/api/fee-schedule');
  const fees = useApi<GovernmentFees>('/api/reference/government-fees');
  // null: no form open; 'new': adding a service; otherwise the service being changed.
  const [editing, setEditing] = useState<Service | 'new' | null>(null);
  const feeName = (key: string) => {
    const fee = fees.data?.items.find((f) => f.key === key);
    return fee ? (french ? fee.nameFr : fee.name) : key;
  };
  const services = data?.items ?? [];
  return (
    <>
      <Title title={t('title')} />
      <Section
        title={t('title')}
        action={
          editing === null && (
            <Button variant="contained" size="small" onClick={() => setEditing('new')}>
              {t('add')}
            </Button>
          )
        }
      >
        <Stack spacing={2}>
          <Typography variant="body2">{t('help')}</Typography>
          {error && <Alert severity="error">{error.message}</Alert>}
          {editing !== null && fees.data && (
            <FeeServiceForm
              key={editing === 'new' ? 'new' : editing.id}
              service={editing === 'new' ? null : editing}
              governmentFees={fees.data.items}
              onSaved={() => {
                setEditing(null);
                reload();
              }}
              onCancel={() => setEditing(null)}
            />
          )}
          {data && services.length === 0 && <Empty text={t('none')} />}
          {services.length > 0 && (
            <TableContainer>
              <Table size="small" aria-label={t('title')}>
                <TableHead>
                  <TableRow>
                    <TableCell>{t('service')}</TableCell>
                    <TableCell>{t('stream')}</TableCell>
                    <TableCell align="right">{t('fee_column')}</TableCell>
                    <TableCell>{t('milestones')}</TableCell>
                    <TableCell>{t('government_fees')}</TableCell>
                    <TableCell>{t('status')}</TableCell>
                    <TableCell>
                      <span className="visually-hidden">{t('actions')}</span>
                    </TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {services.map((service) => (
                    <TableRow key={service.id}>
                      <TableCell>
                        {french ? service.nameFr : service.name}
                        <Typography variant="caption" component="div" color="text.secondary">
                          {french ? service.name : service.nameFr}
                        </Typography>
                      </TableCell>
                      <TableCell>{service.stream ?? t('stream_any')}</TableCell>
                      <TableCell align="right">{moneyText(service.professionalFeeCents, locale)}</TableCell>
                      <TableCell>
                        {service.milestones.map((m) => (
                          <div key={m.position}>
                            {french ? m.labelFr : m.label} — {moneyText(m.amountCents, locale)}
                          </div>
                        ))}
                      </TableCell>
                      <TableCell>{service.governmentFeeKeys.map(feeName).join(', ') || '—'}</TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          color={service.active ? 'success' : 'default'}
                          label={service.active ? t('active') : t('inactive')}
                        />
                      </TableCell>
                      <TableCell>
                        <Button
                          size="small"
                          aria-label={t('edit_named', { name: service.name })}
                          onClick={() => setEditing(service)}
                        >
                          {t('edit')}
                        </Button>
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
          )}
        </Stack>
      </Section>
    </>
  );
}
