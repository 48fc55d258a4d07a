/**
 * The password policy for staff accounts, after NIST SP 800-63B (section 3.1.1.2): a minimum length and a
 * generous maximum, no composition rules (no "one digit, one symbol"), and a refusal of passwords that are
 * known to be common or that are built from the account's own email or name. Pure: the caller passes the
 * list of common passwords (see common-passwords.ts) and the account's details.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** Lowercase, letters and digits only: "Amélie Tremblay" and "amelie.tremblay" compare equal. */
function simplify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** What is wrong with a password, as a sentence that says what to do instead; null when it is acceptable. */
export function passwordProblem(
  password: string,
  context: PasswordContext,
  common: ReadonlySet<string>,
): string | null {
  // Counted in characters as a person sees them (code points), not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return `Use at least ${PASSWORD_MIN_LENGTH} characters; a few unrelated words make a long password easy to remember`;
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  }
  if (common.has(password.toLowerCase())) {
    return 'This password is one of the most common ones and is guessed first; choose another';
  }
  if (new Set(password).size <= 3) {
    return 'This password repeats the same few characters; choose one that is harder to guess';
  }
  const simplified = simplify(password);
  const email = (context.email ?? '').trim();
  const localPart = simplify(email.split('@')[0] ?? '');
  const fullEmail = simplify(email);
  if (
    (localPart.length >= 4 && simplified.includes(localPart)) ||
    (fullEmail.length > 0 && simplified === fullEmail)
  ) {
    return 'Do not build the password from your email address; choose something unrelated to the account';
  }
  const name = simplify(context.name ?? '');
  const nameParts = (context.name ?? '')
    .split(/\s+/)
    .map(simplify)
    .filter((part) => part.length >= 4);
  if ((name.length >= 4 && simplified.includes(name)) || nameParts.some((part) => simplified === part)) {
    return 'Do not build the password from your name; choose something unrelated to the account';
  }
  return null;
}
