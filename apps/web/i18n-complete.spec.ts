/// <reference types="jest" />
/// <reference types="node" />
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './admin/src/i18n/en';
import { fr } from './admin/src/i18n/fr';
import { messages as bookMessages } from './book/src/i18n';
import { messages as portalMessages } from './portal/src/i18n';

/** Every leaf of a message tree, as `path → text`. */
function leaves(tree: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof tree === 'string') {
    out.set(prefix, tree);
  } else if (tree && typeof tree === 'object') {
    for (const [key, value] of Object.entries(tree)) {
      for (const [path, text] of leaves(value, prefix ? `${prefix}.${key}` : key)) {
        out.set(path, text);
      }
    }
  }
  return out;
}

/**
 * French strings may equal the English where the word is the same in both languages (Client, Province...) or a
 * code; anything else identical is an untranslated leftover.
 */
const SAME_IN_BOTH = new Set([
  'version',
  // Provinces and territories whose French name is the English one.
  'Alberta',
  'Manitoba',
  'Nunavut',
  'Ontario',
  'Saskatchewan',
  'Yukon',
  'Canada',
  'Client',
  'Clients',
  'Consultant',
  'Consultants',
  'Province',
  'Provinces',
  'Message',
  'Messages',
  'Notes',
  'Total',
  'Type',
  'Date',
  'Code',
  'Email',
  'IMP',
  'TFWP',
  'CSV',
  'UCI',
  'NOC 2021',
  'Minutes',
  'Statut',
  'Description',
  'Logo',
  'Europe',
  'Mode',
  'Documents',
  'Document',
  'Version',
  'Prospect',
  'Admin',
  'Assistant',
  'Consultation',
  'Consultations',
  'Administration',
  'Action',
  'Actions',
  'Source',
  'Page',
  'Vidéo',
  'Format',
  'Options',
  'Support',
  'PermitDesk',
  'Urgent',
  '%1 minutes',
]);

function untranslated(english: Map<string, string>, french: Map<string, string>): string[] {
  return [...english]
    .filter(([path, text]) => french.get(path) === text && /[a-z]{3}/i.test(text) && !SAME_IN_BOTH.has(text))
    .filter(([, text]) => !/^[A-Z0-9 ./%()+-]+$/.test(text) && !/^%\d$/.test(text))
    .map(([path, text]) => `${path}: ${text}`);
}

describe('every user-facing string exists in English and French', () => {
  describe('the staff UI (/admin)', () => {
    const english = leaves(en.pd);
    const french = leaves(fr.pd);

    it('has the same keys in both languages', () => {
      expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
    });

    it('has no empty string', () => {
      expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    });

    it('has no English left in the French', () => {
      expect(untranslated(english, french)).toEqual([]);
    });

    it('labels every status in Canada, including the transitional ones', () => {
      for (const status of [
        'maintained_status',
        'restoration',
        'refugee_claimant',
        'trp_holder',
        'visitor_record',
      ]) {
        expect(english.get(`statusInCanada.${status}`)).toBeTruthy();
        expect(french.get(`statusInCanada.${status}`)).toBeTruthy();
      }
    });
  });

  describe('names of reference data in the staff UI', () => {
    const schemas = (
      JSON.parse(readFileSync(join(__dirname, '../../libs/api-client/openapi.json'), 'utf8')) as {
        components: { schemas: Record<string, { enum?: string[] }> };
      }
    ).components.schemas;

    it('names every LMIA stream the API knows, in both languages', () => {
      const ids = schemas.LmiaStreamId.enum ?? [];
      expect(ids.length).toBeGreaterThan(0);
      expect(Object.keys(en.pd.lmiaStreamName).sort()).toEqual([...ids].sort());
      expect(Object.keys(fr.pd.lmiaStreamName).sort()).toEqual([...ids].sort());
    });
  });

  describe.each([
    ['the booking page (/book)', bookMessages],
    ['the client portal (/portal)', portalMessages],
  ] as const)('%s', (_name, messages) => {
    const english = leaves(messages.en);
    const french = leaves(messages.fr);

    it('has the same keys in both languages, none empty', () => {
      expect([...french.keys()].sort()).toEqual([...english.keys()].sort());
      expect([...english, ...french].filter(([, text]) => text.trim() === '')).toEqual([]);
    });

    it('keeps the placeholders of each string', () => {
      const placeholders = (text: string) => (text.match(/%\d/g) ?? []).sort().join();
      const differing = [...english].filter(
        ([key, text]) => placeholders(text) !== placeholders(french.get(key) ?? ''),
      );
      expect(differing).toEqual([]);
    });

    it('has no English left in the French', () => {
      expect(untranslated(english, french)).toEqual([]);
    });
  });
});
