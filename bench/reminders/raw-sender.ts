import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Job } from 'bull';
import { createTransport } from 'nodemailer';
// The transport module alone (not the library's index): the raw process loads nothing else of the product.
import { SMTP_POOL } from '../../libs/notifications/src/mail-transport';
import { openQueue, SEND_JOB, SWEEP_JOB } from './queues';

/**
 * The raw sending baseline, a process of its own like the worker: a bull queue consumed at the worker's
 * concurrency, each job sent with nodemailer over the product's pool settings (SMTP_POOL), and
 * nothing else (no database, no rendering, no outbox). GET /health answers once it consumes.
 */
interface RawMessage {
  from: string;
  subject: string;
  text: string;
  html: string;
}

interface RawJob {
  to: string;
  messageId: string;
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(`${name} is required`);
  }
  return value;
}

function main(): void {
  const message = JSON.parse(readFileSync(required('RAW_MESSAGE_FILE'), 'utf8')) as RawMessage;
  const concurrency = Number(required('RAW_SEND_CONCURRENCY'));
  const queue = openQueue(
    required('REDIS_URL'),
    required('RAW_QUEUE_PREFIX'),
    Number(required('RAW_LOCK_MS')),
  );
  // The product's pool settings (SmtpMailTransport, libs/notifications/src/mail-transport.ts).
  const transporter = createTransport({ url: required('SMTP_URL'), ...SMTP_POOL });

  const send = async (job: Job<RawJob>): Promise<void> => {
    await transporter.sendMail({ ...message, to: job.data.to, messageId: job.data.messageId });
  };
  // The same two registrations as the worker's RemindersProcessor (bull adds their concurrencies up).
  void queue.process(SEND_JOB, concurrency, send);
  void queue.process(SWEEP_JOB, 1, () => Promise.resolve());
  queue.on('error', (error) => process.stderr.write(`raw queue error: ${error.message}\n`));

  const health = createServer((_req, res) => res.writeHead(200).end('ok')).listen(
    Number(required('RAW_PORT')),
    '127.0.0.1',
  );
  process.once('SIGTERM', () => {
    void (async () => {
      await queue.close();
      transporter.close();
      health.close();
      process.exit(0);
    })();
  });
}

main();
