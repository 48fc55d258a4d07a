import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../shared/http';
import { browserTimeZone, formatDateTime } from '../../shared/time';
import { inviteUrl, publicApi, type ManagedBooking, type Slot } from './api';
import { MeetingLink, typeName } from './BookingFlow';
import { intlLocale, type Lang, type Translate } from './i18n';
import { SlotPicker } from './SlotPicker';
import { zoneText } from './zones';

/**
 * /book/manage/:token — see, cancel or move a booking with the link from the confirmation email; a booking
 * awaiting email confirmation is confirmed here (a button, so mail scanners that open links confirm nothing).
 */
export function ManagePage({ token, lang, t }: { token: string; lang: Lang; t: Translate }) {
  const [booking, setBooking] = useState<ManagedBooking | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [moving, setMoving] = useState(false);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [busy, setBusy] = useState(false);
  const heading = useRef<HTMLHeadingElement>(null);
  const timeZone = booking?.timezone ?? browserTimeZone();
  const locale = intlLocale(lang);

  useEffect(() => {
    publicApi.get(token).then(setBooking, (e: unknown) => {
      if (e instanceof ApiError && (e.status === 404 || e.status === 400)) {
        setMissing(true);
      } else if (e instanceof ApiError && e.status === 409 && e.body?.message) {
        setError(e.body.message);
      } else {
        setError(t('problem', (e as Error).message));
      }
    });
  }, [token, t]);

  async function act(action: () => Promise<ManagedBooking>, done: string) {
    setBusy(true);
    setError(null);
    try {
      const updated = await action();
      setBooking(updated);
      setNotice(done);
      setConfirming(false);
      setMoving(false);
      setSlot(null);
      heading.current?.focus();
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) {
        setMissing(true);
      } else {
        setError(
          e instanceof ApiError && e.status === 409
            ? (e.body?.message ?? t('slotGone'))
            : t('problem', (e as Error).message),
        );
      }
    } finally {
      setBusy(false);
    }
  }

  if (missing) {
    return (
      <section className="card">
        <h2>{t('manageTitle')}</h2>
        <p role="alert">{t('notFound')}</p>
        <a href="/book">{t('title')}</a>
      </section>
    );
  }
  if (!booking) {
    return (
      <section className="card">
        <h2>{t('manageTitle')}</h2>
        {error ? (
          <p role="alert" className="error">
            {error}
          </p>
        ) : (
          <p role="status">{t('loading')}</p>
        )}
      </section>
    );
  }
  const statusKey = `status_${booking.status}` as Parameters<Translate>[0];
  const ics = inviteUrl(token);
  return (
    <section className="card" aria-labelledby="manage-title">
      <h2 id="manage-title" ref={heading} tabIndex={-1}>
        {t('manageTitle')}: <span data-testid="booking-status">{t(statusKey)}</span>
      </h2>
      {notice && (
        <p role="status" className="notice">
          {notice}
        </p>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <dl className="details">
        <dt>{t('when')}</dt>
        <dd data-testid="booking-time">
          {formatDateTime(booking.startsAt, timeZone, locale)} · {zoneText(timeZone, lang, booking.startsAt)}
        </dd>
        <dt>{t('withWhom')}</dt>
        <dd>{booking.consultant.name}</dd>
        <dt>{t('what')}</dt>
        <dd>
          {typeName(booking.type, lang)} · {t('minutes', booking.type.durationMinutes)} ·{' '}
          {t(`mode_${booking.type.mode}`)}
        </dd>
      </dl>
      {booking.status === 'booked' && <MeetingLink link={booking.meetingLink} t={t} />}
      {booking.status === 'pending' && (
        <div data-testid="pending">
          {booking.confirmBy && <p>{t('confirmBy', formatDateTime(booking.confirmBy, timeZone, locale))}</p>}
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(() => publicApi.confirm(token), t('confirmedNotice'))}
          >
            {t('confirmBooking')}
          </button>
        </div>
      )}
      {booking.status === 'booked' && (
        <p>
          <a className="button secondary" href={ics} download="consultation.ics">
            {t('addToCalendar')}
          </a>
        </p>
      )}
      {booking.status === 'booked' &&
        (booking.canChange ? (
          <>
            <p className="muted">{t('changeUntil', formatDateTime(booking.changeUntil, timeZone, locale))}</p>
            {!confirming && !moving && (
              <div className="row">
                <button type="button" className="button secondary" onClick={() => setMoving(true)}>
                  {t('reschedule')}
                </button>
                <button type="button" className="button danger" onClick={() => setConfirming(true)}>
                  {t('cancel')}
                </button>
              </div>
            )}
            {confirming && (
              <div role="group" aria-labelledby="cancel-question" className="confirm">
                <p id="cancel-question">
                  <strong>{t('cancelQuestion')}</strong>
                </p>
                <div className="row">
                  <button
                    type="button"
                    className="button secondary"
                    onClick={() => setConfirming(false)}
                    autoFocus
                  >
                    {t('keep')}
                  </button>
                  <button
                    type="button"
                    className="button danger"
                    disabled={busy}
                    onClick={() => void act(() => publicApi.cancel(token), t('cancelled'))}
                  >
                    {t('confirmCancel')}
                  </button>
                </div>
              </div>
            )}
            {moving && (
              <div>
                <h3>{t('reschedule')}</h3>
                <SlotPicker
                  typeId={booking.type.id}
                  consultantId={booking.consultant.id}
                  timeZone={timeZone}
                  lang={lang}
                  t={t}
                  selected={slot}
                  onPick={setSlot}
                />
                <div className="row">
                  <button type="button" className="link" onClick={() => setMoving(false)}>
                    ← {t('back')}
                  </button>
                  <button
                    type="button"
                    className="button"
                    disabled={!slot || busy}
                    onClick={() =>
                      slot && void act(() => publicApi.reschedule(token, slot.startsAt), t('rescheduled'))
                    }
                  >
                    {t('moveHere')}
                    {slot ? ` (${formatDateTime(slot.startsAt, timeZone, locale)})` : ''}
                  </button>
                </div>
              </div>
            )}
          </>
        ) : (
          <p>{t('tooLate')}</p>
        ))}
    </section>
  );
}
