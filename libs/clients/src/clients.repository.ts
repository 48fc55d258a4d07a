import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { preparedQueryIn } from '@app/database';
import { Repository, type DeepPartial, type EntityManager } from 'typeorm';
import {
  applyScope,
  decodeKeysetCursor,
  encodeCursor,
  likePattern,
  likePrefix,
  ValidationFailedError,
  SqlConditions,
  toPage,
  type Page,
  type StaffScope,
  encryptedColumnOf,
  type EncryptedColumn,
} from '@app/shared';
import {
  ACTIVE_CLIENT_BY_EMAIL,
  CLIENT_LIST_FROM,
  clientFromRow,
  clientListItemFromRow,
  INSERT_PROSPECT_UNLESS_EMAIL_TAKEN,
  type ClientRow,
  type ClientListItem,
  type ClientListRow,
} from './client-rows';
import { searchClientsByName, type NameSearchPosition } from './client-name-search';
import { ClientEntity } from './entities/client.entity';
import { searchDigits } from './rules/phone';

/** A prospect as a public booking brings it in: no consultant yet. */
export type NewProspect = Pick<
  ClientEntity,
  'firstName' | 'lastName' | 'email' | 'phone' | 'statusInCanada' | 'preferredLanguage'
>;

export interface ListClientsQuery {
  limit: number;
  cursor?: string;
  /** Matches a fragment of the name ("first last"), email, phone or UCI. */
  q?: string;
  consultantId?: string;
  /** true: archived clients are listed too (marked by archivedAt). */
  archived?: boolean;
}

/** Where a name search's cursor says its page starts: [rank, the rank's sort key, id]. */
function nameSearchPosition(cursor: string | undefined): NameSearchPosition | undefined {
  const position = decodeKeysetCursor(cursor, ['integer', 'text', 'uuid']);
  if (position === undefined) {
    return undefined;
  }
  const [rank, key, id] = position;
  if (rank !== 1 && rank !== 2 && !(rank === 3 && !Number.isNaN(Date.parse(key)))) {
    throw ValidationFailedError.field(
      'cursor',
      'cursor is not one this API returned; start again without it',
    );
  }
  return [rank, key, id];
}

/** Client queries, always filtered by the caller's scope. */
@Injectable()
export class ClientsRepository {
  constructor(@InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>) {}

  /** The clients' encrypted passport numbers, for key rotation. */
  encryptedPassportNumbers(): EncryptedColumn {
    return encryptedColumnOf(this.clients, 'passportNumberEncrypted');
  }

  findVisible(id: string, scope: StaffScope, manager?: EntityManager): Promise<ClientEntity | null> {
    const qb = applyScope(
      (manager ?? this.clients.manager).createQueryBuilder(ClientEntity, 'c').where('c.id = :id', { id }),
      'c.consultantId',
      scope,
    );
    if (manager) {
      // Writers take the row lock, so two concurrent changes apply one after the other.
      qb.setLock('pessimistic_write');
    }
    return qb.getOne();
  }

  /** The active client with this email, in any letter case. */
  async findActiveByEmail(
    email: string,
    manager: EntityManager = this.clients.manager,
  ): Promise<ClientEntity | null> {
    const [row] = await preparedQueryIn<ClientRow>(manager, ACTIVE_CLIENT_BY_EMAIL, [email]);
    return row ? clientFromRow(row) : null;
  }

  /** Whether the table has any client at all, archived ones included. */
  async hasAny(): Promise<boolean> {
    const [{ found }] = await this.clients.manager.query<{ found: boolean }[]>(
      'SELECT EXISTS (SELECT 1 FROM clients) AS found',
    );
    return found;
  }

  findById(id: string, manager?: EntityManager): Promise<ClientEntity | null> {
    return (manager ?? this.clients.manager).findOne(ClientEntity, { where: { id } });
  }

