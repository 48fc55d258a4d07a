/** What the booking page, the portal and the staff UI share of their languages: English and French. */
export type Lang = 'en' | 'fr';

/** A translate function over one language's messages: `t('step', 2, 4)` fills `%1` and `%2` in order. */
export function translatorOf<Messages extends Record<string, string>>(messages: Messages) {
  return (key: keyof Messages, ...args: (string | number)[]): string =>
    args.reduce<string>((text, arg, i) => text.replace(`%${i + 1}`, String(arg)), messages[key]);
}

/** The locale Intl writes dates, times and money in for a language: Canadian English or French. */
export function intlLocale(lang: string): string {
  return lang === 'fr' ? 'fr-CA' : 'en-CA';
}

/** The language a link asks for with `?lang=en` or `?lang=fr`, if any. */
export function askedLang(): Lang | null {
  const asked = new URLSearchParams(window.location.search).get('lang');
  return asked === 'fr' || asked === 'en' ? asked : null;
}

/** The browser's language when it is French, else English. */
export function browserLang(): Lang {
  return navigator.language?.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}
