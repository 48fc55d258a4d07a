import {
  Button,
  Datagrid,
  DateInput,
  FunctionField,
  List,
  NumberField,
  SelectInput,
  TextField,
  TextInput,
  useNotify,
  useRecordContext,
  useRefresh,
  useLocale,
  useTranslate,
} from 'react-admin';
import { Typography } from '@mui/material';
import { choicesOf, InstantField, InstantText, intlLocale, StatusField } from '../common/fields';
import { describeOffset, describeSubjectType } from '../common/describe';
import { staffTimeZone } from '../session';
import type { Schemas } from '@app/api-client';
import { apiClient, send } from '../dataProvider';

type Reminder = Pick<Schemas['ReminderResponse'], 'id' | 'status' | 'lastError'>;
type ReminderRow = Schemas['ReminderListItemResponse'];

/** What the reminder is about: its kind of subject, and the deadline (with its kind), client or consultant. */
function About({ reminder }: { reminder: ReminderRow }) {
  const translate = useTranslate();
  const kind = reminder.deadlineKind ? translate(`pd.deadlineKind.${reminder.deadlineKind}`) : null;
  return (
    <>
      {describeSubjectType(reminder.subjectType, translate)}
      {reminder.about && (
        <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
          {reminder.about}
          {kind && kind !== reminder.about ? ` (${kind})` : ''}
        </Typography>
      )}
    </>
  );
}

function Offset({ reminder }: { reminder: ReminderRow }) {
  const translate = useTranslate();
  const locale = intlLocale(useLocale());
  return <>{describeOffset(reminder.offsetKey, translate, locale, staffTimeZone())}</>;
}

/** The person: their name, their email address beneath it. */
function Recipient({ reminder }: { reminder: ReminderRow }) {
  return (
    <>
      {reminder.recipientName ?? reminder.recipientEmail}
      {reminder.recipientName && (
        <Typography variant="body2" color="text.secondary" component="span" sx={{ display: 'block' }}>
          {reminder.recipientEmail}
        </Typography>
      )}
    </>
  );
}

function RetryButton({ reminder }: { reminder: Reminder }) {
  const notify = useNotify();
  const refresh = useRefresh();
  if (reminder.status !== 'failed') {
    return null;
  }
  return (
    <Button
      label="pd.reminders.retry"
      variant="outlined"
      onClick={(event) => {
        event.stopPropagation();
        send(apiClient.POST('/api/reminders/{id}/retry', { params: { path: { id: reminder.id } } })).then(
          () => {
            notify('pd.reminders.retried', { type: 'success' });
            refresh();
          },
          (error: Error) => notify(error.message, { type: 'error' }),
        );
      }}
    />
  );
}

const reminderFilters = [
  <SelectInput
    key="status"
    source="status"
    choices={choicesOf(['scheduled', 'sending', 'sent', 'failed', 'cancelled'], 'status')}
    alwaysOn
  />,
  <DateInput key="from" source="from" alwaysOn />,
  <DateInput key="to" source="to" alwaysOn />,
];

export function ReminderList() {
  return (
    <List filters={reminderFilters} perPage={50} empty={false} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <InstantField source="sendAt" />
        <FunctionField
          source="subjectType"
          sortable={false}
          render={(r: ReminderRow) => <About reminder={r} />}
        />
        <FunctionField
          source="offsetKey"
          sortable={false}
          render={(r: ReminderRow) => <Offset reminder={r} />}
        />
        <FunctionField
          source="recipient"
          sortable={false}
          render={(r: ReminderRow) => <Recipient reminder={r} />}
        />
        <StatusField source="status" />
        <NumberField source="attempts" sortable={false} />
        <TextField source="lastError" sortable={false} emptyText="—" />
        <FunctionField label="pd.actions" render={(r: Reminder) => <RetryButton reminder={r} />} />
      </Datagrid>
    </List>
  );
}

