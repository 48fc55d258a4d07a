import { browserTimeZone, currentZoneName, timeZones } from '../../shared/time';
import type { Lang } from './i18n';
import { countryOfZone } from './zone-countries';

/** A time zone as the picker shows it: its city and country in the visitor's language, and its offset now. */
export interface ZoneOption {
  zone: string;
  city: string;
  country: string | null;
  /** "UTC+05:30", "UTC−03:00", "UTC" */
  offset: string;
  /** Minutes east of UTC, now. */
  offsetMinutes: number;
  region: Region;
  /** Lower-case, accent-free words to match a search against (both languages, the zone id, the offset). */
  haystack: string;
}

export type Region =
  | 'America'
  | 'Europe'
  | 'Africa'
  | 'Asia'
  | 'Australia'
  | 'Pacific'
  | 'Atlantic'
  | 'Indian'
  | 'Antarctica'
  | 'Other';

export const REGIONS: Region[] = [
  'America',
  'Europe',
  'Africa',
  'Asia',
  'Australia',
  'Pacific',
  'Atlantic',
  'Indian',
  'Antarctica',
  'Other',
];

/** Cities whose French name differs from the zone's English one (the rest read the same in both). */
const FRENCH_CITIES: Record<string, string> = {
  'Africa/Addis_Ababa': 'Addis-Abeba',
  'Africa/Algiers': 'Alger',
  'Africa/Cairo': 'Le Caire',
  'Africa/Tripoli': 'Tripoli',
  'America/Bogota': 'Bogota',
  'America/Havana': 'La Havane',
  'America/Mexico_City': 'Mexico',
  'America/Montreal': 'Montréal',
  'America/Sao_Paulo': 'São Paulo',
  'America/St_Johns': 'Saint-Jean de Terre-Neuve',
  'America/Guadeloupe': 'Guadeloupe',
  'America/Jamaica': 'Jamaïque',
  'America/Cayenne': 'Cayenne',
  'Asia/Baghdad': 'Bagdad',
  'Asia/Beirut': 'Beyrouth',
  'Asia/Damascus': 'Damas',
  'Asia/Dubai': 'Dubaï',
  'Asia/Ho_Chi_Minh': 'Hô-Chi-Minh-Ville',
  'Asia/Jerusalem': 'Jérusalem',
  'Asia/Kathmandu': 'Katmandou',
  'Asia/Kolkata': 'Calcutta',
  'Asia/Manila': 'Manille',
  'Asia/Riyadh': 'Riyad',
  'Asia/Seoul': 'Séoul',
  'Asia/Singapore': 'Singapour',
  'Asia/Tehran': 'Téhéran',
  'Asia/Tbilisi': 'Tbilissi',
  'Asia/Yerevan': 'Erevan',
  'Atlantic/Azores': 'Açores',
  'Atlantic/Canary': 'Canaries',
  'Atlantic/Cape_Verde': 'Cap-Vert',
  'Atlantic/South_Georgia': 'Géorgie du Sud',
  'Europe/Athens': 'Athènes',
  'Europe/Brussels': 'Bruxelles',
  'Europe/Bucharest': 'Bucarest',
  'Europe/Copenhagen': 'Copenhague',
  'Europe/Lisbon': 'Lisbonne',
  'Europe/London': 'Londres',
  'Europe/Moscow': 'Moscou',
  'Europe/Vienna': 'Vienne',
  'Europe/Warsaw': 'Varsovie',
  'Europe/Vilnius': 'Vilnius',
  'Europe/Zurich': 'Zurich',
  'Indian/Reunion': 'La Réunion',
  'Indian/Mauritius': 'Maurice',
  'Pacific/Noumea': 'Nouméa',
  'Pacific/Tahiti': 'Tahiti',
  'Pacific/Marquesas': 'Marquises',
};

/** Lower-case without accents, for matching "montreal" to "Montréal" and "sao" to "São". */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

function regionOf(zone: string): Region {
  const first = zone.split('/')[0];
  return (REGIONS as string[]).includes(first) && zone.includes('/') ? (first as Region) : 'Other';
}

