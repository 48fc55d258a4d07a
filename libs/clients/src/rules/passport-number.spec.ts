import { maskPassportNumber, normalizePassportNumber, passportNumberHint } from './passport-number';

describe('passport numbers', () => {
  it('accepts 6 to 12 letters and digits, upper-cased', () => {
    expect(normalizePassportNumber('z1234567')).toBe('Z1234567');
    expect(normalizePassportNumber(' AB1234 ')).toBe('AB1234');
    expect(normalizePassportNumber('ABCDEF123456')).toBe('ABCDEF123456');
  });

  it('refuses other values', () => {
    for (const bad of ['AB123', 'ABCDEF1234567', 'Z123-4567', 'Z123 4567', 'Z12345é7', '']) {
      expect(normalizePassportNumber(bad)).toBeNull();
    }
  });

  it('keeps the last three characters and masks with a fixed width', () => {
    expect(passportNumberHint('Z1234567')).toBe('567');
    expect(maskPassportNumber('567')).toBe('•••••567');
    expect(maskPassportNumber(passportNumberHint('ABCDEF123456'))).toBe('•••••456');
    expect(maskPassportNumber(null)).toBeNull();
  });
});
