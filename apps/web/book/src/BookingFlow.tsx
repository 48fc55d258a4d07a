import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/http';
import { browserTimeZone, dayOf, formatDateTime, zonedParts } from '../../shared/time';
import {
  inviteUrl,
  publicApi,
  tokenOfManageUrl,
  type Consultant,
  type ConsultationType,
  type CreatedBooking,
  type Prescreen,
  type Slot,
} from './api';
import { intlLocale, type Lang, type Translate } from './i18n';
import { SlotPicker } from './SlotPicker';
import { TimeZonePicker } from './TimeZonePicker';
import { zoneText } from './zones';

/** 'YYYY-MM-DDTHH:mm' of an instant in a zone (a machine-readable twin of the time shown). */
function localStamp(instant: string, zone: string): string {
  const p = zonedParts(instant, zone);
  return `${dayOf(instant, zone)}T${String(p.hour).padStart(2, '0')}:${String(p.minute).padStart(2, '0')}`;
}

type Step = 'type' | 'consultant' | 'time' | 'details' | 'done';
const STEPS: Step[] = ['type', 'consultant', 'time', 'details'];

function price(cents: number | null, lang: Lang, t: Translate): string {
  return cents === null || cents === 0
    ? t('free')
    : new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

export function typeName(type: ConsultationType, lang: Lang): string {
  return lang === 'fr' ? type.nameFr : type.name;
}

function typeDescription(type: ConsultationType, lang: Lang): string | null {
  return lang === 'fr' ? (type.descriptionFr ?? type.description) : (type.description ?? type.descriptionFr);
}

/** "30 minutes · $150.00 · Video call": what the visitor commits to, before choosing a time. */
export function typeDetails(type: ConsultationType, lang: Lang, t: Translate): string {
  return t(
    'typeDetails',
    t('minutes', type.durationMinutes),
    price(type.priceCents, lang, t),
    t(`mode_${type.mode}`),
  );
}

/** "Kolkata, India (UTC+05:30)", or the zone's id when the browser does not know it. */

/** The meeting link of a confirmed video consultation, to open from the confirmation. */
export function MeetingLink({ link, t }: { link: string | null; t: Translate }) {
  return link ? (
    <p className="meeting">
      <a className="button" href={link} target="_blank" rel="noopener noreferrer" data-testid="meeting-link">
        {t('joinVideo')}
      </a>{' '}
      <span className="muted break">{link}</span>
    </p>
  ) : null;
}

/** Type → consultant or any → day and time in the visitor's zone → details → confirmation. */
export function BookingFlow({ lang, t }: { lang: Lang; t: Translate }) {
  const [step, setStep] = useState<Step>('type');
  const [types, setTypes] = useState<ConsultationType[] | null>(null);
  const [consultants, setConsultants] = useState<Consultant[]>([]);
  const [type, setType] = useState<ConsultationType | null>(null);
  const [consultantId, setConsultantId] = useState<string>('');
  const [detected] = useState(browserTimeZone);
  const [timeZone, setTimeZone] = useState(detected);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [booked, setBooked] = useState<CreatedBooking | null>(null);
  const [bookedEmail, setBookedEmail] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  const locale = intlLocale(lang);

  useEffect(() => {
    publicApi.types().then(setTypes, (e: Error) => setError(e.message));
    publicApi.consultants().then(setConsultants, () => setConsultants([]));
  }, []);

  // Moving between steps puts the screen-reader and keyboard focus on the new step's heading.
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    heading.current?.focus();
  }, [step]);

  const go = (next: Step) => {
    setError(null);
    setStep(next);
  };
  const consultantName = (id: string) => consultants.find((c) => c.id === id)?.name ?? '';

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!type || !slot) {
      return;
    }
    const data = new FormData(event.currentTarget);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const yesNo = (name: string) => (text(name) === 'yes' ? true : text(name) === 'no' ? false : undefined);
    const prescreen: Prescreen = {
      hasJobOffer: yesNo('hasJobOffer'),
      lmia: (text('lmia') || undefined) as Prescreen['lmia'],
      insideCanada: yesNo('insideCanada'),
      permitExpiresOn: text('permitExpiresOn') || undefined,
    };
    const answered = Object.values(prescreen).some((v) => v !== undefined);
    setBusy(true);
    setError(null);
    setFieldErrors({});
    try {
      const result = await publicApi.book({
        type: type.id,
        startsAt: slot.startsAt,
        consultantId: consultantId || slot.consultantId,
        name: text('name'),
        email: text('email'),
        phone: text('phone') || undefined,
        topic: text('topic') || undefined,
        timezone: timeZone,
        language: lang,
        prescreen: answered ? (JSON.parse(JSON.stringify(prescreen)) as Prescreen) : undefined,
      });
      setBooked(result);
      setBookedEmail(text('email'));
      go('done');
    } catch (e) {
      if (e instanceof ApiError && e.status === 409 && e.body?.code === 'CONSULTATION_SLOT_TAKEN') {
        setSlot(null);
        go('time');
        setError(t('slotGone'));
      } else if (e instanceof ApiError && (e.status === 409 || e.status === 429) && e.body?.message) {
        // Too many bookings for this email or from this network: the message says what to do.
        setError(e.body.message);
      } else if (e instanceof ApiError && e.body?.fields) {
        setFieldErrors(Object.fromEntries(Object.entries(e.body.fields).map(([k, v]) => [k, v.join(' ')])));
        setError(e.body.message);
      } else {
        setError(t('problem', (e as Error).message));
      }
    } finally {
      setBusy(false);
    }
  }

  const stepNumber = STEPS.indexOf(step) + 1;
  const title = (key: Parameters<Translate>[0]) => (
    <>
      {stepNumber > 0 && <p className="muted step">{t('step', stepNumber, STEPS.length)}</p>}
      <h2 ref={heading} tabIndex={-1}>
        {t(key)}
      </h2>
    </>
  );
  const alert = error && (
    <p role="alert" className="error">
      {error}
    </p>
  );

  if (step === 'done' && booked && (booked.status === 'pending' || !booked.manageUrl)) {
    return (
      <section aria-labelledby="done-title" className="card">
        <h2 id="done-title" ref={heading} tabIndex={-1}>
          {t('checkEmail')}
        </h2>
        <p className="big" data-testid="confirmed-time" data-local={localStamp(booked.startsAt, timeZone)}>
          {formatDateTime(booked.startsAt, timeZone, locale)} · {zoneText(timeZone, lang, booked.startsAt)}
        </p>
        <p>
          {t(
            'summary',
            typeName(booked.type, lang),
            booked.consultant.name,
            t('minutes', booked.type.durationMinutes),
          )}
        </p>
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

  if (step === 'done' && booked && booked.manageUrl) {
    const ics = inviteUrl(tokenOfManageUrl(booked.manageUrl));
    return (
      <section aria-labelledby="done-title" className="card">
        <h2 id="done-title" ref={heading} tabIndex={-1}>
          {t('confirmed')}
        </h2>
        <p className="big" data-testid="confirmed-time" data-local={localStamp(booked.startsAt, timeZone)}>
          {formatDateTime(booked.startsAt, timeZone, locale)} · {zoneText(timeZone, lang, booked.startsAt)}
        </p>
        <p>
          {t(
            'summary',
            typeName(booked.type, lang),
            booked.consultant.name,
            t('minutes', booked.type.durationMinutes),
          )}{' '}
          · {t(`mode_${booked.type.mode}`)}
        </p>
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

  if (step === 'type') {
    return (
      <section className="card" aria-labelledby="step-title">
        {title('chooseType')}
        {alert}
        {types === null && !error && <p role="status">{t('loading')}</p>}
        <ul className="options">
          {types?.map((option) => (
            <li key={option.id}>
              <button
                type="button"
                className="option"
                onClick={() => {
                  setType(option);
                  setSlot(null);
                  go('consultant');
                }}
              >
                <strong>{typeName(option, lang)}</strong>
                {typeDescription(option, lang) && (
                  <span className="description">{typeDescription(option, lang)}</span>
                )}
                <span className="muted type-details" data-testid="type-details">
                  {typeDetails(option, lang, t)}
                </span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    );
  }

  if (step === 'consultant') {
    return (
      <section className="card">
        {title('chooseConsultant')}
        <ul className="options">
          {[{ id: '', name: t('anyConsultant'), languages: [] as string[] }, ...consultants].map((c) => (
            <li key={c.id || 'any'}>
              <button
                type="button"
                className="option"
                aria-pressed={consultantId === c.id}
                onClick={() => {
                  setConsultantId(c.id);
                  setSlot(null);
                  go('time');
                }}
              >
                <strong>{c.name}</strong>
                {c.languages.length > 0 && (
                  <span className="muted">{t('speaks', c.languages.join(', ').toUpperCase())}</span>
                )}
              </button>
            </li>
          ))}
        </ul>
        <button type="button" className="link" onClick={() => go('type')}>
          ← {t('back')}
        </button>
      </section>
    );
  }

  if (step === 'time' && type) {
    return (
      <section className="card">
        {title('chooseTime')}
        {alert}
        <p className="summary">
          {typeName(type, lang)} · {typeDetails(type, lang, t)}
        </p>
        <TimeZonePicker value={timeZone} detected={detected} onChange={setTimeZone} lang={lang} t={t} />
        <p className="muted">{t('timesShownIn', zoneText(timeZone, lang))}</p>
        <SlotPicker
          typeId={type.id}
          consultantId={consultantId || undefined}
          timeZone={timeZone}
          lang={lang}
          t={t}
          selected={slot}
          onPick={(picked) => {
            setSlot(picked);
            go('details');
          }}
        />
        <button type="button" className="link" onClick={() => go('consultant')}>
          ← {t('back')}
        </button>
      </section>
    );
  }

  if (step === 'details' && type && slot) {
    const err = (name: string) =>
      fieldErrors[name] ? (
        <span className="error" id={`${name}-error`}>
          {fieldErrors[name]}
        </span>
      ) : null;
    const described = (name: string) =>
      fieldErrors[name] ? { 'aria-describedby': `${name}-error`, 'aria-invalid': true } : {};
    const yesNo = (name: 'hasJobOffer' | 'insideCanada') => (
      <fieldset className="inline">
        <legend>{t(name)}</legend>
        {(['yes', 'no'] as const).map((value) => (
          <label key={value}>
            <input type="radio" name={name} value={value} /> {t(value)}
          </label>
        ))}
      </fieldset>
    );
    return (
      <section className="card">
        {title('yourDetails')}
        <p className="summary">
          {t(
            'summary',
            typeName(type, lang),
            consultantName(slot.consultantId) || t('anyConsultant'),
            formatDateTime(slot.startsAt, timeZone, locale),
          )}{' '}
          · {zoneText(timeZone, lang, slot.startsAt)}
        </p>
        <p className="muted" data-testid="commit-details">
          {typeDetails(type, lang, t)}
        </p>
        {alert}
        <form onSubmit={(e) => void submit(e)} noValidate={false}>
          <label className="field">
            <span>{t('name')}</span>
            <input name="name" required autoComplete="name" maxLength={200} {...described('name')} />
            {err('name')}
          </label>
          <label className="field">
            <span>{t('email')}</span>
            <input
              name="email"
              type="email"
              required
              autoComplete="email"
              maxLength={254}
              {...described('email')}
            />
            {err('email')}
          </label>
          <label className="field">
            <span>{t('phone')}</span>
            <input name="phone" type="tel" autoComplete="tel" maxLength={40} {...described('phone')} />
            {err('phone')}
          </label>
          <label className="field">
            <span>{t('topic')}</span>
            <textarea name="topic" rows={3} maxLength={1000} {...described('topic')} />
            {err('topic')}
          </label>
          <fieldset>
            <legend>{t('prescreen')}</legend>
            {yesNo('hasJobOffer')}
            <label className="field">
              <span>{t('lmia')}</span>
              <select name="lmia" defaultValue="">
                <option value="">{t('noAnswer')}</option>
                <option value="has_lmia">{t('lmia_has_lmia')}</option>
                <option value="exempt">{t('lmia_exempt')}</option>
                <option value="unknown">{t('lmia_unknown')}</option>
              </select>
            </label>
            {yesNo('insideCanada')}
            <label className="field">
              <span>{t('permitExpiresOn')}</span>
              <input name="permitExpiresOn" type="date" {...described('prescreen.permitExpiresOn')} />
              {err('prescreen.permitExpiresOn')}
            </label>
          </fieldset>
          <div className="row">
            <button type="button" className="link" onClick={() => go('time')}>
              ← {t('back')}
            </button>
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('booking') : t('book')}
            </button>
          </div>
        </form>
      </section>
    );
  }

  return null;
}
