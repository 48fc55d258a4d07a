import { compose, greeting, greetingName } from './consultation-text';

describe('the name a client email greets by', () => {
  it('keeps an ordinary name, collapses spaces and strips control characters', () => {
    expect(greetingName('  Priya   Sharma ')).toBe('Priya Sharma');
    expect(greetingName('Amélie\u202eTremblay\u0007')).toBe('Amélie Tremblay');
    expect(greetingName('J.R. Smith')).toBe('J.R. Smith');
    expect(greeting('Bonjour', "Marie-Ève O'Neil")).toBe("Bonjour Marie-Ève O'Neil,");
  });

  it('cuts it at 50 characters', () => {
    const shown = greetingName('A'.repeat(30) + ' ' + 'B'.repeat(40));
    expect(shown).toHaveLength(50);
    expect(shown.endsWith('…')).toBe(true);
  });

  it('drops what reads like a link, an email address or a phone number', () => {
    for (const name of [
      'http://x.test',
      'see www.spam.test',
      'spam.example',
      'a@b.test',
      'Call 604 555 0123',
    ]) {
      expect(greetingName(name)).toBe('');
    }
    expect(greeting('Hello', 'www.spam.test')).toBe('Hello,');
  });

  it('leaves HTML to compose(), which escapes it', () => {
    const { html } = compose('en', {
      greeting: greeting('Hello', '<img src=x onerror=alert(1)>'),
      paragraphs: [],
      rows: [],
    });
    expect(html).toContain('<p>Hello &lt;img src=x onerror=alert(1)&gt;,</p>');
  });
});
