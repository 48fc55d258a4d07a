import type { ChecklistItem } from './types';

/** The fields of a document these helpers read. */
interface Versioned {
  kind: string;
  version: number;
}

/** An item's title in the UI's language. */
export function itemTitle(item: Pick<ChecklistItem, 'title' | 'titleFr'>, locale: string): string {
  return locale === 'fr' && item.titleFr ? item.titleFr : item.title;
}

export function itemHelp(item: Pick<ChecklistItem, 'help' | 'helpFr'>, locale: string): string | null {
  return (locale === 'fr' ? item.helpFr || item.help : item.help) || null;
}

export function itemCondition(
  item: Pick<ChecklistItem, 'conditionText' | 'conditionTextFr'>,
  locale: string,
): string | null {
  return (locale === 'fr' ? item.conditionTextFr || item.conditionText : item.conditionText) || null;
}

/** Content types the browser shows by itself: images in an <img>, PDFs in a frame. */
export function previewKind(contentType: string): 'image' | 'pdf' | null {
  if (contentType === 'application/pdf') {
    return 'pdf';
  }
  if (['image/jpeg', 'image/png', 'image/gif', 'image/webp'].includes(contentType)) {
    return 'image';
  }
  return null;
}

/** A byte count in the staff member's language: 1.2 MB. */
export function sizeText(bytes: number, locale: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits })} ${units[unit]}`;
}

/** Documents grouped by kind, each kind's newest version first. */
export function byKind<T extends Versioned>(documents: T[]): Map<string, T[]> {
  const kinds = new Map<string, T[]>();
  for (const document of documents) {
    kinds.set(document.kind, [...(kinds.get(document.kind) ?? []), document]);
  }
  for (const versions of kinds.values()) {
    versions.sort((a, b) => b.version - a.version);
  }
  return kinds;
}
