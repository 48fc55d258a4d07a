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

  it('hides the secret wherever folds split it, as a pattern allowing a fold between any two characters would', () => {
    // The pattern this scan replaced: exact, but compiled anew for every email's secret.
    const byPattern = (content: string, secret: string) =>
      content.replace(
        new RegExp(
          [...secret].map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('(?:\\r\\n[ \\t])?'),
          'g',
        ),
        HIDDEN_SECRET,
      );
    for (let round = 0; round < 200; round += 1) {
      // Folded at every width from 1 to 80 characters, by a space or a tab, a near miss (the token cut short) beside it.
      const width = 1 + (round % 80);
      const line = `URL:${url} ${token.slice(0, 20)}\\n${token}.`;
      const parts: string[] = [];
      for (let i = 0; i < line.length; i += width) {
        parts.push(line.slice(i, i + width));
      }
      const folded = `BEGIN:VEVENT\r\n${parts.join(round % 2 ? '\r\n\t' : '\r\n ')}\r\nEND:VEVENT\r\n`;
      expect(hideSecret(folded, token)).toBe(byPattern(folded, token));
      expect(hideSecret(folded, token).replace(/\r\n[ \t]/g, '')).not.toContain(token);
    }
  });

  it('leaves content without the secret unchanged', () => {
    expect(hideSecret('no link here', token)).toBe('no link here');
    expect(hideSecret('anything', '')).toBe('anything');
  });
});
