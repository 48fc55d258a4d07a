import type { ChecklistItem } from './types';

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
