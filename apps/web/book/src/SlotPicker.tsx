import { useEffect, useState } from 'react';
import { addDays, dayOf, formatDay, formatTime } from '../../shared/time';
import { publicApi, type Slot } from './api';
import { intlLocale, type Lang, type Translate } from './i18n';

const WINDOW_DAYS = 14;

/** Free times, two weeks at a time, grouped by day in the visitor's zone. */
export function SlotPicker(props: {
  typeId: string;
  consultantId?: string;
  timeZone: string;
  lang: Lang;
  t: Translate;
  selected: Slot | null;
  onPick: (slot: Slot) => void;
}) {
  const { typeId, consultantId, timeZone, lang, t, selected, onPick } = props;
  const locale = intlLocale(lang);
  const today = dayOf(new Date(), timeZone);
  const [offset, setOffset] = useState(0);
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [day, setDay] = useState<string | null>(null);
  const from = addDays(today, offset);
  const to = addDays(from, WINDOW_DAYS - 1);

  useEffect(() => {
    let live = true;
    setSlots(null);
    setError(null);
    publicApi.slots({ type: typeId, consultantId, from, to, timezone: timeZone }).then(
      (found) => {
        if (!live) {
          return;
        }
        setSlots(found);
        const days = [...new Set(found.map((s) => dayOf(s.startsAt, timeZone)))];
        setDay((current) => (current && days.includes(current) ? current : (days[0] ?? null)));
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [typeId, consultantId, from, to, timeZone]);

  const byDay = new Map<string, Slot[]>();
  for (const slot of slots ?? []) {
    const key = dayOf(slot.startsAt, timeZone);
    byDay.set(key, [...(byDay.get(key) ?? []), slot]);
  }
  const times = day ? (byDay.get(day) ?? []) : [];

  return (
    <div className="slots">
      <div className="row">
        <button
          type="button"
          className="link"
          disabled={offset === 0}
          onClick={() => setOffset(offset - WINDOW_DAYS)}
        >
          ← {t('earlier')}
        </button>
        <span className="muted">
          {formatDay(from, locale, 'short')} – {formatDay(to, locale, 'short')}
        </span>
        <button type="button" className="link" onClick={() => setOffset(offset + WINDOW_DAYS)}>
          {t('later')} →
        </button>
      </div>
      <p role="status" aria-live="polite" className="muted">
        {slots === null && !error ? t('loadingSlots') : ''}
        {slots?.length === 0 ? t('noSlots') : ''}
        {error ? t('problem', error) : ''}
      </p>
      {byDay.size > 0 && (
        <fieldset>
          <legend>{t('day')}</legend>
          <div className="chips">
            {[...byDay.keys()].map((key) => (
              <button
                key={key}
                type="button"
                className="chip"
                aria-pressed={key === day}
                onClick={() => setDay(key)}
              >
                {formatDay(key, locale, 'short')}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {day && times.length > 0 && (
        <fieldset>
          <legend>{t('times', formatDay(day, locale, 'long'))}</legend>
          <div className="chips">
            {times.map((slot) => (
              <button
                key={`${slot.startsAt}-${slot.consultantId}`}
                type="button"
                className="chip time"
                aria-pressed={selected?.startsAt === slot.startsAt}
                onClick={() => onPick(slot)}
              >
                {formatTime(slot.startsAt, timeZone, locale)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
    </div>
  );
}
