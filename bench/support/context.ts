import { randomBytes } from 'node:crypto';

/** How big the generated firm is and how long each load lasts. */
export interface Sizes {
  consultants: number;
  clients: number;
  files: number;
  deadlines: number;
  /** Of `deadlines`, how many are open and due from tomorrow on (the ones a re-plan of reminders covers). */
  openFutureDeadlines: number;
  consultations: number;
  /** Seconds of load per API scenario and per server. */
  /** Seconds of warm-up before each closed-loop run. */
  warmUpSeconds: number;
  loadSeconds: number;
  connections: number;
  /** Requests sent one after the other per API scenario and server, and seconds of each fixed-rate run. */
  oneConnectionRequests: number;
  fixedRateSeconds: number;
  /** Reminder emails the send benchmark delivers. */
  sendEmails: number;
  /** The one large document uploaded then downloaded, in bytes, and how many times each transfer is timed. */
  documentBytes: number;
  documentRuns: number;
  /** Uploads sent at the same time, and the size of each. */
  concurrentUploads: number;
  concurrentUploadBytes: number;
  /** Checklist requests timed one after the other. */
  checklistRequests: number;
}

export const FULL: Sizes = {
  consultants: 20,
  clients: 100_000,
  files: 150_000,
  deadlines: 400_000,
  openFutureDeadlines: 100_000,
  consultations: 20_000,
  warmUpSeconds: 1,
  loadSeconds: 20,
  connections: 50,
  oneConnectionRequests: 500,
  fixedRateSeconds: 20,
  sendEmails: 10_000,
  documentBytes: 50 * 1024 * 1024,
  documentRuns: 5,
  concurrentUploads: 20,
  concurrentUploadBytes: 5 * 1024 * 1024,
  checklistRequests: 500,
};

export const QUICK: Sizes = {
  consultants: 5,
  clients: 2_000,
  files: 3_000,
  deadlines: 8_000,
  openFutureDeadlines: 2_000,
  consultations: 400,
  warmUpSeconds: 0.5,
  // A smoke run that CI keeps under two minutes: the API section is most of it (5 scenarios × 2 servers × 2 loads).
  loadSeconds: 1,
  connections: 50,
  oneConnectionRequests: 50,
  fixedRateSeconds: 1,
  sendEmails: 500,
  documentBytes: 5 * 1024 * 1024,
  documentRuns: 2,
  concurrentUploads: 20,
  concurrentUploadBytes: 512 * 1024,
  checklistRequests: 100,
};

export type SectionName = 'seed' | 'api' | 'reminders' | 'documents' | 'billing';
export const SECTIONS: SectionName[] = ['seed', 'api', 'reminders', 'documents', 'billing'];

/** What the seed made that the other sections need. */
export interface SeedInfo {
  /** Every seeded staff user signs in with this password. */
  password: string;
  adminEmail: string;
  consultants: { id: string; email: string }[];
  /** The active 30-minute consultation type every consultant offers. */
  consultationTypeId: string;
  /** A sample of file ids spread over the whole table. */
  fileIds: string[];
  /** Name fragments that match some clients (3 to 5 letters). */
  nameFragments: string[];
}

export interface BenchContext {
  quick: boolean;
  sizes: Sizes;
  databaseUrl: string;
  redisUrl: string;
  /** The bull key prefix of the processes started on the bench database (named after it). */
  queuePrefix: string;
  /** Variables for a PermitDesk process (API or worker) started on the bench database. */
  appEnv(extra?: Record<string, string>): NodeJS.ProcessEnv;
  log(message: string): void;
  seed?: SeedInfo;
  /** --scenario: only the api scenarios whose name contains this (any case). */
  scenario?: string;
}

export interface Check {
  label: string;
  value: string;
  budget: string;
  pass: boolean;
}

/** One section's results: a table, the budgets it checked and short notes. */
export interface SectionResult {
  title: string;
  headers: string[];
  rows: (string | number)[][];
  checks: Check[];
  notes?: string[];
}

const SERVER_URL = process.env.BENCH_DATABASE_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function createContext(quick: boolean, scenario?: string): BenchContext {
  const url = new URL(SERVER_URL);
  const database = process.env.BENCH_DATABASE ?? (quick ? 'permitdesk_bench_quick' : 'permitdesk_bench');
  url.pathname = `/${database}`;
  const databaseUrl = url.toString();
  const redisUrl = process.env.BENCH_REDIS_URL ?? 'redis://127.0.0.1:6379';
  const jwtSecret = randomBytes(48).toString('base64');
  const dataKey = randomBytes(32).toString('base64');
  return {
    quick,
    sizes: quick ? QUICK : FULL,
    databaseUrl,
    redisUrl,
    queuePrefix: database,
    appEnv: (extra = {}) => ({
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      DATABASE_URL: databaseUrl,
      REDIS_URL: redisUrl,
      QUEUE_PREFIX: database,
      JWT_SECRET: jwtSecret,
      DATA_ENCRYPTION_KEY: dataKey,
      DEMO_DATA: 'false',
      // The load comes from one address: the per-address limits would answer 429 after the first minute's quota.
      LOGIN_RATE_LIMIT: '1000000',
      PUBLIC_RATE_LIMIT: '100000000',
      BOOKING_LIMIT_PER_ADDRESS_PER_HOUR: '100000000',
      ...extra,
    }),
    log: (message) => console.log(message),
    scenario,
  };
}
