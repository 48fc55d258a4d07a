/**
 * The language PermitDesk writes to a staff member in: the first of the languages they speak that it writes
 * (English or French); English otherwise. Reminders, digests and consultation notices all use it.
 */
export function writingLanguageOf(languages: string[] | null | undefined): 'en' | 'fr' {
  const first = (languages ?? [])
    .map((l) => l.toLowerCase().slice(0, 2))
    .find((l) => l === 'en' || l === 'fr');
  return first === 'fr' ? 'fr' : 'en';
}
