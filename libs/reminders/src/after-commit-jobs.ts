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
import { ReminderQueue, type ReminderJobRef } from './reminder-queue';

/** A request that changed a deadline or booked a consultation waits at most this long on a slow Redis. */
const FLUSH_TIMEOUT_MS = 1000;

type JobChange = { action: 'add'; sendAt: Date; replace: boolean } | { action: 'remove' };

/**
 * The job writes of a run of transactions (a re-plan's batches), one after another, each overlapping the next
 * transaction's queries: a commit waits only for the writes of the transaction before it, so at most one batch of
 * jobs is in flight. `settled()` waits for the last.
 */
export class JobWriteChain {
  private last: Promise<void> = Promise.resolve();

  /** Starts `write` once the previous one is done; returns when the previous one is done. */
  async add(write: () => Promise<void>): Promise<void> {
    const previous = this.last;
    this.last = previous.then(write);
    await previous;
  }

  settled(): Promise<void> {
    return this.last;
  }
}

/**
 * Holds the job changes a transaction asks for and applies them to Redis only once it commits (dropped on
 * rollback), so a job never points at a row that does not exist. Between the COMMIT and the Redis writes a crash
 * can lose them: the rows are in PostgreSQL, and the sweep adds every missing job.
 * Registered as a TypeORM subscriber on the app's DataSource; `commitTransaction` awaits the flush.
 */
@Injectable()
export class AfterCommitJobs implements EntitySubscriberInterface, OnModuleInit {
  private readonly writes = new BestEffortJobWrites(
    new Logger('ReminderJobs'),
    'Reminder jobs',
    FLUSH_TIMEOUT_MS,
  );
  private readonly pending = new WeakMap<QueryRunner, Map<string, JobChange>>();
  private readonly chains = new WeakMap<QueryRunner, JobWriteChain>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly queue: ReminderQueue,
  ) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) {
      this.dataSource.subscribers.push(this);
    }
  }

  /** Adds (or moves, with `replace`) the jobs of these rows after the manager's transaction commits. */
  async add(
    manager: EntityManager,
    refs: ReminderJobRef[],
    options: { replace?: boolean } = {},
  ): Promise<void> {
    const changes = new Map<string, JobChange>(
      refs.map((r) => [r.id, { action: 'add', sendAt: r.sendAt, replace: options.replace ?? false }]),
    );
    await this.defer(manager, changes);
  }

  async remove(manager: EntityManager, ids: string[]): Promise<void> {
    await this.defer(manager, new Map<string, JobChange>(ids.map((id) => [id, { action: 'remove' }])));
  }

  /**
   * The jobs of the manager's transaction are written through `chain`: after its commit, overlapping the caller's
   * next transaction, instead of before the commit returns. The caller awaits `chain.settled()` at the end.
   */
  writeThrough(manager: EntityManager, chain: JobWriteChain): void {
    if (manager.queryRunner?.isTransactionActive) {
      this.chains.set(manager.queryRunner, chain);
    }
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    // Also called when a savepoint is released; only the outermost commit makes rows visible.
    const runner = event.queryRunner;
    if (runner.isTransactionActive) {
      return;
    }
    const changes = this.pending.get(runner);
    const chain = this.chains.get(runner);
    this.pending.delete(runner);
    this.chains.delete(runner);
    if (changes && chain) {
      await chain.add(() => this.flush(changes));
    } else if (changes) {
      await this.flush(changes);
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) {
      this.pending.delete(event.queryRunner);
      this.chains.delete(event.queryRunner);
    }
  }

  private async defer(manager: EntityManager, changes: Map<string, JobChange>): Promise<void> {
    if (changes.size === 0) {
      return;
    }
    const runner = manager.queryRunner;
    if (!runner || !runner.isTransactionActive) {
      await this.flush(changes);
      return;
    }
    const held = this.pending.get(runner) ?? new Map<string, JobChange>();
    for (const [id, change] of changes) {
      const before = held.get(id);
      held.set(
        id,
        change.action === 'add' && before?.action === 'add'
          ? { ...change, replace: change.replace || before.replace }
          : change,
      );
    }
    this.pending.set(runner, held);
  }

  /**
   * Never throws: the data is committed; a job that could not be written is restored by the sweep. With Redis
   * down it returns at once (no wait on a connection that is not there), and says so once per outage.
   */
  private async flush(changes: Map<string, JobChange>): Promise<void> {
    const fresh: ReminderJobRef[] = [];
    const moved: ReminderJobRef[] = [];
    const removed: string[] = [];
    for (const [id, change] of changes) {
      if (change.action === 'remove') {
        removed.push(id);
      } else {
        (change.replace ? moved : fresh).push({ id, sendAt: change.sendAt });
      }
    }
    await this.writes.write(this.queue.isConnected(), async () => {
      await this.queue.unschedule(removed);
      await this.queue.schedule(moved, { replace: true });
      await this.queue.schedule(fresh);
    });
  }
}
