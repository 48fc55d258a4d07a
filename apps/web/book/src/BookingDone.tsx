import type { RefObject } from 'react';
import { dayOf, formatDateTime, zonedParts } from '../../shared/time';
import { inviteUrl, tokenOfManageUrl, type CreatedBooking } from './api';
import { intlLocale, type Lang, type Translate } from './i18n';
import { MeetingLink, typeName } from './type-labels';
import { zoneText } from './zones';

/** 'YYYY-MM-DDTHH:mm' of an instant in a zone (a machine-readable twin of the time shown). */
function localStamp(instant: string, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${dayOf(instant, zone)}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

/** The booked time in the visitor's zone, with a machine-readable twin, and what was booked with whom. */
function BookedSummary({
  booked,
  timeZone,
  lang,
  t,
  withMode,
}: {
  booked: CreatedBooking;
  timeZone: string;
  lang: Lang;
  t: Translate;
  withMode: boolean;
}) {
  return (
    <>
      <p className="big" data-testid="confirmed-time" data-local={localStamp(booked.startsAt, timeZone)}>
        {formatDateTime(booked.startsAt, timeZone, intlLocale(lang))} ·{' '}
        {zoneText(timeZone, lang, booked.startsAt)}
      </p>
      <p>
        {t(
          'summary',
          typeName(booked.type, lang),
          booked.consultant.name,
          t('minutes', booked.type.durationMinutes),
        )}
        {withMode && <> · {t(`mode_${booked.type.mode}`)}</>}
      </p>
    </>
  );
}

/**
 * The last step: a booking that awaits the emailed confirmation says where the link went and until when; a
 * confirmed one shows its meeting link, calendar file and manage link.
 */
export function BookingDone({
  booked,
  bookedEmail,
  timeZone,
  lang,
  t,
  heading,
}: {
  booked: CreatedBooking;
  bookedEmail: string;
  timeZone: string;
  lang: Lang;
  t: Translate;
  heading: RefObject<HTMLHeadingElement | null>;
}) {
  const locale = intlLocale(lang);
  if (booked.status === 'pending' || !booked.manageUrl) {
    return (
      <section aria-labelledby="done-title" className="card">
        <h2 id="done-title" ref={heading} tabIndex={-1}>
          {t('checkEmail')}
        </h2>
        <BookedSummary booked={booked} timeZone={timeZone} lang={lang} t={t} withMode={false} />
        <p role="status" data-testid="pending-notice">
          {t(
            'pendingSent',
            bookedEmail,
            booked.confirmBy ? formatDateTime(booked.confirmBy, timeZone, locale) : '',
          )}
        </p>
      </section>
    );
  }
  const ics = inviteUrl(tokenOfManageUrl(booked.manageUrl));
  return (
    <section aria-labelledby="done-title" className="card">
      <h2 id="done-title" ref={heading} tabIndex={-1}>
        {t('confirmed')}
      </h2>
      <BookedSummary booked={booked} timeZone={timeZone} lang={lang} t={t} withMode />
      <MeetingLink link={booked.meetingLink} t={t} />
      <p>
        <a className="button" href={ics} download="consultation.ics">
          {t('addToCalendar')}
        </a>
      </p>
      <p>
        {t('manageLink')}:{' '}
        <a href={booked.manageUrl} data-testid="manage-link">
          {booked.manageUrl}
        </a>
      </p>
      <button type="button" className="link" onClick={() => window.location.reload()}>
        {t('bookAnother')}
      </button>
    </section>
  );
}
