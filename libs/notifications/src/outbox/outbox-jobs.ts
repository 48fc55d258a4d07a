import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager, type EntitySubscriberInterface, type QueryRunner, type TransactionCommitEvent, type TransactionRollbackEvent } from 'typeorm';
import { EmailQueue } from './email-queue';

const FLUSH_TIMEOUT_MS = 3000;

/**
 * Adds the delivery jobs of the outbox rows a transaction wrote, once it commits (nothing on rollback), so a job
 * never points at a row that does not exist. A crash or an unreachable Redis between the COMMIT and the add
 * loses only the job: the row is `pending` in PostgreSQL and the sweep adds its job.
 */
@Injectable()
export class OutboxJobs implements EntitySubscriberInterface, OnModuleInit {
  private readonly logger = new Logger('OutboxJobs');
  private readonly pending = new WeakMap<QueryRunner, Set<string>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: EmailQueue,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) {
      this.dataSource.subscribers.push(this);
    }
  }

  /** The row's job, after the manager's transaction commits (at once without a transaction). */
  async add(manager: EntityManager, id: string): Promise<void> {
    const runner = manager.queryRunner;
    if (!runner || !runner.isTransactionActive) {
      await this.flush([id]);
      return;
    }
    const held = this.pending.get(runner) ?? new Set<string>();
    held.add(id);
    this.pending.set(runner, held);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // Also called when a savepoint is released; only the outermost commit makes rows visible.
    if (event.queryRunner.isTransactionActive) {
      return;
    }
    const ids = this.pending.get(event.queryRunner);
    if (ids) {
      this.pending.delete(event.queryRunner);
      await this.flush([...ids]);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      this.pending.delete(event.queryRunner);
    }
  }

  /** Never throws: the rows are committed; a job that could not be written is restored by the sweep. */
  async flush(ids: string[]): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const work = this.queue.schedule(ids.map((id) => ({ id }))).then(
      () => null,
      (error: unknown) => error,
    );
    const timeout = new Promise<Error>((resolve) => {
      timer = setTimeout(() => resolve(new Error(`Redis did not answer within ${FLUSH_TIMEOUT_MS} ms`)), FLUSH_TIMEOUT_MS);
    });
    const failure = await Promise.race([work, timeout]);
    clearTimeout(timer);
    if (failure) {
      this.logger.warn(
        `Delivery jobs of ${ids.length} email(s) not written to Redis (the sweep will add them): ${failure instanceof Error ? failure.message : String(failure)}`,
      );
    }
  }
}
