import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import type { Request } from 'express';
import { Logger } from 'nestjs-pino';
import { runWithRequestOrigin } from '@app/audit';
import type { AppConfig } from '@app/config';
import { AppModule, type ApiOptions } from './app.module';
import { jsonBodyParser } from './http/body-parser';
import { apiAnswersNotStored, securityHeaders } from './http/security-headers';
import { createOpenApiDocument } from './openapi/openapi-document';
import { mountQueuesBoard } from './reminders/queues-board';
import { mountWebApps } from './web/web-apps';

/** Builds the API exactly as production runs it; main.ts, the all-in-one start and the e2e tests all use this. */
export async function createApiApp(config: AppConfig, options: ApiOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, options), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Forwarded headers (X-Forwarded-For...) are believed only from the proxies TRUST_PROXY names; by default from
  // none, so a client cannot pick its own address to dodge the rate limits.
  app.set('trust proxy', config.trustProxy);
  app.use(securityHeaders(config));
  app.set('etag', false);
  app.use('/api', apiAnswersNotStored);
  const jwt = app.get(JwtService);
  app.use(
    jsonBodyParser({
      hasVerifiedToken: (req) => {
        const header = req.headers.authorization;
        if (!header?.startsWith('Bearer ')) {
          return false;
        }
        try {
          jwt.verify(header.slice('Bearer '.length), { algorithms: ['HS256'] });
          return true;
        } catch {
          return false;
        }
      },
    }),
  );
  // After the body parser, whose stream callbacks would not carry it: every audit event of the request says where
  // it came from.
  app.use((req: Request, _res: unknown, next: () => void) =>
    runWithRequestOrigin({ ipAddress: req.ip, userAgent: req.get('user-agent') }, next),
  );
  app.setGlobalPrefix('api');
  mountQueuesBoard(app);
  app.enableShutdownHooks();

  // Built on the first request for it, not at start: walking every route's metadata costs a third of a start.
  SwaggerModule.setup('api/docs', app, () => createOpenApiDocument(app), {
    jsonDocumentUrl: 'api/docs-json',
  });
  mountWebApps(app, options.webDir);
  await app.init();
  return app;
}
