/**
 * An email may carry one secret (a manage link's token) that its recipient needs and nobody reading the outbox
 * may see. The outbox keeps the content with the secret replaced by HIDDEN_SECRET, and the secret itself
 * encrypted (DATA_ENCRYPTION_KEY) until the email has left; a resend puts it back.
 */
export const HIDDEN_SECRET = '[hidden]';

/** AES-GCM associated data: an encrypted outbox secret decrypts only as one. */
export const OUTBOX_SECRET_CONTEXT = 'emails.secret';

const FOLD = /\r\n[ \t]/g;

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Every occurrence of `secret` in `content` replaced by HIDDEN_SECRET, also where an iCalendar line fold
 * (CRLF + space) splits it.
 */
export function hideSecret(content: string, secret: string): string {
  if (!secret) {
    return content;
  }
  // Only folded text (an invite) needs the pattern; building and compiling it was most of the cost of an email.
  if (!/\r\n[ \t]/.test(content)) {
    return content.split(secret).join(HIDDEN_SECRET);
  }
  const pattern = new RegExp([...secret].map(escapeRegExp).join('(?:\\r\\n[ \\t])?'), 'g');
  return content.replace(pattern, HIDDEN_SECRET);
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
