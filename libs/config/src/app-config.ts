import { randomBytes } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parse } from 'dotenv';
import { ConfigError, validateEnvironment, type EnvironmentVariables } from './environment';
import { tzdataProblems } from './tzdata';
import { parseTrustProxy } from './validators';

/** The validated, typed configuration every app and lib receives through DI. */
export class AppConfig {
  readonly env: EnvironmentVariables['NODE_ENV'];
  readonly port: number;
  readonly workerPort: number;
  readonly appUrl: string;
  readonly databaseUrl: string;
  /** Bounds on waiting for PostgreSQL, so a request never hangs on a database that is down. */
  readonly databaseTimeouts: { connectMs: number; queryMs: number };
  readonly redisUrl: string;
  readonly queuePrefix: string;
  readonly jwt: { secret: string; expiresIn: string };
  readonly smtpUrl: string | undefined;
  readonly mailFrom: string;
  readonly firmTimeZone: string;
  readonly dataEncryptionKey: Buffer;
  /** The master key before the last rotation, while data keys are re-wrapped (DATA_ENCRYPTION_KEY_PREVIOUS). */
  readonly previousDataEncryptionKey: Buffer | undefined;
  /**
   * Where document bytes live (an S3-compatible bucket when `s3` is set, else `dir`), the upload cap, and the
   * retention purge's defaults in days (after deletion; after the client is archived).
   */
  readonly documents: {
    dir: string;
    maxBytes: number;
    purgeAfterDays: number;
    retentionAfterArchiveDays: number;
    s3:
      | { bucket: string; endpoint?: string; region: string; accessKeyId?: string; secretAccessKey?: string }
      | undefined;
  };
  readonly firstAdmin: { email: string; password: string } | undefined;
  readonly demoData: boolean;
  readonly logLevel: string;
  /** Where log lines go instead of stdout (LOG_FILE), if anywhere. */
  readonly logFile: string | undefined;
  readonly rateLimits: { public: number };
  /** The cost of a password hash (argon2id, libs/auth/src/passwords.ts). */
  readonly passwordHashing: { memoryKib: number; passes: number; lanes: number };
  /** Sign-in limits (see LoginAttempts in apps/api). */
  readonly loginThrottle: {
    perAddressAndEmail: number;
    perAddress: number;
    lockout: { threshold: number; baseSeconds: number; maxSeconds: number };
  };
  /** express's `trust proxy`: which hops' X-Forwarded-For is believed. */
  readonly trustProxy: boolean | number | string;
  readonly reminders: {
    attempts: number;
    backoffMs: number;
    sweepMs: number;
    sendingTimeoutMs: number;
    lockMs: number;
    concurrency: number;
  };
  /** The outbox's delivery: retries of temporary failures and the acknowledgement window. */
  readonly emails: {
    attempts: number;
    backoffMs: number;
    ackWindowMs: number;
    concurrency: number;
  };
  /** Clients may cancel or reschedule a consultation by its manage link until this many hours before it. */
  readonly cancellationCutoffHours: number;
  /** Limits on public bookings and the optional email confirmation that holds a slot meanwhile. */
  readonly booking: {
    emailConfirmation: boolean;
    holdMinutes: number;
    limitPerEmail: number;
    limitPerAddressPerHour: number;
  };

  /** Client portal sessions (idle and absolute limits) and sign-in link requests (limits, answer time). */
  readonly portal: {
    idleMs: number;
    sessionMs: number;
    linkLimitPerEmail: number;
    linkLimitPerAddress: number;
    linkAnswerMs: number;
  };

