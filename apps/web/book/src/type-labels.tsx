import { intlLocale, type Lang, type Translate } from './i18n';
import type { ConsultationType } from './api';

function price(cents: number | null, lang: Lang, t: Translate): string {
  return cents === null || cents === 0
    ? t('free')
    : new Intl.NumberFormat(intlLocale(lang), { style: 'currency', currency: 'CAD' }).format(cents / 100);
}

export function typeName(type: ConsultationType, lang: Lang): string {
  return lang === 'fr' ? type.nameFr : type.name;
}

export function typeDescription(type: ConsultationType, lang: Lang): string | null {
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
