import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { AppConfig } from '@app/config';
import { REDACTED, redactText, redactUrl, redactValue } from '@app/shared';

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/** Keys of logged objects (request bodies, DTOs, context) whose values never reach a log line. */
const REDACT_PATHS = [
  'password',
  'currentPassword',
  'newPassword',
  'passportNumber',
  'token',
  'accessToken',
  'manageToken',
  'manageUrl',
  'authorization',
  'cookie',
].flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

/**
 * Log options shared by every process. Requests are logged as id, method, redacted URL, address and user
 * agent: no headers (Authorization, Cookie, Set-Cookie, Referer never appear), no body, no route params. Every
 * message, error and logged object goes through the redaction rules of `@app/shared` (log-redaction.ts).
 */
export function logOptions(level: string): LoggerOptions {
  return {
    level,
    serializers: {
      req: (req: LoggedRequest) => ({
        id: req.id,
        method: req.method,
        url: redactUrl(req.originalUrl ?? req.url),
        remoteAddress: req.socket?.remoteAddress,
        userAgent: req.headers?.['user-agent'],
      }),
      res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      err: (err: Error) => redactValue(pino.stdSerializers.err(err)),
    },
    redact: { paths: REDACT_PATHS, censor: REDACTED },
    hooks: {
      logMethod(args, method) {
        for (let i = 0; i < args.length; i += 1) {
          if (typeof args[i] === 'string') {
            args[i] = redactText(args[i] as string);
          }
        }
        return method.apply(this, args);
      },
    },
  };
}

/** Where log lines go: LOG_FILE when set (appended, created with its folder), else stdout. */
function destination(config: AppConfig): DestinationStream | undefined {
  return config.logFile
    ? pino.destination({ dest: config.logFile, mkdir: true, append: true, sync: true })
    : undefined;
}

const LEVELS: Record<number, string> = {
  10: 'TRACE',
  20: 'DEBUG',
  30: 'INFO',
  40: 'WARN',
  50: 'ERROR',
  60: 'FATAL',
};

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * One pino JSON line as one line a person reads: `14:03:07 WARN  [Context] message`, a request as
 * `GET /api/clients 200 12ms`, an error's type and message after the text. Anything that is not JSON passes as is.
 */
export function humanLine(json: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(json) as Record<string, unknown>;
  } catch {
    return json.endsWith('\n') ? json : `${json}\n`;
  }
  const time = new Date(typeof entry.time === 'number' ? entry.time : Date.now());
  const clock = `${pad2(time.getHours())}:${pad2(time.getMinutes())}:${pad2(time.getSeconds())}`;
  const level = (LEVELS[Number(entry.level)] ?? String(entry.level)).padEnd(5);
  const parts: string[] = [clock, level];
  if (typeof entry.context === 'string') {
    parts.push(`[${entry.context}]`);
  }
  // pino's msg is a string; anything else is shown as JSON rather than "[object Object]".
  const message =
    entry.msg === undefined ? '' : typeof entry.msg === 'string' ? entry.msg : JSON.stringify(entry.msg);
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  if (req?.method && res?.statusCode) {
    parts.push(
      `${req.method} ${req.url ?? ''} ${res.statusCode}${typeof entry.responseTime === 'number' ? ` ${entry.responseTime}ms` : ''}`,
    );
  } else if (entry.msg !== undefined) {
    parts.push(message);
  }
  const err = entry.err as { type?: string; message?: string } | undefined;
  if (err?.message && !message.includes(err.message)) {
    parts.push(`(${err.type ?? 'Error'}: ${err.message})`);
  }
  return `${parts.join(' ').replace(/\s*\n\s*/g, ' ')}\n`;
}

/** Log lines for a person at a terminal (development only): `humanLine` on stdout, written in order. */
export function humanReadableStream(
  out: { write(text: string): unknown } = process.stdout,
): DestinationStream {
  return { write: (line: string) => void out.write(humanLine(line)) };
}

let humanReadable = false;

/** `npm start` in development: human-readable log lines even when its output goes to a pipe or a file. */
export function useHumanReadableLogs(): void {
  humanReadable = true;
}

/**
 * pino for every app, with a request id on each request (taken from X-Request-Id when sent): JSON lines, or in
 * development without LOG_FILE, one readable line per message when stdout is a terminal or `npm start` asks.
 */
export function loggerModule(config: AppConfig, overrides: { level?: string } = {}) {
  const human =
    !config.logFile && config.env === 'development' && (humanReadable || Boolean(process.stdout.isTTY));
  const options = {
    ...logOptions(overrides.level ?? config.logLevel),
    // pino-http hands the raw req/res/error to the serializers above (cheaper than the standard ones first).
    wrapSerializers: false,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const header = req.headers['x-request-id'];
      const id = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
      res.setHeader('X-Request-Id', id);
      return id;
    },
    autoLogging: { ignore: (req: IncomingMessage) => req.url === '/api/health' },
  };
  const stream = human ? humanReadableStream() : destination(config);
  return LoggerModule.forRoot({ pinoHttp: stream ? [options, stream] : options });
}