  constructor(vars: EnvironmentVariables) {
    this.env = vars.NODE_ENV;
    this.port = vars.PORT;
    this.workerPort = vars.WORKER_PORT;
    this.appUrl = (vars.APP_URL ?? `http://localhost:${vars.PORT}`).replace(/\/+$/, '');
    this.databaseUrl = vars.DATABASE_URL;
    this.databaseTimeouts = {
      connectMs: vars.DATABASE_CONNECT_TIMEOUT_MS,
      queryMs: vars.DATABASE_QUERY_TIMEOUT_MS,
    };
    this.redisUrl = vars.REDIS_URL;
    this.queuePrefix = vars.QUEUE_PREFIX;
    this.jwt = { secret: vars.JWT_SECRET, expiresIn: vars.JWT_EXPIRES_IN };
    this.smtpUrl = vars.SMTP_URL;
    this.mailFrom = vars.MAIL_FROM;
    this.firmTimeZone = vars.FIRM_TIMEZONE;
    this.dataEncryptionKey = Buffer.from(vars.DATA_ENCRYPTION_KEY, 'base64');
    this.previousDataEncryptionKey = vars.DATA_ENCRYPTION_KEY_PREVIOUS
      ? Buffer.from(vars.DATA_ENCRYPTION_KEY_PREVIOUS, 'base64')
      : undefined;
    this.documents = {
      dir: resolve(process.cwd(), vars.DOCUMENTS_DIR),
      maxBytes: vars.DOCUMENT_MAX_BYTES,
      purgeAfterDays: vars.DOCUMENT_PURGE_AFTER_DAYS,
      retentionAfterArchiveDays: vars.DOCUMENT_RETENTION_AFTER_ARCHIVE_DAYS,
      s3: vars.DOCUMENTS_S3_BUCKET
        ? {
            bucket: vars.DOCUMENTS_S3_BUCKET,
            endpoint: vars.DOCUMENTS_S3_ENDPOINT,
            region: vars.DOCUMENTS_S3_REGION,
            accessKeyId: vars.DOCUMENTS_S3_ACCESS_KEY_ID,
            secretAccessKey: vars.DOCUMENTS_S3_SECRET_ACCESS_KEY,
          }
        : undefined,
    };
    this.firstAdmin =
      vars.ADMIN_EMAIL && vars.ADMIN_PASSWORD
        ? { email: vars.ADMIN_EMAIL, password: vars.ADMIN_PASSWORD }
        : undefined;
    this.demoData = vars.DEMO_DATA;
    this.logLevel = vars.LOG_LEVEL;
    this.logFile = vars.LOG_FILE;
    this.rateLimits = { public: vars.PUBLIC_RATE_LIMIT };
    this.passwordHashing = {
      memoryKib: vars.PASSWORD_HASH_MEMORY_KIB,
      passes: vars.PASSWORD_HASH_PASSES,
      lanes: vars.PASSWORD_HASH_LANES,
    };
    this.loginThrottle = {
      perAddressAndEmail: vars.LOGIN_RATE_LIMIT,
      perAddress: vars.LOGIN_ADDRESS_RATE_LIMIT,
      lockout: {
        threshold: vars.LOGIN_LOCKOUT_THRESHOLD,
        baseSeconds: vars.LOGIN_LOCKOUT_BASE_SECONDS,
        maxSeconds: vars.LOGIN_LOCKOUT_MAX_SECONDS,
      },
    };
    this.trustProxy = parseTrustProxy(vars.TRUST_PROXY) ?? false;
    this.reminders = {
      attempts: vars.REMINDER_ATTEMPTS,
      backoffMs: vars.REMINDER_BACKOFF_MS,
      sweepMs: vars.REMINDER_SWEEP_MS,
      sendingTimeoutMs: vars.REMINDER_SENDING_TIMEOUT_MS,
      lockMs: vars.REMINDER_LOCK_MS,
      concurrency: vars.REMINDER_CONCURRENCY,
    };
    this.emails = {
      attempts: vars.EMAIL_ATTEMPTS,
      backoffMs: vars.EMAIL_BACKOFF_MS,
      ackWindowMs: vars.EMAIL_ACK_WINDOW_MS,
      concurrency: vars.EMAIL_CONCURRENCY,
    };
    this.cancellationCutoffHours = vars.CANCELLATION_CUTOFF_HOURS;
    this.booking = {
      emailConfirmation: vars.BOOKING_EMAIL_CONFIRMATION,
      holdMinutes: vars.BOOKING_CONFIRMATION_HOLD_MINUTES,
      limitPerEmail: vars.BOOKING_LIMIT_PER_EMAIL,
      limitPerAddressPerHour: vars.BOOKING_LIMIT_PER_ADDRESS_PER_HOUR,
    };
    this.portal = {
      idleMs: vars.PORTAL_IDLE_MINUTES * 60_000,
      sessionMs: vars.PORTAL_SESSION_HOURS * 3_600_000,
      linkLimitPerEmail: vars.PORTAL_LINK_LIMIT_PER_EMAIL,
      linkLimitPerAddress: vars.PORTAL_LINK_LIMIT_PER_ADDRESS,
      linkAnswerMs: vars.PORTAL_LINK_ANSWER_MS,
    };
  }

  get isProduction(): boolean {
    return this.env === 'production';
  }

  /** Builds a config from explicit variables (tests, tools); throws ConfigError listing every bad one. */
  static fromVariables(vars: Record<string, string | undefined>): AppConfig {
    return new AppConfig(validateEnvironment(vars));
  }
}

const ENV_FILE = resolve(process.cwd(), '.env');

/**
 * The one place that reads process.env: the `.env` file in the working directory (if any) overlaid by the
 * real environment. Outside production, missing secrets are generated once into `.env`, so that a laptop
 * runs with `npm start` alone and keeps the same encryption key between runs.
 */
export function loadConfig(options: { generateLocalSecrets?: boolean } = {}): AppConfig {
  const fromFile = existsSync(ENV_FILE) ? parse(readFileSync(ENV_FILE)) : {};
  const vars: Record<string, string | undefined> = { ...fromFile, ...process.env };
  if (options.generateLocalSecrets && vars.NODE_ENV !== 'production') {
    const generated: string[] = [];
    if (!vars.JWT_SECRET) {
      vars.JWT_SECRET = randomBytes(48).toString('base64');
      generated.push(`JWT_SECRET=${vars.JWT_SECRET}`);
    }
    if (!vars.DATA_ENCRYPTION_KEY) {
      vars.DATA_ENCRYPTION_KEY = randomBytes(32).toString('base64');
      generated.push(`DATA_ENCRYPTION_KEY=${vars.DATA_ENCRYPTION_KEY}`);
    }
    if (generated.length > 0) {
      appendFileSync(
        ENV_FILE,
        `# generated for local development on first start; keep it to read encrypted data\n${generated.join('\n')}\n`,
      );
      process.stdout.write(
        `Generated local secrets into ${ENV_FILE} (set them in the environment for production).\n`,
      );
    }
  }
  return AppConfig.fromVariables(vars);
}

/** For process entry points: load the config or print what is wrong and exit 1. */
export function loadConfigOrExit(options: { generateLocalSecrets?: boolean } = {}): AppConfig {
  try {
    const config = loadConfig(options);
    checkRuntime(config, process.versions.tz);
    return config;
  } catch (error) {
    if (error instanceof Error && 'problems' in error) {
      process.stderr.write(`PermitDesk cannot start: ${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/**
 * Refuses a runtime whose time zone data would get the firm's dates wrong (see tzdata.ts): every entry point
 * (API, worker, standalone, CLI) goes through loadConfigOrExit, so this is the one check.
 */
export function checkRuntime(config: Pick<AppConfig, 'firmTimeZone'>, tz: string | undefined): void {
  const problems = tzdataProblems(tz, config.firmTimeZone);
  if (problems.length > 0) {
    throw new ConfigError(problems, 'Time zone data too old');
  }
}
