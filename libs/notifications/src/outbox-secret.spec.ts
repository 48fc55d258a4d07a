import { randomBytes } from 'node:crypto';
import { HIDDEN_SECRET, hideSecret, revealSecret, revealSecretInCalendar } from './outbox-secret';

const token = randomBytes(32).toString('base64url');
const url = `https://desk.example.ca/book/manage/${token}`;

/** RFC 5545 folding as the invite builder does it: 75 octets, continuation lines start with a space. */
function fold(line: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += parts.length === 0 ? 75 : 74) {
    parts.push(line.slice(i, i + (parts.length === 0 ? 75 : 74)));
  }
  return parts.join('\r\n ');
}

describe('outbox secrets', () => {
  it('hides every occurrence in a text or html body and puts it back', () => {
    const text = `Reschedule or cancel: ${url}\n<a href="${url}">${url}</a>`;
    const hidden = hideSecret(text, token);
    expect(hidden).not.toContain(token);
    expect(hidden.split(HIDDEN_SECRET)).toHaveLength(4);
    expect(revealSecret(hidden, token)).toBe(text);
  });

  it('hides a secret that an iCalendar fold splits, and puts it back folded within 75 octets', () => {
    const ics = [
      'BEGIN:VEVENT',
      fold(`DESCRIPTION:Consultation with Émile Tremblay. To reschedule or cancel:\\n\\n${url}`),
      fold(`URL:${url}`),
      'END:VEVENT',
      '',
    ].join('\r\n');
    expect(ics.replace(/\r\n /g, '')).toContain(token);
    expect(ics).not.toContain(token);
    const hidden = hideSecret(ics, token);
    expect(hidden.replace(/\r\n /g, '')).not.toContain(token);
    const revealed = revealSecretInCalendar(hidden, token);
    expect(revealed.replace(/\r\n /g, '')).toBe(ics.replace(/\r\n /g, ''));
    for (const line of revealed.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    }
  });

  it('leaves content without the secret unchanged', () => {
    expect(hideSecret('no link here', token)).toBe('no link here');
    expect(hideSecret('anything', '')).toBe('anything');
  });
});
