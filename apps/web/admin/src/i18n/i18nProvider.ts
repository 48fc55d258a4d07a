import polyglotI18nProvider from 'ra-i18n-polyglot';
import { en } from './en';
import { fr } from './fr';

const STORED = 'permitdesk.locale';

function initialLocale(): 'en' | 'fr' {
  const stored = localStorage.getItem(STORED);
  if (stored === 'en' || stored === 'fr') {
    return stored;
  }
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

const provider = polyglotI18nProvider(
  (locale) => (locale === 'fr' ? fr : en),
  initialLocale(),
  [
    { locale: 'en', name: 'English' },
    { locale: 'fr', name: 'Français' },
  ],
  { allowMissing: true },
);

/** English and French; the choice is remembered in this browser. */
export const i18nProvider = {
  ...provider,
  changeLocale(locale: string) {
    localStorage.setItem(STORED, locale);
    document.documentElement.lang = locale;
    return provider.changeLocale(locale);
  },
};

document.documentElement.lang = provider.getLocale();
