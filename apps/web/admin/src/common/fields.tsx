import { Box, Chip, type ChipProps } from '@mui/material';
import { Link } from 'react-router-dom';
import { useCreatePath, useLocale, useRecordContext, useResourceContext, useTranslate } from 'react-admin';
import { intlLocale } from '../../../shared/i18n';
import { dayOf, formatDate, formatDateTime, relativeDay } from '../../../shared/time';
import { staffTimeZone } from '../session';

const STATUS_COLORS: Record<string, ChipProps['color']> = {
  intake: 'default',
  preparing: 'primary',
  submitted: 'primary',
  biometrics_requested: 'warning',
  additional_info_requested: 'warning',
  approved: 'success',
  refused: 'error',
  withdrawn: 'default',
  closed: 'default',
  booked: 'primary',
  completed: 'success',
  cancelled: 'default',
  no_show: 'error',
  scheduled: 'primary',
  sending: 'primary',
  sent: 'success',
  failed: 'error',
  queued: 'primary',
  logged: 'default',
};

/**
 * A record's name as a link to its edit page: the row's click target for keyboard users too (a clickable row
 * alone cannot be reached with Tab), and what makes a table that scrolls sideways on a phone reachable.
 */
export function EditLinkField({ source }: { source: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext<Record<string, string | number | null>>();
  const resource = useResourceContext();
  const createPath = useCreatePath();
  if (!record || !resource) {
    return null;
  }
  return (
    <Link
      to={createPath({ resource, id: String(record.id), type: 'edit' })}
      onClick={(event) => event.stopPropagation()}
    >
      {String(record[source] ?? '')}
    </Link>
  );
}

/** A status as a coloured chip with its translated name (pd.status.<value>). */
export function StatusChip({
  value,
  size = 'small',
}: {
  value: string | null | undefined;
  size?: ChipProps['size'];
}) {
  const translate = useTranslate();
  if (!value) {
    return null;
  }
  return (
    <Chip
      size={size}
      color={STATUS_COLORS[value] ?? 'default'}
      label={translate(`pd.status.${value}`, { _: value })}
    />
  );
}

export function StatusField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  return <StatusChip value={record?.[source] as string | undefined} />;
}

/** An instant shown in the staff member's zone. */
export function InstantText({ value }: { value: string | Date | null | undefined }) {
  const locale = intlLocale(useLocale());
  return <>{value ? formatDateTime(value, staffTimeZone(), locale) : '—'}</>;
}

export function InstantField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  return <InstantText value={record?.[source] as string | undefined} />;
}

/**
 * A calendar day (YYYY-MM-DD) written out with its year, and how far it is from today beside it
 * ("Sun, Jan 16, 2028 · in 14 months"), in the staff member's language. The one way the staff UI shows a date.
 */
export function DayText({
  value,
  style = 'short',
  relative = true,
}: {
  value: string | null | undefined;
  style?: 'long' | 'short';
  relative?: boolean;
}) {
  const locale = intlLocale(useLocale());
  if (!value) {
    return <>—</>;
  }
  const day = value.slice(0, 10);
  return (
    <span className="pd-date">
      <time dateTime={day}>{formatDate(day, locale, style)}</time>
      {relative && (
        <Box component="span" sx={{ color: 'text.secondary', whiteSpace: 'nowrap' }}>
          {' · '}
          {relativeDay(day, dayOf(new Date(), staffTimeZone()), locale)}
        </Box>
      )}
    </span>
  );
}

export function DayField({ source }: { source: string; label?: string }) {
  const record = useRecordContext();
  return <DayText value={record?.[source] as string | undefined} />;
}

export { intlLocale };

/** Translated enum choices for SelectInput: pd.<group>.<value>. */
export function choicesOf(values: readonly string[], group: string) {
  return values.map((id) => ({ id, name: `pd.${group}.${id}` }));
}

export const FILE_STATUSES = [
  'intake',
  'preparing',
  'submitted',
  'biometrics_requested',
  'additional_info_requested',
  'approved',
  'refused',
  'withdrawn',
  'closed',
] as const;
export const STREAMS = ['TFWP', 'IMP'] as const;
export const APPLICATION_TYPES = ['initial', 'extension', 'change_of_conditions', 'restoration'] as const;
export const STATUS_IN_CANADA = [
  'none',
  'visitor',
  'visitor_record',
  'worker',
  'student',
  'maintained_status',
  'restoration',
  'trp_holder',
  'refugee_claimant',
  'permanent_resident',
] as const;
export const DEADLINE_KINDS = [
  'permit_expiry',
  'lmia_expiry',
  'biometrics',
  'medical',
  'pfl_response',
  'document_request',
  'passport_expiry',
  'status_expiry',
  'custom',
] as const;
export const LMIA_STATUSES = ['not_applied', 'pending', 'positive', 'negative', 'withdrawn'] as const;
export const WAGE_PERIODS = ['hour', 'week', 'month', 'year'] as const;
