import { randomBytes } from 'node:crypto';
import { looksRandom, redactText, redactUrl, redactValue } from './log-redaction';

const token = () => randomBytes(32).toString('base64url');
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

describe('redactUrl', () => {
  it('hides manage tokens after their prefixes, whatever they look like', () => {
    const t = token();
    expect(redactUrl(`/api/public/bookings/${t}`)).toBe('/api/public/bookings/[redacted]');
    expect(redactUrl(`/api/public/bookings/${t}/cancel`)).toBe('/api/public/bookings/[redacted]/cancel');
    expect(redactUrl(`/book/manage/${t}`)).toBe('/book/manage/[redacted]');
    expect(redactUrl('/book/manage/short')).toBe('/book/manage/[redacted]');
    expect(redactUrl(`/api/public/bookings/${t}/invite.ics`)).toBe(
      '/api/public/bookings/[redacted]/invite.ics',
    );
  });

  it("hides a calendar feed's token, `.ics` suffix and all", () => {
    const t = token();
    expect(redactUrl(`/api/calendar/${t}.ics`)).toBe('/api/calendar/[redacted]');
    expect(redactUrl(`/api/calendar/${t}.ics?x=1`)).toBe('/api/calendar/[redacted]?x=1');
    expect(redactText(`GET https://host/api/calendar/${t}.ics 404`)).not.toContain(t);
  });

  it('hides any random-looking segment on any route (future one-time links included)', () => {
    const t = token();
    expect(redactUrl(`/portal/sign-in/${t}`)).toBe('/portal/sign-in/[redacted]');
    expect(redactUrl(`/api/portal/links/${t}/use`)).toBe('/api/portal/links/[redacted]/use');
    expect(redactUrl(`/anything/${jwt}`)).toBe('/anything/[redacted]');
  });

  it('hides any segment longer than a UUID under /portal/, even one without a digit', () => {
    const letters = 'x'.repeat(43);
    expect(redactUrl(`/api/portal/files/${letters}`)).toBe('/api/portal/files/[redacted]');
    expect(redactUrl(`/portal/sign-in/${letters}?lang=fr`)).toBe('/portal/sign-in/[redacted]?lang=fr');
    expect(redactUrl(`/api/portal/files/${letters}%40x.ca`)).toBe('/api/portal/files/[redacted]');
    expect(redactUrl(`/api/clients/${letters}`)).toBe(`/api/clients/${letters}`);
    const id = '/api/portal/files/2f1d3c9e-8b7a-4c6d-9e0f-112233445566';
    expect(redactUrl(id)).toBe(id);
  });

  it('keeps ids, words and asset names', () => {
    const url = '/api/clients/2f1d3c9e-8b7a-4c6d-9e0f-112233445566/consultation-types';
    expect(redactUrl(url)).toBe(url);
    expect(redactUrl('/admin/assets/index-B2xYz9Qa.js')).toBe('/admin/assets/index-B2xYz9Qa.js');
    expect(redactUrl('/api/files?limit=20&status=submitted')).toBe('/api/files?limit=20&status=submitted');
    expect(redactUrl('/api/reference/exemption-codes')).toBe('/api/reference/exemption-codes');
  });

  it('hides query values named like secrets and JWT values', () => {
    expect(redactUrl('/x?token=abc&limit=5')).toBe('/x?token=[redacted]&limit=5');
    expect(redactUrl('/x?resetToken=a&client_secret=b&password=c&passportNumber=d&code=e')).toBe(
      '/x?resetToken=[redacted]&client_secret=[redacted]&password=[redacted]&passportNumber=[redacted]&code=[redacted]',
    );
    expect(redactUrl(`/x?q=${jwt}`)).toBe('/x?q=[redacted]');
  });
});

describe('looksRandom', () => {
  it('tells tokens from words and ids', () => {
    expect(looksRandom(token())).toBe(true);
    expect(looksRandom('a'.repeat(64).replace(/a/g, (_, i: number) => (i % 2 ? 'f' : '3')))).toBe(true);
    expect(looksRandom('router-execution-context')).toBe(false);
    expect(looksRandom('ConsultationRemindersService')).toBe(false);
    expect(looksRandom('2f1d3c9e-8b7a-4c6d-9e0f-112233445566')).toBe(false);
  });
});

describe('redactText', () => {
  it('hides bearer tokens, JWTs and token-bearing paths inside messages and stacks', () => {
    const t = token();
    const text = `GET http://host/book/manage/${t} failed with Authorization: Bearer ${jwt} and ${jwt}`;
    const out = redactText(text);
    expect(out).not.toContain(t);
    expect(out).not.toContain('eyJ');
    expect(out).toContain('Bearer [redacted]');
    expect(out).toContain('/book/manage/[redacted]');
  });

  it('leaves ordinary text alone', () => {
    const text =
      'Error: x\n    at Object.<anonymous> (/work/app/node_modules/@nestjs/core/router/router-execution-context.js:46:28)';
    expect(redactText(text)).toBe(text);
  });
});

describe('redactValue', () => {
  it("drops a failed query's parameters and secret-keyed values, keeps the rest", () => {
    const err = {
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint',
      query: 'INSERT INTO clients (passport_number) VALUES ($1)',
      parameters: ['Z1234567', 'priya@example.com'],
      driverError: { code: '23505' },
      body: { email: 'a@b.c', password: 'a-long-test-password', passportNumber: 'Z1234567' },
    };
    const out = JSON.stringify(redactValue(err));
    expect(out).not.toContain('Z1234567');
    expect(out).not.toContain('a-long-test-password');
    expect(out).toContain('23505');
    expect(out).toContain('INSERT INTO clients');
  });
});
