import { useEffect, useRef, useState, type FormEvent } from 'react';
import { ApiError } from '../../shared/http';
import { browserTimeZone } from '../../shared/time';
import {
  publicApi,
  type Consultant,
  type ConsultationType,
  type CreatedBooking,
  type Prescreen,
  type Slot,
} from './api';
import { BookingDone } from './BookingDone';
import { DetailsStep } from './DetailsStep';
import type { Lang, Translate } from './i18n';
import { SlotPicker } from './SlotPicker';
import { TimeZonePicker } from './TimeZonePicker';
import { typeDescription, typeDetails, typeName } from './type-labels';
import { zoneText } from './zones';

type Step = 'type' | 'consultant' | 'time' | 'details' | 'done';
const STEPS: Step[] = ['type', 'consultant', 'time', 'details'];

export { MeetingLink, typeDetails, typeName } from './type-labels';

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

  if (step === 'done' && booked) {
    return (
      <BookingDone
        booked={booked}
        bookedEmail={bookedEmail}
        timeZone={timeZone}
        lang={lang}
        t={t}
        heading={heading}
      />
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
    return (
      <DetailsStep
        type={type}
        slot={slot}
        consultantName={consultantName(slot.consultantId)}
        timeZone={timeZone}
        lang={lang}
        t={t}
        title={title('yourDetails')}
        alert={alert}
        fieldErrors={fieldErrors}
        busy={busy}
        onSubmit={(e) => void submit(e)}
        onBack={() => go('time')}
      />
    );
  }

  return null;
}
