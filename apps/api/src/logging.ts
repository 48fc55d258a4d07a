import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '@app/config';

/** pino for every app: JSON lines, a request id on each request (taken from X-Request-Id when sent). */
export function loggerModule(config: AppConfig) {
  return LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      genReqId: (req: IncomingMessage, res) => {
        const header = req.headers['x-request-id'];
        const id = typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
        res.setHeader('X-Request-Id', id);
        return id;
      },
      redact: ['req.headers.authorization', 'req.headers.cookie'],
      autoLogging: { ignore: (req) => req.url === '/api/health' },
      transport: config.env === 'development' && process.stdout.isTTY ? { target: 'pino/file', options: { destination: 1 } } : undefined,
    },
  });
}