  /** Share-locks the client's row for the caller's transaction: it cannot be archived until that ends. */
  lockShared(
    id: string,
    manager: EntityManager,
  ): Promise<Pick<ClientEntity, 'id' | 'consultantId' | 'archivedAt'> | null> {
    return manager.findOne(ClientEntity, {
      where: { id },
      select: { id: true, consultantId: true, archivedAt: true },
      lock: { mode: 'pessimistic_read' },
    });
  }

  getById(id: string, manager?: EntityManager): Promise<ClientEntity> {
    return (manager ?? this.clients.manager).findOneOrFail(ClientEntity, { where: { id } });
  }

  insert(values: DeepPartial<ClientEntity>, manager?: EntityManager): Promise<ClientEntity> {
    const m = manager ?? this.clients.manager;
    return m.save(m.create(ClientEntity, values));
  }

  save(client: ClientEntity, manager?: EntityManager): Promise<ClientEntity> {
    return (manager ?? this.clients.manager).save(client);
  }

  async updateFields(id: string, patch: Partial<ClientEntity>, manager?: EntityManager): Promise<void> {
    await (manager ?? this.clients.manager).update(ClientEntity, { id }, patch);
  }

  /** Inserts a prospect unless an active client already has the email: the new client, or null. */
  async insertProspectUnlessEmailTaken(
    prospect: NewProspect,
    manager: EntityManager,
  ): Promise<ClientEntity | null> {
    const [row] = await manager.query<ClientRow[]>(INSERT_PROSPECT_UNLESS_EMAIL_TAKEN, [
      prospect.firstName,
      prospect.lastName,
      prospect.email,
      prospect.phone,
      prospect.statusInCanada,
      prospect.preferredLanguage,
    ]);
    return row ? clientFromRow(row) : null;
  }

  /**
   * Newest first, keyset-paginated on (created_at, id); one query per page, its SQL text depending only on
   * which filters are set. A name search (a term without digits) ranks names that start with it first: see
   * searchClientsByName.
   */
  async list(query: ListClientsQuery, scope: StaffScope): Promise<Page<ClientListItem>> {
    const filters = (): SqlConditions => {
      const where = new SqlConditions();
      where.addScope('c.consultant_id', scope);
      if (query.consultantId !== undefined) {
        where.add('c.consultant_id = $1', query.consultantId);
      }
      if (!query.archived) {
        where.add('c.archived_at IS NULL');
      }
      return where;
    };
    const term = query.q?.trim().replace(/\s+/g, ' ');
    const digits = term ? searchDigits(term) : null;
    if (term && !digits) {
      // Not named statements: the best plan depends on the values (how selective the term is).
      const page = await searchClientsByName(
        (sql, params) => this.clients.manager.query(sql, params),
        filters,
        { prefix: likePrefix(term), substring: likePattern(term) },
        nameSearchPosition(query.cursor),
        query.limit,
      );
      return { items: page.items, nextCursor: page.next ? encodeCursor(page.next) : null };
    }
    const after = decodeKeysetCursor(query.cursor, ['timestamp', 'uuid']);
    const where = filters();
    if (term && digits) {
      // Each expression matches a pg_trgm GIN index of the migration exactly, so ILIKE '%term%' uses them.
      where.add(
        `((c.first_name || ' ' || c.last_name) ILIKE $1 OR c.email::text ILIKE $1 OR c.phone ILIKE $2 OR c.uci ILIKE $2)`,
        likePattern(term),
        likePattern(digits),
      );
    }
    if (after) {
      where.add('(c.created_at, c.id) < ($1::timestamptz, $2::uuid)', after[0], after[1]);
    }
    const limit = where.param(query.limit + 1);
    const rows: ClientListRow[] = await this.clients.manager.query(
      `${CLIENT_LIST_FROM}${where.where()}\nORDER BY c.created_at DESC, c.id DESC\nLIMIT ${limit}`,
      where.params,
    );
    return toPage(rows, query.limit, (c) => [c.created_at.toISOString(), c.id], clientListItemFromRow);
  }
}
