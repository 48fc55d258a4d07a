import { randomBytes } from 'node:crypto';
import { FieldDecryptionError, FieldEncryption } from './field-encryption';

describe('FieldEncryption', () => {
  const key = randomBytes(32);
  const encryption = new FieldEncryption(key);

  it('round-trips a value, with or without a context', () => {
    expect(encryption.decrypt(encryption.encrypt('Z1234567'))).toBe('Z1234567');
    expect(
      encryption.decrypt(
        encryption.encrypt('Z1234567', 'clients.passport_number'),
        'clients.passport_number',
      ),
    ).toBe('Z1234567');
    expect(encryption.decrypt(encryption.encrypt('Émile ✓'))).toBe('Émile ✓');
    expect(encryption.decrypt(encryption.encrypt(''))).toBe('');
  });

  it('stores a versioned string that does not contain the value, with a fresh IV each time', () => {
    const first = encryption.encrypt('Z1234567');
    const second = encryption.encrypt('Z1234567');
    expect(first).toMatch(/^v1\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(first).not.toContain('Z1234567');
    expect(Buffer.from(first.split('.')[3], 'base64').toString('utf8')).not.toContain('Z1234567');
    expect(first).not.toBe(second);
    expect(Buffer.from(first.split('.')[1], 'base64')).toHaveLength(12);
  });

  it('detects a changed ciphertext, tag or IV', () => {
    const [version, iv, tag, ciphertext] = encryption.encrypt('Z1234567').split('.');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 0x01;
      return bytes.toString('base64');
    };
    expect(() => encryption.decrypt([version, iv, tag, flip(ciphertext)].join('.'))).toThrow(
      FieldDecryptionError,
    );
    expect(() => encryption.decrypt([version, iv, flip(tag), ciphertext].join('.'))).toThrow(
      FieldDecryptionError,
    );
    expect(() => encryption.decrypt([version, flip(iv), tag, ciphertext].join('.'))).toThrow(
      FieldDecryptionError,
    );
  });

  it('refuses a value written with another key or for another context', () => {
    const stored = encryption.encrypt('Z1234567', 'clients.passport_number');
    expect(() => new FieldEncryption(randomBytes(32)).decrypt(stored, 'clients.passport_number')).toThrow(
      FieldDecryptionError,
    );
    expect(() => encryption.decrypt(stored, 'users.something_else')).toThrow(FieldDecryptionError);
  });

  it('refuses malformed values and unknown versions', () => {
    const [, iv, tag, ciphertext] = encryption.encrypt('Z1234567').split('.');
    for (const bad of [
      '',
      'Z1234567',
      `v2.${iv}.${tag}.${ciphertext}`,
      `v1.${iv}.${tag}`,
      `v1.${iv}.AAAA.${ciphertext}`,
    ]) {
      expect(() => encryption.decrypt(bad)).toThrow(FieldDecryptionError);
    }
  });

  it('needs a 32-byte key', () => {
    expect(() => new FieldEncryption(randomBytes(16))).toThrow(/32 bytes/);
  });
});