function englishCity(zone: string): string {
  const parts = zone.split('/');
  return parts[parts.length - 1].replace(/_/g, ' ');
}

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC of a zone at an instant, from Intl's "GMT+5:30". */
export function offsetMinutesOf(zone: string, at: Date): number {
  let format = offsetFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'shortOffset' });
    offsetFormats.set(zone, format);
  }
  const name = format.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-−])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!match) {
    return 0;
  }
  const minutes = Number(match[2]) * 60 + Number(match[3] ?? 0);
  return match[1] === '+' ? minutes : -minutes;
}

export function formatOffset(minutes: number): string {
  if (minutes === 0) {
    return 'UTC';
  }
  const abs = Math.abs(minutes);
  const hh = String(Math.floor(abs / 60)).padStart(2, '0');
  const mm = String(abs % 60).padStart(2, '0');
  // U+2212 MINUS SIGN reads as "minus" to screen readers; a hyphen is often skipped.
  return `UTC${minutes > 0 ? '+' : '\u2212'}${hh}:${mm}`;
}

const cache = new Map<string, ZoneOption[]>();

/**
 * Every zone the browser knows (and `extra`), with its city and country in `lang` and its UTC offset at `now`,
 * sorted by city within each region.
 */
export function zoneOptions(lang: Lang, now: Date, ...extra: string[]): ZoneOption[] {
  const key = `${lang}|${Math.floor(now.getTime() / 3_600_000)}|${extra.join(',')}`;
  const cached = cache.get(key);
  if (cached) {
    return cached;
  }
  const regionNames = {
    en: new Intl.DisplayNames('en', { type: 'region' }),
    fr: new Intl.DisplayNames('fr', { type: 'region' }),
  };
  const collator = new Intl.Collator(lang === 'fr' ? 'fr-CA' : 'en-CA');
  const options = timeZones(...extra).map((zone): ZoneOption => {
    const code = countryOfZone(zone);
    const countryEn = code ? (regionNames.en.of(code) ?? null) : null;
    const countryFr = code ? (regionNames.fr.of(code) ?? null) : null;
    const cityEn = zone === 'UTC' ? 'UTC' : englishCity(zone);
    const cityFr = FRENCH_CITIES[zone] ?? cityEn;
    const offsetMinutes = offsetMinutesOf(zone, now);
    const offset = formatOffset(offsetMinutes);
    return {
      zone,
      city: lang === 'fr' ? cityFr : cityEn,
      country: lang === 'fr' ? countryFr : countryEn,
      offset,
      offsetMinutes,
      region: regionOf(zone),
      haystack: fold(
        [zone, cityEn, cityFr, countryEn, countryFr, offset, offset.replace('\u2212', '-')].join(' '),
      ),
    };
  });
  options.sort((a, b) => collator.compare(a.city, b.city) || a.zone.localeCompare(b.zone));
  cache.set(key, options);
  return options;
}

/** The options matching every word typed (city, country, zone id or offset, either language, accents ignored). */
export function searchZones(options: ZoneOption[], query: string): ZoneOption[] {
  const words = fold(query)
    .split(/[\s,/]+/)
    .filter(Boolean);
  return words.length === 0 ? options : options.filter((o) => words.every((w) => o.haystack.includes(w)));
}

/** What the picker's field shows for a zone: "Kolkata, India (UTC+05:30)". */
export function zoneLabel(option: Pick<ZoneOption, 'city' | 'country' | 'offset'>): string {
  return `${option.city}${option.country && option.country !== option.city ? `, ${option.country}` : ''} (${option.offset})`;
}

/**
 * A zone as a visitor reads it, "Kolkata, India (UTC+05:30)", with the offset in force at a given moment (a
 * booking after a clock change shows the offset of its own day), or the id in words when the zone is unknown.
 */
export function zoneText(zone: string, lang: Lang, at: string | Date = new Date()): string {
  const option = zoneOptions(lang, new Date(at), zone).find((o) => o.zone === zone);
  return option ? zoneLabel(option) : zone.replace(/_/g, ' ');
}

export function detectedZone(): string {
  return currentZoneName(browserTimeZone());
}
