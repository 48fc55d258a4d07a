import { Module, type DynamicModule } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { ConfigModule, type AppConfig } from '@app/config';
import { ConsultationsModule } from '@app/consultations';
import { DatabaseModule } from '@app/database';
import { ClockModule, type Clock } from '@app/shared';
import { loggerModule } from '@app/logging';
import { WorkerHealthController } from './health/health.controller';
import { EmailsWorkerModule } from './emails/emails-worker.module';
import { QueueHealthIndicator } from './health/queue-health.indicator';
import { queueModules } from './queues';
import { RemindersWorkerModule } from './reminders/reminders-worker.module';

export interface WorkerOptions {
  clock?: Clock;
  /** Serve GET /health on WORKER_PORT (its own process) or not (inside the all-in-one `npm start`). */
  http?: boolean;
  /**
   * `emails`: only the outbox's sender (no reminder processors, no sweep) — what the tests run next to an API
   * app so its emails are delivered as the worker would deliver them.
   */
  only?: 'emails';
}

/** The worker: bull processors and the queue connection, no business HTTP routes. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        loggerModule(config),
        DatabaseModule.forRoot(),
        TerminusModule.forRoot({ logger: false }),
        ...queueModules(),
        EmailsWorkerModule,
        ...(options.only === 'emails'
          ? []
          : [
              RemindersWorkerModule,
              // Registers the `consultation` reminder subject: the worker renders the clients' consultation reminders.
              ConsultationsModule,
            ]),
      ],
      // The health checks read the sweep's state: only a whole worker has them.
      controllers: options.http === false || options.only === 'emails' ? [] : [WorkerHealthController],
      providers: options.only === 'emails' ? [] : [QueueHealthIndicator],
    };
  }
}