/** Sends a failed email again now, as first written (admins and assistants; the API refuses others). */
function EmailRetryButton({ email }: { email: Reminder }) {
  const notify = useNotify();
  const refresh = useRefresh();
  if (email.status !== 'failed') {
    return null;
  }
  return (
    <Button
      label="pd.emails.retry"
      variant="outlined"
      onClick={(event) => {
        event.stopPropagation();
        send(apiClient.POST('/api/emails/{id}/retry', { params: { path: { id: email.id } } })).then(
          () => {
            notify('pd.emails.retried', { type: 'success' });
            refresh();
          },
          (error: Error) => notify(error.message, { type: 'error' }),
        );
      }}
    />
  );
}

/** The kinds of email the outbox holds, named in the reader's language (pd.emailKind). */
const EMAIL_KINDS = [
  'deadline_reminder',
  'deadline_digest',
  'overdue_escalation',
  'consultation_booked',
  'consultation_rescheduled',
  'consultation_cancelled',
  'consultation_confirmation_request',
  'consultation_notice',
  'consultation_reminder',
  'portal-invite',
  'portal-sign-in-link',
] as const;
const EMAIL_KIND_CHOICES = EMAIL_KINDS.map((id) => ({ id, name: `pd.emailKind.${id}` }));

function EmailKindName({ kind }: { kind: string }) {
  return <>{useTranslate()(`pd.emailKind.${kind}`, { _: kind })}</>;
}

const emailFilters = [
  <SelectInput
    key="status"
    source="status"
    choices={choicesOf(['pending', 'sending', 'sent', 'logged', 'failed'], 'status')}
    alwaysOn
  />,
  <SelectInput key="kind" source="kind" choices={EMAIL_KIND_CHOICES} alwaysOn />,
  <TextInput key="to" source="to" />,
];

export function EmailList() {
  return (
    <List filters={emailFilters} perPage={50} empty={false} exporter={false}>
      <Datagrid bulkActionButtons={false} rowClick="expand" expand={<EmailBody />}>
        <InstantField source="createdAt" />
        <FunctionField
          source="kind"
          sortable={false}
          render={(e: { kind: string }) => <EmailKindName kind={e.kind} />}
        />
        <TextField source="to" sortable={false} />
        <TextField source="subject" sortable={false} />
        <StatusField source="status" />
        <NumberField source="attempts" sortable={false} />
        <TextField source="error" sortable={false} emptyText="—" />
        <InstantField source="nextAttemptAt" />
        <InstantField source="sentAt" />
        <FunctionField label="pd.actions" render={(e: Reminder) => <EmailRetryButton email={e} />} />
      </Datagrid>
    </List>
  );
}

type EmailInvite = Schemas['EmailInviteResponse'];

function EmailBody() {
  return (
    <>
      <TextField source="text" component="pre" sx={{ whiteSpace: 'pre-wrap', fontFamily: 'inherit' }} />
      <EmailInviteSummary />
    </>
  );
}

/** What the attached calendar invite said: which version (sequence) of which event (UID), and what it asked. */
function EmailInviteSummary() {
  const record = useRecordContext<{ invite?: EmailInvite | null }>();
  const translate = useTranslate();
  const invite = record?.invite;
  if (!invite) {
    return null;
  }
  return (
    <dl className="pd-invite" data-testid="email-invite">
      <dt>{translate('pd.invite.title')}</dt>
      <dd>
        {invite.method} · {translate('pd.invite.sequence')} {invite.sequence ?? '—'} · {invite.status ?? '—'}
      </dd>
      <dt>{translate('pd.invite.summary')}</dt>
      <dd>{invite.summary ?? '—'}</dd>
      <dt>{translate('pd.invite.when')}</dt>
      <dd>
        <InstantText value={invite.startsAt ?? undefined} /> –{' '}
        <InstantText value={invite.endsAt ?? undefined} />
      </dd>
      <dt>{translate('pd.invite.location')}</dt>
      <dd>{invite.location ?? '—'}</dd>
      <dt>UID</dt>
      <dd>
        <code>{invite.uid ?? '—'}</code>
      </dd>
    </dl>
  );
}
