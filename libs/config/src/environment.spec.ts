import { AppConfig } from './app-config';
import { ConfigError } from './environment';

const valid = {
  JWT_SECRET: 'a'.repeat(40),
  DATA_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64'),
};

function problemsOf(vars: Record<string, string>): string[] {
  try {
    AppConfig.fromVariables(vars);
  } catch (error) {
    if (error instanceof ConfigError) {
      return error.problems;
    }
    throw error;
  }
  return [];
}

describe('configuration', () => {
  it('applies the documented defaults', () => {
    const config = AppConfig.fromVariables(valid);
    expect(config).toMatchObject({
      port: 3000,
      firmTimeZone: 'America/Toronto',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/permitdesk',
      redisUrl: 'redis://127.0.0.1:6379',
      demoData: true,
      smtpUrl: undefined,
      cancellationCutoffHours: 24,
      appUrl: 'http://localhost:3000',
    });
    expect(config.dataEncryptionKey).toHaveLength(32);
  });

  it('points APP_URL at the port it serves unless set (links in emails and the start banner)', () => {
    expect(AppConfig.fromVariables({ ...valid, PORT: '4000' }).appUrl).toBe('http://localhost:4000');
    expect(
      AppConfig.fromVariables({ ...valid, PORT: '4000', APP_URL: 'https://permitdesk.example.ca/' }).appUrl,
    ).toBe('https://permitdesk.example.ca');
  });

  it('reads booleans and numbers from strings', () => {
    const config = AppConfig.fromVariables({
      ...valid,
      DEMO_DATA: 'false',
      PORT: '8080',
      CANCELLATION_CUTOFF_HOURS: '48',
    });
    expect(config.demoData).toBe(false);
    expect(config.port).toBe(8080);
    expect(config.cancellationCutoffHours).toBe(48);
  });

  it('reads the reminder queue settings, with defaults for production', () => {
    expect(AppConfig.fromVariables(valid).reminders).toEqual({
      attempts: 6,
      backoffMs: 60_000,
      sweepMs: 300_000,
      sendingTimeoutMs: 120_000,
      lockMs: 30_000,
      concurrency: 5,
    });
    const config = AppConfig.fromVariables({
      ...valid,
      REMINDER_ATTEMPTS: '3',
      REMINDER_BACKOFF_MS: '100',
      REMINDER_CONCURRENCY: '20',
    });
    expect(config.reminders).toMatchObject({ attempts: 3, backoffMs: 100, concurrency: 20 });
    expect(problemsOf({ ...valid, REMINDER_ATTEMPTS: '0' })).toHaveLength(1);
  });

  it('reads the public booking limits and confirmation, off by default', () => {
    expect(AppConfig.fromVariables(valid).booking).toEqual({
      emailConfirmation: false,
      holdMinutes: 30,
      limitPerEmail: 3,
      limitPerAddressPerHour: 5,
    });
    const config = AppConfig.fromVariables({
      ...valid,
      BOOKING_EMAIL_CONFIRMATION: 'true',
      BOOKING_CONFIRMATION_HOLD_MINUTES: '15',
      BOOKING_LIMIT_PER_EMAIL: '2',
      BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '10',
    });
    expect(config.booking).toEqual({
      emailConfirmation: true,
      holdMinutes: 15,
      limitPerEmail: 2,
      limitPerAddressPerHour: 10,
    });
    expect(
      problemsOf({ ...valid, BOOKING_CONFIRMATION_HOLD_MINUTES: '1', BOOKING_LIMIT_PER_EMAIL: '0' }),
    ).toHaveLength(2);
  });

  it('refuses missing secrets with one line per variable', () => {
    const problems = problemsOf({});
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^JWT_SECRET \(missing\): JWT_SECRET must be at least 32 characters/);
    expect(problems[1]).toMatch(
      /^DATA_ENCRYPTION_KEY \(missing\): DATA_ENCRYPTION_KEY must be 32 random bytes in base64/,
    );
  });

  it('names each bad variable and never echoes a secret', () => {
    const problems = problemsOf({
      JWT_SECRET: 'short-secret',
      DATA_ENCRYPTION_KEY: Buffer.alloc(16).toString('base64'),
      DATABASE_URL: 'mysql://localhost/db',
      FIRM_TIMEZONE: 'Mars/Olympus_Mons',
      PORT: 'eighty',
      SMTP_URL: 'not a url',
      DEMO_DATA: 'maybe',
    });
    const names = problems.map((p) => p.split(' ')[0]).sort();
    expect(names).toEqual([
      'DATABASE_URL',
      'DATA_ENCRYPTION_KEY',
      'DEMO_DATA',
      'FIRM_TIMEZONE',
      'JWT_SECRET',
      'PORT',
      'SMTP_URL',
    ]);
    expect(problems.join('\n')).not.toContain('short-secret');
    expect(problems.find((p) => p.startsWith('FIRM_TIMEZONE'))).toContain('IANA time zone');
  });

  it('accepts current IANA zones and refuses abbreviations', () => {
    expect(problemsOf({ ...valid, FIRM_TIMEZONE: 'America/Vancouver' })).toEqual([]);
    expect(problemsOf({ ...valid, FIRM_TIMEZONE: 'EST' })).toHaveLength(1);
  });

  it('trusts no proxy by default and reads TRUST_PROXY as express does', () => {
    expect(AppConfig.fromVariables(valid).trustProxy).toBe(false);
    const trust = (value: string) => AppConfig.fromVariables({ ...valid, TRUST_PROXY: value }).trustProxy;
    expect(trust('false')).toBe(false);
    expect(trust('true')).toBe(true);
    expect(trust('2')).toBe(2);
    expect(trust('loopback')).toBe('loopback');
    expect(trust('loopback, 10.0.0.0/8, fd00::/8, 192.0.2.7')).toBe('loopback,10.0.0.0/8,fd00::/8,192.0.2.7');
    for (const bad of ['yes-please', '10.0.0.0/33', '300.1.1.1', 'loopback,', '10.0.0.0/8/1']) {
      expect(problemsOf({ ...valid, TRUST_PROXY: bad })).toEqual([expect.stringMatching(/^TRUST_PROXY/)]);
    }
  });

  it('reads the sign-in limits, with defaults', () => {
    expect(AppConfig.fromVariables(valid).loginThrottle).toEqual({
      perAddressAndEmail: 10,
      perAddress: 30,
      lockout: { threshold: 5, baseSeconds: 30, maxSeconds: 900 },
    });
  });

  it("reads the password hash cost, argon2's own by default, and refuses less than OWASP's minimum", () => {
    expect(AppConfig.fromVariables(valid).passwordHashing).toEqual({ memoryKib: 65536, passes: 3, lanes: 4 });
    expect(
      AppConfig.fromVariables({
        ...valid,
        PASSWORD_HASH_MEMORY_KIB: '19456',
        PASSWORD_HASH_PASSES: '2',
        PASSWORD_HASH_LANES: '1',
      }).passwordHashing,
    ).toEqual({ memoryKib: 19456, passes: 2, lanes: 1 });
    const problems = problemsOf({
      ...valid,
      PASSWORD_HASH_MEMORY_KIB: '8192',
      PASSWORD_HASH_PASSES: '1',
      PASSWORD_HASH_LANES: '0',
    });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual([
      'PASSWORD_HASH_LANES',
      'PASSWORD_HASH_MEMORY_KIB',
      'PASSWORD_HASH_PASSES',
    ]);
    expect(problems.join('\n')).toContain("at least 19456 (19 MiB, OWASP's minimum for argon2id)");
  });
});
