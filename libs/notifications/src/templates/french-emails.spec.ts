import {
  consultantNoticeEmail,
  consultationBookedEmail,
  consultationCancelledEmail,
  consultationConfirmationRequestEmail,
  consultationReminderEmail,
  consultationRescheduledEmail,
} from './consultations';
import { deadlineDigestEmail, deadlineReminderEmail, overdueEscalationEmail } from './reminders';

/**
 * English words and phrases the templates use; none may appear in a French email. Names, file numbers and URLs
 * in the sample data are chosen so that they contain none of them.
 */
const ENGLISH_LEFTOVERS = [
  'Hello',
  'Reminder',
  'Deadline',
  'Overdue',
  'Due',
  'Days left',
  'days left',
  'day left',
  'Today',
  'Tomorrow',
  'ago',
  'File',
  'Open the',
  'Details',
  'Your ',
  'your ',
  'consultation with',
  'Consultation moved',
  'Consultation cancelled',
  'New consultation',
  'Video call',
  'Phone call',
  'In person',
  'Cancel',
  'Reschedule',
  'Confirm',
  'Assigned to',
  'Unassigned',
  'nobody',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'January',
  'February',
  'December',
  ' at ',
  ' and ',
  ' the ',
  ' with ',
  ' before ',
  'Work permit',
  'Status in Canada',
  'Passport',
  'Biometrics',
  'Medical exam',
  'Procedural fairness',
  'Thank you',
  'Best regards',
];

function leftovers(rendered: { subject: string; text: string; html: string }): string[] {
  const all = `${rendered.subject}\n${rendered.text}\n${rendered.html}`;
  // Whole words only: "Confirmer" is French, "Confirm" is not.
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return ENGLISH_LEFTOVERS.filter((phrase) =>
    new RegExp(`(?<!\\p{L})${escape(phrase)}(?!\\p{L})`, 'u').test(all),
  );
}

const consultation = {
  language: 'fr' as const,
  clientName: 'Amélie Tremblay',
  consultantName: 'Jean Roy',
  typeName: 'Évaluation de permis de travail',
  startsAt: new Date('2027-01-11T15:00:00Z'),
  endsAt: new Date('2027-01-11T15:30:00Z'),
  timezone: 'America/Toronto',
  mode: 'video' as const,
};

const digestItem = (kind: string, dueOn: string, daysLeft: number) => ({
  fileNumber: 'WP-2026-00042',
  clientName: 'Amélie Tremblay',
  kind,
  title: null,
  dueOn,
  daysLeft,
  fileUrl: 'https://permitdesk.example/admin/files/1',
});

describe('every email rendered in French has no English leftover', () => {
  const cases: [string, () => { subject: string; text: string; html: string }][] = [
    [
      'consultation booked',
      () =>
        consultationBookedEmail({
          ...consultation,
          manageUrl: 'https://x.example/m/t',
          changeUntil: new Date('2027-01-10T15:00:00Z'),
        }),
    ],
    [
      'consultation rescheduled',
      () =>
        consultationRescheduledEmail({
          ...consultation,
          manageUrl: 'https://x.example/m/t',
          changeUntil: new Date('2027-01-10T15:00:00Z'),
        }),
    ],
    [
      'consultation to confirm',
      () =>
        consultationConfirmationRequestEmail({
          ...consultation,
          confirmUrl: 'https://x.example/m/t',
          holdUntil: new Date('2027-01-04T15:30:00Z'),
        }),
    ],
    ['consultation cancelled', () => consultationCancelledEmail(consultation)],
    ['consultation reminder', () => consultationReminderEmail(consultation)],
    ...(['booked', 'rescheduled', 'cancelled'] as const).map(
      (event): [string, () => { subject: string; text: string; html: string }] => [
        `consultant notice (${event})`,
        () =>
          consultantNoticeEmail({
            ...consultation,
            event,
            clientEmail: 'amelie@example.com',
            clientPhone: '+15145550123',
            topic: 'PTPD qui expire',
            prescreen: [],
            isUrgent: true,
            previousStartsAt: event === 'rescheduled' ? new Date('2027-01-09T15:00:00Z') : undefined,
            changedBy: 'Jean Roy',
            consultationUrl: 'https://permitdesk.example/admin/consultations/1',
          }),
      ],
    ),
    ...[
      'permit_expiry',
      'lmia_expiry',
      'biometrics',
      'medical',
      'pfl_response',
      'document_request',
      'passport_expiry',
      'status_expiry',
      'custom',
      'document_expiry',
    ].map((kind): [string, () => { subject: string; text: string; html: string }] => [
      `deadline reminder (${kind})`,
      () =>
        deadlineReminderEmail({
          language: 'fr',
          recipientName: 'Jean Roy',
          fileNumber: 'WP-2026-00042',
          clientName: 'Amélie Tremblay',
          kind,
          title: null,
          dueOn: '2027-01-11',
          daysLeft: 7,
          fileUrl: 'https://permitdesk.example/admin/files/1',
        }),
    ]),
    [
      'deadline reminder, due tomorrow',
      () =>
        deadlineReminderEmail({
          language: 'fr',
          recipientName: 'Jean Roy',
          fileNumber: 'WP-2026-00042',
          clientName: 'Amélie Tremblay',
          kind: 'biometrics',
          title: null,
          dueOn: '2027-01-05',
          daysLeft: 1,
          fileUrl: 'https://permitdesk.example/admin/files/1',
        }),
    ],
    [
      'deadline reminder, due today',
      () =>
        deadlineReminderEmail({
          language: 'fr',
          recipientName: 'Jean Roy',
          fileNumber: 'WP-2026-00042',
          clientName: 'Amélie Tremblay',
          kind: 'medical',
          title: null,
          dueOn: '2027-01-04',
          daysLeft: 0,
          fileUrl: 'https://permitdesk.example/admin/files/1',
        }),
    ],
    [
      'overdue escalation',
      () =>
        overdueEscalationEmail({
          language: 'fr',
          recipientName: 'Jean Roy',
          fileNumber: 'WP-2026-00042',
          clientName: 'Amélie Tremblay',
          kind: 'pfl_response',
          title: null,
          dueOn: '2027-01-01',
          daysLeft: -3,
          assigneeName: null,
          fileUrl: 'https://permitdesk.example/admin/files/1',
        }),
    ],
    [
      'deadline digest',
      () =>
        deadlineDigestEmail({
          language: 'fr',
          recipientName: 'Jean Roy',
          today: '2027-01-04',
          overdue: [digestItem('pfl_response', '2027-01-01', -3)],
          days: [
            { day: '2027-01-04', items: [digestItem('medical', '2027-01-04', 0)] },
            {
              day: '2027-01-05',
              items: [
                digestItem('biometrics', '2027-01-05', 1),
                digestItem('status_expiry', '2027-01-05', 1),
              ],
            },
          ],
          more: 2,
          listUrl: 'https://permitdesk.example/admin/deadlines',
        }),
    ],
  ];

  it.each(cases)('%s', (_name, render) => {
    expect(leftovers(render())).toEqual([]);
  });

  it('catches an English email (the check itself works)', () => {
    const english = consultationCancelledEmail({ ...consultation, language: 'en' });
    expect(leftovers(english).length).toBeGreaterThan(0);
  });
});
