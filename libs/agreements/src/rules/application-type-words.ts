/** How a file's application type reads in an agreement's text, in the agreement's language. */
const APPLICATION_TYPES: Record<string, { en: string; fr: string }> = {
  initial: { en: 'initial application', fr: 'demande initiale' },
  extension: { en: 'extension', fr: 'prolongation' },
  change_of_conditions: { en: 'change of conditions', fr: 'modification des conditions' },
  restoration: { en: 'restoration of status', fr: 'rétablissement du statut' },
};

export function applicationTypeWords(type: string, language: 'en' | 'fr'): string {
  return APPLICATION_TYPES[type]?.[language] ?? type;
}
