import { commonPasswords } from '../common-passwords';
import { PASSWORD_MAX_LENGTH, passwordProblem } from './password-policy';

describe('passwordProblem', () => {
  const common = commonPasswords();
  const check = (password: string, context = { email: 'amelie.tremblay@firm.ca', name: 'Amélie Tremblay' }) =>
    passwordProblem(password, context, common);

  it('ships the 10,000 most common passwords', () => {
    expect(common.size).toBeGreaterThan(9_900);
    expect(common.has('123456')).toBe(true);
    expect(common.has('1q2w3e4r5t6y')).toBe(true);
  });

  it('accepts long passwords of any composition, Unicode included', () => {
    expect(check('correct horse battery staple')).toBeNull();
    expect(check('maplesyrupfortheroad')).toBeNull();
    expect(check('ÉtéÀMontréal2026')).toBeNull();
    expect(check('x'.repeat(5) + 'y'.repeat(5) + 'zw' + 'q'.repeat(PASSWORD_MAX_LENGTH - 12))).toBeNull();
  });

  it('refuses fewer than 12 characters, counting characters rather than UTF-16 units', () => {
    expect(check('short-pass1')).toMatch(/at least 12 characters/);
    expect(check('🙂🙂🙂🙂🙂🙂abcde')).toMatch(/at least 12/); // 11 characters, 17 UTF-16 units
  });

  it('refuses more than the maximum', () => {
    expect(check('ab'.repeat(129))).toMatch(/at most 256/);
  });

  it('refuses common passwords whatever their case', () => {
    expect(check('qwerty123456')).toMatch(/most common/);
    expect(check('1Q2W3E4R5T6Y')).toMatch(/most common/);
  });

  it('refuses one character repeated or a few characters cycled', () => {
    expect(check('aaaaaaaaaaaaaaaa')).toMatch(/repeats/);
    expect(check('abcabcabcabcabc')).toMatch(/repeats/);
  });

  it('refuses the email, its local part, or the name, however written', () => {
    expect(check('amelie.tremblay@firm.ca')).toMatch(/email/);
    expect(check('Amelie.Tremblay2026!')).toMatch(/email/);
    expect(check('amélie tremblay', { email: 'at@firm.ca', name: 'Amélie Tremblay' })).toMatch(/name/);
    expect(check('Tremblay', { email: 'x@y.z', name: 'Amélie Tremblay' })).toMatch(/at least/);
    expect(check('tremblaytremblay', { email: 'x@y.z', name: 'Amélie Tremblay' })).toBeNull();
  });
});
