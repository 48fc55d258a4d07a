import type { INestApplication, INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { AppConfig } from '@app/config';
import { WorkerModule, type WorkerOptions } from './worker.module';

/** The worker as its own process: processors plus GET /health on WORKER_PORT. */
export async function createWorkerApp(
  config: AppConfig,
  options: WorkerOptions = {},
): Promise<INestApplication> {
  const app = await NestFactory.create(WorkerModule.forRoot(config, { ...options, http: true }), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  // Finish the job at hand on SIGTERM: Nest closes the bull queues, which wait for active jobs.
  app.enableShutdownHooks();
  await app.init();
  return app;
}

/** The worker inside another process (the all-in-one `npm start`): processors only, no HTTP. */
export async function createWorkerContext(
  config: AppConfig,
  options: WorkerOptions = {},
): Promise<INestApplicationContext> {
  const context = await NestFactory.createApplicationContext(
    WorkerModule.forRoot(config, { ...options, http: false }),
    {
      bufferLogs: true,
    },
  );
  context.useLogger(context.get(Logger));
  context.enableShutdownHooks();
  return context;
}
