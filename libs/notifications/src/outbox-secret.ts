/**
 * An email may carry one secret (a manage link's token) that its recipient needs and nobody reading the outbox
 * may see. The outbox keeps the content with the secret replaced by HIDDEN_SECRET, and the secret itself
 * encrypted (DATA_ENCRYPTION_KEY) until the email has left; a resend puts it back.
 */
export const HIDDEN_SECRET = '[hidden]';

/** AES-GCM associated data: an encrypted outbox secret decrypts only as one. */
export const OUTBOX_SECRET_CONTEXT = 'emails.secret';

const FOLD = /\r\n[ \t]/g;

/** Whether an iCalendar line fold (CRLF, then a space or a tab) starts at `at`. */
function isFoldAt(content: string, at: number): boolean {
  const next = content.charCodeAt(at + 2);
  return content.charCodeAt(at) === 13 && content.charCodeAt(at + 1) === 10 && (next === 32 || next === 9);
}

/** Where `secret` ends if it starts at `start`, folds allowed between its characters; -1 if it does not. */
function foldedMatchEnd(content: string, start: number, secret: string): number {
  let at = start;
  for (let k = 0; k < secret.length; k += 1) {
    const char = secret.charCodeAt(k);
    if (k > 0 && isFoldAt(content, at) && content.charCodeAt(at + 3) === char) {
      at += 4;
    } else if (content.charCodeAt(at) === char) {
      at += 1;
    } else {
      return -1;
    }
  }
  return at;
}

/**
 * Every occurrence of `secret` in `content` replaced by HIDDEN_SECRET, also where an iCalendar line fold
 * (CRLF + space) splits it.
 */
export function hideSecret(content: string, secret: string): string {
  if (!secret) {
    return content;
  }
  if (!/\r\n[ \t]/.test(content)) {
    return content.split(secret).join(HIDDEN_SECRET);
  }
  // Folded text (an invite): a scan, not a pattern of the secret's characters; compiling one per email was most
  // of an email's cost.
  const parts: string[] = [];
  let copied = 0;
  let at = content.indexOf(secret[0]);
  while (at !== -1) {
    const end = foldedMatchEnd(content, at, secret);
    if (end === -1) {
      at = content.indexOf(secret[0], at + 1);
      continue;
    }
    parts.push(content.slice(copied, at), HIDDEN_SECRET);
    copied = end;
    at = content.indexOf(secret[0], end);
  }
  parts.push(content.slice(copied));
  return parts.join('');
}

/** The content as first sent: HIDDEN_SECRET replaced by the secret. */
export function revealSecret(content: string, secret: string): string {
  return content.split(HIDDEN_SECRET).join(secret);
}

/** An iCalendar text with the secret put back, its lines folded again at 75 octets (RFC 5545 3.1). */
export function revealSecretInCalendar(content: string, secret: string): string {
  const lines = revealSecret(content.replace(FOLD, ''), secret).split('\r\n');
  return lines.map(foldLine).join('\r\n');
}

function foldLine(line: string): string {
  if (Buffer.byteLength(line, 'utf8') <= 75) {
    return line;
  }
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = Buffer.byteLength(char, 'utf8');
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}
