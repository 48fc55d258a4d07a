// Long on purpose: every environment variable PermitDesk reads, with its default, its check and why,
// in one class an operator can read top to bottom.
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Max,
  Min,
  MinLength,
  validateSync,
  type ValidationError,
} from 'class-validator';
import { IsBase64Key, IsIanaTimeZone, IsServiceUrl, IsTrustProxy } from './validators';

const BOOLEANS: Record<string, boolean> = {
  true: true,
  '1': true,
  yes: true,
  false: false,
  '0': false,
  no: false,
};
const toBoolean = ({ value }: { value: unknown }) =>
  typeof value === 'string' && value.trim().toLowerCase() in BOOLEANS
    ? BOOLEANS[value.trim().toLowerCase()]
    : value;
const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;

/** Every environment variable PermitDesk reads, with its default. Validated once at start. */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsServiceUrl(['postgres:', 'postgresql:'])
  DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/permitdesk';

  /** How long a request waits for a database connection (connect, or a free pooled one) before a 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(60_000)
  DATABASE_CONNECT_TIMEOUT_MS = 10_000;

  /** How long a query may go without an answer (a database that stopped answering) before a 503. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(600_000)
  DATABASE_QUERY_TIMEOUT_MS = 10_000;

  @IsServiceUrl(['redis:', 'rediss:'])
  REDIS_URL = 'redis://127.0.0.1:6379';

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (e.g. `openssl rand -base64 48`)' })
  JWT_SECRET: string;

  @IsString()
  JWT_EXPIRES_IN = '8h';

  @IsOptional()
  @IsServiceUrl(['smtp:', 'smtps:'])
  SMTP_URL?: string;

  @IsString()
  MAIL_FROM = 'PermitDesk <no-reply@permitdesk.local>';

  /** Unset: http://localhost:<PORT>, so a laptop's links (emails, the start banner) reach the port it serves. */
  @IsOptional()
  @IsServiceUrl(['http:', 'https:'])
  APP_URL?: string;

  @IsIanaTimeZone()
  FIRM_TIMEZONE = 'America/Toronto';

  @IsBase64Key(32)
  DATA_ENCRYPTION_KEY: string;

  /** The master key before the last rotation, only while `npm run cli -- rotate-document-keys` re-wraps data keys. */
  @IsOptional()
  @IsBase64Key(32)
  DATA_ENCRYPTION_KEY_PREVIOUS?: string;

  /** Folder of the (encrypted) document bytes when no S3 bucket is set; created on start. */
  @IsString()
  @MinLength(1)
  DOCUMENTS_DIR = './data/documents';

  /** Keep documents in this S3-compatible bucket instead of DOCUMENTS_DIR. */
  @IsOptional()
  @IsString()
  @MinLength(3)
  DOCUMENTS_S3_BUCKET?: string;

  /** The S3-compatible endpoint (MinIO, Ceph...); unset for AWS. Path-style addressing is used. */
  @IsOptional()
  @IsServiceUrl(['http:', 'https:'])
  DOCUMENTS_S3_ENDPOINT?: string;

  @IsString()
  DOCUMENTS_S3_REGION = 'us-east-1';

  /** Unset: the SDK's usual credential chain (instance role, AWS_* variables). */
  @IsOptional()
  @IsString()
  DOCUMENTS_S3_ACCESS_KEY_ID?: string;

  @IsOptional()
  @IsString()
  DOCUMENTS_S3_SECRET_ACCESS_KEY?: string;

  /** The largest document an upload may carry, in bytes (413 beyond). */
  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(2 * 1024 * 1024 * 1024)
  DOCUMENT_MAX_BYTES = 20 * 1024 * 1024;

  /** `purge-documents` removes the bytes of documents deleted more than this many days ago. */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(36500)
  DOCUMENT_PURGE_AFTER_DAYS = 30;

  /**
   * `purge-documents` removes the bytes of the documents of clients archived more than this many days ago: the
   * firm's record retention (CICC members keep client records at least 6 years).
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(36500)
  DOCUMENT_RETENTION_AFTER_ARCHIVE_DAYS = 2557;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  PORT = 3000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  WORKER_PORT = 3001;

  @IsOptional()
  @IsEmail({}, { message: 'ADMIN_EMAIL must be an email address' })
  ADMIN_EMAIL?: string;

  @IsOptional()
  @IsString()
  @MinLength(12, { message: 'ADMIN_PASSWORD must be at least 12 characters' })
  ADMIN_PASSWORD?: string;

  @Transform(toBoolean)
  @IsBoolean({ message: 'DEMO_DATA must be true or false' })
  DEMO_DATA = true;

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  /** Append log lines to this file (created with its folder) instead of writing them to stdout. */
  @IsOptional()
  @IsString()
  LOG_FILE?: string;

  /**
   * The cost of a password hash (argon2id): memory in KiB, passes and lanes. The defaults are argon2's own; OWASP's
   * minimum (19 MiB, 2 passes) is the floor. A firm on a small server may choose OWASP's minimum to spend less memory
   * and CPU per sign-in; existing hashes keep verifying with the cost they were made with.
   */
  @Transform(toInt)
  @IsInt()
  @Min(19_456, {
    message: "PASSWORD_HASH_MEMORY_KIB must be at least 19456 (19 MiB, OWASP's minimum for argon2id)",
  })
  @Max(4_194_304)
  PASSWORD_HASH_MEMORY_KIB = 65_536;

  @Transform(toInt)
  @IsInt()
  @Min(2, { message: "PASSWORD_HASH_PASSES must be at least 2 (OWASP's minimum for argon2id at 19 MiB)" })
  @Max(32)
  PASSWORD_HASH_PASSES = 3;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(16)
  PASSWORD_HASH_LANES = 4;

  /** Sign-in attempts a minute per address and email. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_RATE_LIMIT = 10;

  /** Failed sign-ins per address in 15 minutes, whatever the email (password spraying). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_ADDRESS_RATE_LIMIT = 30;

  /** Failed sign-ins in a row on one account, from any address, before it is held with exponential back-off. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_THRESHOLD = 5;

  /** The first hold of an account; each further failure doubles it. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  LOGIN_LOCKOUT_BASE_SECONDS = 30;

  /** The longest hold of an account. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86_400)
  LOGIN_LOCKOUT_MAX_SECONDS = 900;

  /**
   * Which proxies' X-Forwarded-For to believe (express `trust proxy`): false (default: none), true, a hop count, or
   * a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDR ranges.
   */
  @IsTrustProxy()
  TRUST_PROXY = 'false';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  PUBLIC_RATE_LIMIT = 60;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(720)
  CANCELLATION_CUTOFF_HOURS = 24;

  /** Public bookings hold their slot only once the client clicks the link emailed to them. */
  @Transform(toBoolean)
  @IsBoolean({ message: 'BOOKING_EMAIL_CONFIRMATION must be true or false' })
  BOOKING_EMAIL_CONFIRMATION = false;

  /** How long an unconfirmed public booking holds its slot (with BOOKING_EMAIL_CONFIRMATION). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(1440)
  BOOKING_CONFIRMATION_HOLD_MINUTES = 30;

  /** Open future public bookings one email address may have at once. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BOOKING_LIMIT_PER_EMAIL = 3;

  /** Public bookings one client address may make in an hour (counted in Redis, across API processes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  BOOKING_LIMIT_PER_ADDRESS_PER_HOUR = 5;

  /** A client portal session ends after this many minutes without a request. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1440)
  PORTAL_IDLE_MINUTES = 30;

  /** A client portal session ends this many hours after sign-in, however active. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(168)
  PORTAL_SESSION_HOURS = 12;

  /** Portal sign-in links one email address may ask for in an hour (counted in Redis, across API processes). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PORTAL_LINK_LIMIT_PER_EMAIL = 5;

  /** Portal sign-in links one client address may ask for in an hour, whatever the emails. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  PORTAL_LINK_LIMIT_PER_ADDRESS = 20;

  /**
   * The least time a portal link request takes to answer, in milliseconds, so that a known email (a link written
   * and queued) and an unknown one (nothing to do) answer alike.
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5000)
  PORTAL_LINK_ANSWER_MS = 400;

  @IsString()
  QUEUE_PREFIX = 'permitdesk';

  /** Send attempts per reminder before it ends `failed`. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  REMINDER_ATTEMPTS = 6;

  /** First retry delay; each next one doubles (exponential backoff). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  REMINDER_BACKOFF_MS = 60_000;

  /** How often the sweep re-enqueues missing jobs and recovers rows stuck in `sending`. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REMINDER_SWEEP_MS = 300_000;

  /** A row `sending` longer than this, whose job no worker holds, is recovered by the sweep. */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  REMINDER_SENDING_TIMEOUT_MS = 120_000;

  /** bull's job lock: a killed worker's job is known abandoned once it expires (renewed every half of it); also the
   * period of bull's stalled-job check, which hands such a job to another worker. */
  @Transform(toInt)
  @IsInt()
  @Min(500)
  REMINDER_LOCK_MS = 30_000;

  /** Reminder jobs one worker process sends at the same time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  REMINDER_CONCURRENCY = 5;

  /** Delivery attempts per email on temporary failures (4xx, refused connections, timeouts) before `failed`. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(50)
  EMAIL_ATTEMPTS = 8;

  /** First retry delay of an email; each next one doubles (30 s, 1 min, 2 min, ... about 1 h over 8 attempts). */
  @Transform(toInt)
  @IsInt()
  @Min(10)
  EMAIL_BACKOFF_MS = 30_000;

  /**
   * The acknowledgement window: an email whose send may have gone through (the connection dropped after the
   * message, before the server's "250 OK"; the process died mid-send) is not sent again before this has passed.
   */
  @Transform(toInt)
  @IsInt()
  @Min(100)
  EMAIL_ACK_WINDOW_MS = 900_000;

  /** Emails one worker process hands to SMTP at the same time. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100)
  EMAIL_CONCURRENCY = 5;
}

export class ConfigError extends Error {
  constructor(
    readonly problems: string[],
    heading = 'Invalid configuration',
  ) {
    super(`${heading}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

const VARIABLES = new Set([
  'NODE_ENV',
  'DATABASE_URL',
  'DATABASE_CONNECT_TIMEOUT_MS',
  'DATABASE_QUERY_TIMEOUT_MS',
  'REDIS_URL',
  'JWT_SECRET',
  'JWT_EXPIRES_IN',
  'SMTP_URL',
  'MAIL_FROM',
  'APP_URL',
  'FIRM_TIMEZONE',
  'DATA_ENCRYPTION_KEY',
  'DATA_ENCRYPTION_KEY_PREVIOUS',
  'DOCUMENTS_DIR',
  'DOCUMENTS_S3_BUCKET',
  'DOCUMENTS_S3_ENDPOINT',
  'DOCUMENTS_S3_REGION',
  'DOCUMENTS_S3_ACCESS_KEY_ID',
  'DOCUMENTS_S3_SECRET_ACCESS_KEY',
  'DOCUMENT_MAX_BYTES',
  'DOCUMENT_PURGE_AFTER_DAYS',
  'DOCUMENT_RETENTION_AFTER_ARCHIVE_DAYS',
  'PORT',
  'WORKER_PORT',
  'ADMIN_EMAIL',
  'ADMIN_PASSWORD',
  'DEMO_DATA',
  'LOG_LEVEL',
  'LOG_FILE',
  'PASSWORD_HASH_MEMORY_KIB',
  'PASSWORD_HASH_PASSES',
  'PASSWORD_HASH_LANES',
  'LOGIN_RATE_LIMIT',
  'LOGIN_ADDRESS_RATE_LIMIT',
  'LOGIN_LOCKOUT_THRESHOLD',
  'LOGIN_LOCKOUT_BASE_SECONDS',
  'LOGIN_LOCKOUT_MAX_SECONDS',
  'TRUST_PROXY',
  'PUBLIC_RATE_LIMIT',
  'QUEUE_PREFIX',
  'PORTAL_IDLE_MINUTES',
  'PORTAL_SESSION_HOURS',
  'PORTAL_LINK_LIMIT_PER_EMAIL',
  'PORTAL_LINK_LIMIT_PER_ADDRESS',
  'PORTAL_LINK_ANSWER_MS',
  'CANCELLATION_CUTOFF_HOURS',
  'REMINDER_ATTEMPTS',
  'REMINDER_BACKOFF_MS',
  'REMINDER_SWEEP_MS',
  'REMINDER_SENDING_TIMEOUT_MS',
  'REMINDER_LOCK_MS',
  'REMINDER_CONCURRENCY',
  'EMAIL_ATTEMPTS',
  'EMAIL_BACKOFF_MS',
  'EMAIL_ACK_WINDOW_MS',
  'EMAIL_CONCURRENCY',
  'BOOKING_EMAIL_CONFIRMATION',
  'BOOKING_CONFIRMATION_HOLD_MINUTES',
  'BOOKING_LIMIT_PER_EMAIL',
  'BOOKING_LIMIT_PER_ADDRESS_PER_HOUR',
]);

function describe(errors: ValidationError[]): string[] {
  return errors.flatMap((e) => {
    const messages = Object.values(e.constraints ?? {});
    const first = messages[0] ?? 'is invalid';
    const shown =
      e.property.includes('SECRET') || e.property.includes('KEY') || e.property.includes('PASSWORD');
    const value = e.value === undefined ? 'missing' : shown ? 'set but invalid' : JSON.stringify(e.value);
    return [`${e.property} (${value}): ${first.startsWith(e.property) ? first : `${e.property} ${first}`}`];
  });
}

/**
 * Validates the given variables (process.env by default) and returns them typed.
 * Throws ConfigError with one line per bad variable.
 */
export function validateEnvironment(env: Record<string, string | undefined>): EnvironmentVariables {
  const relevant: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value !== '' && VARIABLES.has(key)) {
      relevant[key] = value;
    }
  }
  const parsed = plainToInstance(EnvironmentVariables, relevant, { exposeDefaultValues: true });
  const errors = validateSync(parsed, { skipMissingProperties: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigError(describe(errors));
  }
  return parsed;
}
