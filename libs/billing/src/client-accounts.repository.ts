import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { PG_CHECK_VIOLATION, pgError } from '@app/database';
import { decodeKeysetCursor, toPage, type Page } from '@app/shared';
import { ClientAccountEntryEntity } from './entities/client-account-entry.entity';

/** Every SQL statement on client (trust) accounts and their ledgers. */
@Injectable()
export class ClientAccountsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async balanceOf(clientId: string): Promise<number> {
    const rows: { balance_cents: string }[] = await this.dataSource.query(
      'SELECT balance_cents FROM client_accounts WHERE client_id = $1',
      [clientId],
    );
    return rows.length === 0 ? 0 : Number(rows[0].balance_cents);
  }

  /** Adds to the balance (creating the account), in the caller's transaction; returns the new balance. */
  async credit(clientId: string, cents: number, manager: EntityManager): Promise<number> {
    const rows: { balance_cents: string }[] = await manager.query(
      `INSERT INTO client_accounts (client_id, balance_cents) VALUES ($1, $2)
       ON CONFLICT (client_id) DO UPDATE SET balance_cents = client_accounts.balance_cents + $2, updated_at = now()
       RETURNING balance_cents`,
      [clientId, cents],
    );
    return Number(rows[0].balance_cents);
  }

  /**
   * Takes from the balance in the caller's transaction; returns the new balance, or null when the account holds
   * less (PostgreSQL's CHECK refuses a negative balance; the row lock makes concurrent debits wait their turn).
   * A null leaves the transaction aborted: the caller must end it by throwing.
   */
  async debit(clientId: string, cents: number, manager: EntityManager): Promise<number | null> {
    try {
      const rows: [{ balance_cents: string }[], number] = await manager.query(
        `UPDATE client_accounts SET balance_cents = balance_cents - $2, updated_at = now()
         WHERE client_id = $1 RETURNING balance_cents`,
        [clientId, cents],
      );
      const updated = rows[0];
      return updated.length === 0 ? null : Number(updated[0].balance_cents);
    } catch (error) {
      if (pgError(error)?.code === PG_CHECK_VIOLATION) {
        return null;
      }
      throw error;
    }
  }

  insertEntry(
    values: Partial<ClientAccountEntryEntity>,
    manager: EntityManager,
  ): Promise<ClientAccountEntryEntity> {
    return manager.save(manager.create(ClientAccountEntryEntity, values));
  }

  /** The ledger, newest first by (created_at, id). */
  async entries(
    clientId: string,
    query: { limit: number; cursor?: string },
  ): Promise<Page<ClientAccountEntryEntity>> {
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const qb = this.dataSource
      .getRepository(ClientAccountEntryEntity)
      .createQueryBuilder('e')
      .where('e.clientId = :clientId', { clientId })
      .orderBy('e.createdAt', 'DESC')
      .addOrderBy('e.id', 'DESC')
      .limit(query.limit + 1);
    if (after) {
      qb.andWhere('(e.createdAt, e.id) < (:at::timestamptz, :id::uuid)', { at: after[0], id: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(
      rows,
      query.limit,
      (e) => [e.createdAt.toISOString(), e.id],
      (e) => e,
    );
  }
}
