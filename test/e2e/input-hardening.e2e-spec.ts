import { StaffRole } from '@app/auth';
import { createTestApp, type SignedInClient, type TestApp } from '../support/test-app';

const ERROR_SHAPE = {
  statusCode: expect.any(Number),
  code: expect.any(String),
  message: expect.any(String),
  fields: expect.anything(),
  errorId: null,
};

describe('hostile input: never a 500, always a 4xx naming the field', () => {
  let t: TestApp;
  let admin: SignedInClient;

  beforeAll(async () => {
    t = await createTestApp({ env: { PUBLIC_RATE_LIMIT: '10000' } });
    admin = await t.signedInAs(StaffRole.Admin);
  });
  afterAll(() => t.close());

  describe('text that is not well-formed Unicode', () => {
    const loneSurrogate = '\ud83d@x.com';

    it('is a 400 naming the field on public bookings, clients and users', async () => {
      const booking = await t
        .http()
        .post('/api/public/bookings')
        .send({ type: '00000000-0000-4000-8000-000000000000', startsAt: '2026-12-01T15:00:00Z', name: 'P', email: loneSurrogate, timezone: 'UTC' });
      expect(booking.status).toBe(400);
      expect(booking.body).toMatchObject({ code: 'VALIDATION_FAILED', fields: { email: ['email is not well-formed Unicode text'] } });

      const client = await admin.post('/api/clients').send({ firstName: 'A', lastName: 'B', email: loneSurrogate });
      expect(client.status).toBe(400);
      expect(client.body).toMatchObject({ ...ERROR_SHAPE, fields: { email: [expect.stringContaining('Unicode')] } });

      const user = await admin
        .post('/api/users')
        .send({ email: loneSurrogate, name: 'N', role: 'consultant', password: 'a-long-password' });
      expect(user.status).toBe(400);
      expect(user.body.fields).toEqual({ email: ['email is not well-formed Unicode text'] });
    });

    it('is a 400 in nested fields, query values and path values too', async () => {
      const nested = await t
        .http()
        .post('/api/public/bookings')
        .send({ type: 'x', startsAt: 'x', name: 'P', email: 'p@x.ca', timezone: 'UTC', prescreen: { lmia: 'a\udc00' } });
      expect(nested.status).toBe(400);
      expect(nested.body.fields).toEqual({ 'prescreen.lmia': ['prescreen.lmia is not well-formed Unicode text'] });

      // Percent-encoded surrogates decode to U+FFFD in queries and are refused in paths: never a 500.
      const query = await admin.get('/api/clients?q=%ED%A0%BD%F0%9F');
      expect(query.status).toBe(200);
      const path = await t.http().get('/api/public/bookings/%ED%A0%BD');
      expect(path.status).toBe(400);
      expect(path.body).toMatchObject({ ...ERROR_SHAPE, fields: null });
    });
  });

  describe('prototype keys', () => {
    it('refuses __proto__, constructor and prototype keys in bodies, naming them', async () => {
      for (const key of ['__proto__', 'constructor', 'prototype']) {
        const res = await admin
          .post('/api/clients')
          .set('Content-Type', 'application/json')
          .send(`{"firstName":"A","lastName":"B","${key}":{"isAdmin":true}}`);
        expect(res.status).toBe(400);
        expect(Object.entries(res.body.fields as object)).toEqual([[key, [`${key} is not an allowed key`]]]);
      }
      const nested = await t
        .http()
        .post('/api/public/bookings')
        .set('Content-Type', 'application/json')
        .send('{"prescreen":{"__proto__":{"polluted":true}}}');
      expect(nested.status).toBe(400);
      expect(nested.body.fields).toEqual({ 'prescreen.__proto__': ['__proto__ is not an allowed key'] });
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });

    it('refuses them in query strings', async () => {
      const res = await admin.get('/api/clients?__proto__=x&constructor=y');
      expect(res.status).toBe(400);
      expect(Object.keys(res.body.fields as object).sort()).toEqual(['__proto__', 'constructor']);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });
  });
});
