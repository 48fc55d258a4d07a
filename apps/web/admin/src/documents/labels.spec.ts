import { byKind, itemCondition, itemTitle, previewKind, sizeText } from './labels';

describe('document labels', () => {
  it('shows images and PDFs in the page, and nothing else (HEIC and DOCX are downloaded)', () => {
    expect(previewKind('application/pdf')).toBe('pdf');
    expect(previewKind('image/png')).toBe('image');
    expect(previewKind('image/jpeg')).toBe('image');
    expect(previewKind('image/heic')).toBeNull();
    expect(previewKind('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBeNull();
  });

  it('writes sizes in the staff member’s language', () => {
    expect(sizeText(512, 'en-CA')).toBe('512 B');
    expect(sizeText(1_500_000, 'en-CA')).toBe('1.5 MB');
    expect(sizeText(1_500_000, 'fr-CA')).toBe('1,5 MB');
    expect(sizeText(250_000_000, 'en-CA')).toBe('250 MB');
  });

  it('groups versions by kind, newest first', () => {
    const kinds = byKind([
      { id: 'a', kind: 'passport', version: 1 },
      { id: 'b', kind: 'photos', version: 1 },
      { id: 'c', kind: 'passport', version: 2 },
    ]);
    expect(kinds.get('passport')?.map((d) => d.id)).toEqual(['c', 'a']);
    expect(kinds.get('photos')?.map((d) => d.id)).toEqual(['b']);
  });

  it('uses the French title and condition in French, the English where no French is given', () => {
    const item = {
      title: 'Passport',
      titleFr: 'Passeport',
      conditionText: 'If asked',
      conditionTextFr: null,
    };
    expect(itemTitle(item, 'fr')).toBe('Passeport');
    expect(itemTitle(item, 'en')).toBe('Passport');
    expect(itemCondition(item, 'fr')).toBe('If asked');
  });
});
