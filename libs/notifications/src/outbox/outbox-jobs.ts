import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import {
  DataSource,
  type EntityManager,
  type EntitySubscriberInterface,
  type QueryRunner,
  type TransactionCommitEvent,
  type TransactionRollbackEvent,
} from 'typeorm';
import { BestEffortJobWrites } from '@app/shared';
import { EmailQueue } from './email-queue';

/** A request that wrote an email waits at most this long on a slow Redis. */
const FLUSH_TIMEOUT_MS = 1000;

/**
 * Adds the delivery jobs of the outbox rows a transaction wrote, once it commits (nothing on rollback), so a job
 * never points at a row that does not exist. A crash or an unreachable Redis between the COMMIT and the add
 * loses only the job: the row is `pending` in PostgreSQL and the sweep adds its job.
 */
@Injectable()
export class OutboxJobs implements EntitySubscriberInterface, OnModuleInit {
  private readonly writes = new BestEffortJobWrites(
    new Logger('OutboxJobs'),
    'Email delivery jobs',
    FLUSH_TIMEOUT_MS,
  );
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

  /**
   * Never throws: the rows are committed; a job that could not be written is restored by the sweep. With Redis
   * down it returns at once (no wait on a connection that is not there), and says so once per outage.
   */
  async flush(ids: string[]): Promise<void> {
    await this.writes.write(this.queue.isConnected(), () => this.queue.schedule(ids.map((id) => ({ id }))));
  }
}
