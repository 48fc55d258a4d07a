import { createCipheriv, randomBytes } from 'node:crypto';
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
    expect(first).toMatch(/^v2\.[0-9a-f]{16}\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+\.[A-Za-z0-9+/=]+$/);
    expect(first.split('.')[1]).toBe(encryption.currentKeyId);
    expect(first).not.toContain('Z1234567');
    expect(Buffer.from(first.split('.')[4], 'base64').toString('utf8')).not.toContain('Z1234567');
    expect(first).not.toBe(second);
    expect(Buffer.from(first.split('.')[2], 'base64')).toHaveLength(12);
  });

  it('detects a changed ciphertext, tag or IV', () => {
    const [version, keyId, iv, tag, ciphertext] = encryption.encrypt('Z1234567').split('.');
    const flip = (b64: string) => {
      const bytes = Buffer.from(b64, 'base64');
      bytes[0] ^= 0x01;
      return bytes.toString('base64');
    };
    for (const parts of [
      [version, keyId, iv, tag, flip(ciphertext)],
      [version, keyId, iv, flip(tag), ciphertext],
      [version, keyId, flip(iv), tag, ciphertext],
    ]) {
      expect(() => encryption.decrypt(parts.join('.'))).toThrow(FieldDecryptionError);
    }
  });

  it('refuses a value written with another key or for another context', () => {
    const stored = encryption.encrypt('Z1234567', 'clients.passport_number');
    expect(() => new FieldEncryption(randomBytes(32)).decrypt(stored, 'clients.passport_number')).toThrow(
      FieldDecryptionError,
    );
    expect(() => encryption.decrypt(stored, 'users.something_else')).toThrow(FieldDecryptionError);
  });

  it('refuses malformed values and unknown versions', () => {
    const [, keyId, iv, tag, ciphertext] = encryption.encrypt('Z1234567').split('.');
    for (const bad of [
      '',
      'Z1234567',
      `v2.${iv}.${tag}.${ciphertext}`,
      `v3.${keyId}.${iv}.${tag}.${ciphertext}`,
      `v2.${keyId}.${iv}.${tag}`,
      `v2.${keyId}.${iv}.AAAA.${ciphertext}`,
      `v1.${iv}.${tag}`,
    ]) {
      expect(() => encryption.decrypt(bad)).toThrow(FieldDecryptionError);
    }
  });

  it('reads values under the previous key after a rotation, writes under the new one, and says what to re-encrypt', () => {
    const oldKey = randomBytes(32);
    const newKey = randomBytes(32);
    const before = new FieldEncryption(oldKey).encrypt('Z1234567', 'clients.passport_number');
    const rotated = new FieldEncryption(newKey, oldKey);
    expect(rotated.decrypt(before, 'clients.passport_number')).toBe('Z1234567');
    expect(rotated.needsReencryption(before)).toBe(true);
    const after = rotated.encrypt('Z1234567', 'clients.passport_number');
    expect(rotated.needsReencryption(after)).toBe(false);
    expect(after.split('.')[1]).not.toBe(before.split('.')[1]);
    // Once the previous key is dropped, only re-encrypted values read.
    const newOnly = new FieldEncryption(newKey);
    expect(newOnly.decrypt(after, 'clients.passport_number')).toBe('Z1234567');
    expect(() => newOnly.decrypt(before, 'clients.passport_number')).toThrow(/not configured/);
  });

  it('reads values written before key ids with the current or the previous key', () => {
    const oldKey = randomBytes(32);
    const legacy = (key: Buffer) => {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
      cipher.setAAD(Buffer.from('ctx', 'utf8'));
      const ciphertext = Buffer.concat([cipher.update('Z7654321', 'utf8'), cipher.final()]);
      return ['v1', iv, cipher.getAuthTag(), ciphertext].map((p) => p.toString('base64')).join('.');
    };
    const rotated = new FieldEncryption(randomBytes(32), oldKey);
    expect(rotated.decrypt(legacy(oldKey), 'ctx')).toBe('Z7654321');
    expect(new FieldEncryption(oldKey).decrypt(legacy(oldKey), 'ctx')).toBe('Z7654321');
    expect(rotated.needsReencryption(legacy(oldKey))).toBe(true);
    expect(() => rotated.decrypt(legacy(randomBytes(32)), 'ctx')).toThrow(FieldDecryptionError);
  });

  it('needs a 32-byte key', () => {
    expect(() => new FieldEncryption(randomBytes(16))).toThrow(/32 bytes/);
  });
});
