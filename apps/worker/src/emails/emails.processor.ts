import { InjectQueue } from '@nestjs/bull';
import {
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import type { Job, Queue } from 'bull';
import { AppConfig } from '@app/config';
import {
  EMAILS_QUEUE,
  EmailJob,
  OutboxSender,
  type DeliverEmailPayload,
  type DeliveryOutcome,
} from '@app/notifications';
import { closeProcessingQueue } from '../close-queue';

/** A temporary failure: thrown so bull retries the job after its back-off (the row is `pending` meanwhile). */
class RetryLater extends Error {}

/**
 * The emails queue's processor: delivers one outbox row per job through OutboxSender. A temporary failure is
 * rethrown so bull retries it with exponential back-off (EMAIL_ATTEMPTS, EMAIL_BACKOFF_MS); everything else ends
 * the job, the row says what happened.
 */
@Injectable()
export class EmailsProcessor implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EmailsProcessor');

  constructor(
    @InjectQueue(EMAILS_QUEUE) private readonly queue: Queue,
    private readonly sender: OutboxSender,
    private readonly config: AppConfig,
  ) {}

  async deliver(job: Job<DeliverEmailPayload>): Promise<DeliveryOutcome['outcome']> {
    const result = await this.sender.deliver(job.data.emailId);
    if (result.outcome === 'retry') {
      throw new RetryLater(result.error);
    }
    return result.outcome;
  }

  onApplicationBootstrap(): void {
    this.queue
      .process(EmailJob.Deliver, this.config.emails.concurrency, (job: Job<DeliverEmailPayload>) =>
        this.deliver(job),
      )
      .catch((error: unknown) =>
        this.logger.error(
          `Processing emails stopped: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    this.queue.on('error', (error) => this.logger.error(`Emails queue error: ${error.message}`));
    this.logger.log(`Delivering outbox emails (concurrency ${this.config.emails.concurrency})`);
  }

  /** SIGTERM: stop taking jobs; the ones at hand finish (and record their outcome) first. */
  async beforeApplicationShutdown(): Promise<void> {
    await closeProcessingQueue(this.queue);
  }
}
