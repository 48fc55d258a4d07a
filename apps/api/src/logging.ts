import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import pino, { type DestinationStream, type LoggerOptions } from 'pino';
import type { AppConfig } from '@app/config';
import { REDACTED, redactText, redactUrl, redactValue } from '@app/shared';

type LoggedRequest = IncomingMessage & { id?: unknown; originalUrl?: string };

/** Keys of logged objects (request bodies, DTOs, context) whose values never reach a log line. */
const REDACT_PATHS = [
  'password', 'currentPassword', 'newPassword', 'passportNumber', 'token', 'accessToken', 'manageToken', 'manageUrl',
  'authorization', 'cookie',
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
        return method.apply(this, args as Parameters<typeof method>);
      },
    },
  };
}

/** Where log lines go: LOG_FILE when set (appended, created with its folder), else stdout. */
function destination(config: AppConfig): DestinationStream | undefined {
  return config.logFile ? pino.destination({ dest: config.logFile, mkdir: true, append: true, sync: true }) : undefined;
}

/** pino for every app: JSON lines, a request id on each request (taken from X-Request-Id when sent). */
export function loggerModule(config: AppConfig, overrides: { level?: string } = {}) {
  const pretty = !config.logFile && config.env === 'development' && process.stdout.isTTY;
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
    transport: pretty ? { target: 'pino/file', options: { destination: 1 } } : undefined,
  };
  const stream = destination(config);
  return LoggerModule.forRoot({ pinoHttp: stream ? [options, stream] : options });
}
