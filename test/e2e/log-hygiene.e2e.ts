import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { StaffRole } from '@app/auth';
import { findLogLeaks, TEST_LOG_DIR } from '../support/log-scanner';
import { createTestApp, TEST_CONFIG_SECRETS, TEST_JWT_SECRET, type TestApp } from '../support/test-app';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('log scanner', () => {
  it('flags credentials, link tokens, password and passport fields, and known secrets', () => {
    const token = randomBytes(32).toString('base64url');
    const lines = [
      `{"msg":"token ${JWT}"}`,
      '{"msg":"Authorization: Bearer abcdef123456"}',
      `{"req":{"url":"/api/public/bookings/${token}/cancel"}}`,
      `{"req":{"url":"/book/manage/${token}"}}`,
      `{"req":{"url":"/portal/sign-in/${token}"}}`,
      '{"headers":{"cookie":"pd_queues=abc.123.def"}}',
      '{"body":{"email":"a@b.c","password":"hunter2hunter2"}}',
      '{"body":{"passportNumber":"X9999999"}}',
      '{"err":{"parameters":["X9999999"]}}',
      `{"msg":"secret is ${TEST_JWT_SECRET}"}`,
      '{"msg":"login with a-long-test-password"}',
    ];
    const leaks = findLogLeaks(lines.join('\n'), TEST_CONFIG_SECRETS);
    expect(new Set(leaks.map((l) => l.line))).toEqual(new Set(lines.map((_, i) => i + 1)));
  });

  it('passes redacted lines, ids and ordinary text', () => {
    const lines = [
      '{"req":{"url":"/api/public/bookings/[redacted]/cancel"},"msg":"request completed"}',
      '{"req":{"url":"/book/manage/[redacted]"}}',
      '{"req":{"url":"/api/portal/files/2f1d3c9e-8b7a-4c6d-9e0f-112233445566"}}',
      '{"msg":"Bearer [redacted]","body":{"password":"[redacted]","passportNumber":"[redacted]"}}',
      '{"msg":"Mapped {/api/public/bookings/:token, GET} route"}',
    ];
    expect(findLogLeaks(lines.join('\n'), TEST_CONFIG_SECRETS)).toEqual([]);
  });
});

describe('the logs of a real app', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    // close() scans this app's log file and throws on any leak.
    await t.close();
  });

  it('carry no credential, token, password or passport number, whatever the requests and errors held', async () => {
    const admin = await t.signedInAs(StaffRole.Admin);
    const token = randomBytes(32).toString('base64url');
    const session = await admin.post('/api/auth/queues-session').expect(200);
    const cookie = String(session.headers['set-cookie']).split(';')[0];

    await t.http().get(`/api/public/bookings/${token}`);
    await t.http().post(`/api/public/bookings/${token}/cancel`).send({});
    await t
      .http()
      .get(`/api/public/slots?token=${token}&password=a-long-test-password&access_token=${admin.token}`);
    await t.http().get(`/api/portal/sign-in/${token}`);
    await t.http().get(`/book/manage/${token}`);
    await t.http().get('/admin/queues/api/queues').set('Cookie', cookie);
    await t
      .http()
      .get('/api/clients')
      .set('Authorization', `Bearer ${admin.token}`)
      .set('Referer', `http://x/book/manage/${token}`);
    await t.http().post('/api/auth/login').send({ email: admin.user.email, password: 'wrong-password-here' });
    await admin
      .post('/api/clients')
      .send({ firstName: 'Priya', lastName: 'Sharma', passportNumber: 'Z1234567', email: 'nope' });
    const failedQuery = Object.assign(new Error(`insert failed for /book/manage/${token}`), {
      query: 'INSERT INTO clients (passport_number) VALUES ($1)',
      parameters: ['Z1234567', 'a-long-test-password'],
    });
    new Logger('LogHygieneTest').error(
      { err: failedQuery, body: { password: 'a-long-test-password', passportNumber: 'Z1234567' } },
      `Authorization: Bearer ${admin.token}`,
    );

    const log = readFileSync(t.logFile, 'utf8');
    // The requests were logged (the check below is not vacuous) ...
    expect(log).toContain('/api/public/bookings/[redacted]/cancel');
    expect(log).toContain('/api/public/slots?token=[redacted]&password=[redacted]&access_token=[redacted]');
    expect(log).toContain('/api/portal/sign-in/[redacted]');
    expect(log).toContain('LogHygieneTest');
    // ... and hold no secret.
    expect(findLogLeaks(log, TEST_CONFIG_SECRETS)).toEqual([]);
    expect(log).not.toContain(token);
    expect(log).not.toContain(admin.token);
  });
});

describe('a leak in the logs', () => {
  it("fails the test file: TestApp.close() throws when the app's log file holds a secret", async () => {
    // A log file of its own, so that the leak written here fails only this app's close().
    const t = await createTestApp({
      env: { LOG_FILE: join(TEST_LOG_DIR, `leak-${randomBytes(4).toString('hex')}.log`) },
    });
    await t.http().get('/api/health');
    // What a logger without the redaction rules would write.
    appendFileSync(
      t.logFile,
      `{"level":30,"req":{"url":"/book/manage/${randomBytes(32).toString('base64url')}"}}\n`,
    );
    await expect(t.close()).rejects.toThrow(
      /1 secret\(s\) leaked into the logs[\s\S]*manage token in a path/,
    );
  });
});
