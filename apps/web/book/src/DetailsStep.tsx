import type { FormEvent, ReactNode } from 'react';
import { formatDateTime } from '../../shared/time';
import type { ConsultationType, Slot } from './api';
import { intlLocale, type Lang, type Translate } from './i18n';
import { typeDetails, typeName } from './type-labels';
import { zoneText } from './zones';

/** The details step: who is booking, how to reach them, what about, and the optional pre-screening questions. */
export function DetailsStep({
  type,
  slot,
  consultantName,
  timeZone,
  lang,
  t,
  title,
  alert,
  fieldErrors,
  busy,
  onSubmit,
  onBack,
}: {
  type: ConsultationType;
  slot: Slot;
  /** The slot's consultant's name, or '' when not known. */
  consultantName: string;
  timeZone: string;
  lang: Lang;
  t: Translate;
  /** The step's number and heading. */
  title: ReactNode;
  alert: ReactNode;
  /** The API's messages by field name. */
  fieldErrors: Record<string, string>;
  busy: boolean;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  onBack: () => void;
}) {
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
      {title}
      <p className="summary">
        {t(
          'summary',
          typeName(type, lang),
          consultantName || t('anyConsultant'),
          formatDateTime(slot.startsAt, timeZone, intlLocale(lang)),
        )}{' '}
        · {zoneText(timeZone, lang, slot.startsAt)}
      </p>
      <p className="muted" data-testid="commit-details">
        {typeDetails(type, lang, t)}
      </p>
      {alert}
      <form onSubmit={onSubmit} noValidate={false}>
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
          <button type="button" className="link" onClick={onBack}>
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
