import { en } from '../i18n/en';
import { fr } from '../i18n/fr';
import { describeChanges, describeOffset, type Translate } from './describe';

/** A translate over a catalogue, with polyglot's smart_count plural and %{name} interpolation. */
function translator(catalogue: unknown): Translate {
  return (key, options = {}) => {
    const found = key
      .split('.')
      .reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], catalogue);
    if (typeof found !== 'string') {
      return (options._ as string) ?? key;
    }
    const [one, many] = found.split(' |||| ');
    const text = many !== undefined && options.smart_count !== 1 ? many : one;
    return text.replace(/%\{(\w+)\}/g, (_, name: string) => String(options[name]));
  };
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-/i;
const ISO = /\d{4}-\d{2}-\d{2}/;

describe('describeChanges and describeOffset', () => {
  const id = '0b7c6a0e-1111-4222-8333-944444444444';
  const changes = {
    deadlineId: 'a1b2c3d4-1111-4222-8333-944444444444',
    assigneeId: [null, id],
    kind: 'lmia_expiry',
    dueOn: '2026-12-14',
    startsAt: '2026-12-01T17:00:00.000Z',
    preferredLanguage: ['en', 'fr'],
    isUrgent: true,
  };

  it('names people, labels keys and writes dates in English', () => {
    const text = describeChanges(
      changes,
      { [id]: 'Amélie Tremblay' },
      translator(en),
      'en-CA',
      'America/Toronto',
    );
    expect(text).toContain('Assignee: — → Amélie Tremblay');
    expect(text).toContain('Kind: LMIA expiry');
    expect(text).toContain('Preferred language: English → French');
    expect(text).toContain('Urgent: Yes');
    expect(text).toContain('2026');
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO);
    expect(describeOffset('14d@2026-12-14', translator(en), 'en-CA', 'America/Toronto')).toMatch(
      /^14 days before .*Dec.* 14, 2026$/,
    );
    expect(describeOffset('1d@2026-12-14', translator(en), 'en-CA', 'America/Toronto')).toMatch(
      /^1 day before/,
    );
  });

  it('and in French', () => {
    const text = describeChanges(
      changes,
      { [id]: 'Amélie Tremblay' },
      translator(fr),
      'fr-CA',
      'America/Toronto',
    );
    expect(text).toContain('Responsable: — → Amélie Tremblay');
    expect(text).toContain("Type: Expiration de l'EIMT");
    expect(text).toContain('Langue préférée: Anglais → Français');
    expect(text).not.toMatch(UUID);
    expect(text).not.toMatch(ISO);
    expect(describeOffset('overdue@2026-12-14', translator(fr), 'fr-CA', 'America/Toronto')).toMatch(
      /^En retard depuis le .*2026$/,
    );
  });

  it('labels file fields with the form’s French words, stream blocks included', () => {
    const text = describeChanges(
      { biometricsDueOn: '2026-12-08', impPermitType: 'open', workLocation: 'Toronto' },
      {},
      translator(fr),
      'fr-CA',
      'America/Toronto',
    );
    expect(text).toContain('Biométrie due: ');
    expect(text).toContain('Type de permis: ouvert');
    expect(text).toContain('Lieu de travail (RMR): Toronto');
  });
});
