import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { isUUID } from 'class-validator';
import { IsNull, Repository, type EntityManager } from 'typeorm';
import { decodeCursor, toPage, ValidationFailedError, type Page, type StaffScope } from '@app/shared';
import { ClientEntity } from './entities/client.entity';
import { searchDigits } from './rules/phone';

export interface ListClientsQuery {
  limit: number;
  cursor?: string;
  /** Matches a fragment of the name ("first last"), email, phone or UCI. */
  q?: string;
  consultantId?: string;
  /** true: archived clients are listed too (marked by archivedAt). */
  archived?: boolean;
}

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, '\\$&')}%`;
}

/** Client queries, always filtered by the caller's scope. */
@Injectable()
export class ClientsRepository {
  constructor(@InjectRepository(ClientEntity) private readonly clients: Repository<ClientEntity>) {}

  findVisible(id: string, scope: StaffScope, manager?: EntityManager): Promise<ClientEntity | null> {
    const qb = (manager ?? this.clients.manager).createQueryBuilder(ClientEntity, 'c').where('c.id = :id', { id });
    if (scope.consultantId !== undefined) {
      qb.andWhere('c.consultantId = :scopeConsultantId', { scopeConsultantId: scope.consultantId });
    }
    if (manager) {
      // Writers take the row lock, so two concurrent changes apply one after the other.
      qb.setLock('pessimistic_write');
    }
    return qb.getOne();
  }

  findActiveByEmail(manager: EntityManager, email: string): Promise<ClientEntity | null> {
    // citext: equality ignores case, and the partial unique index serves it.
    return manager.findOne(ClientEntity, { where: { email, archivedAt: IsNull() } });
  }

  /** Newest first, keyset-paginated on (created_at, id); one query per page. */
  async list(query: ListClientsQuery, scope: StaffScope): Promise<Page<ClientEntity>> {
    const after = decodeCursor(query.cursor, 2);
    if (after && (typeof after[0] !== 'string' || Number.isNaN(Date.parse(after[0])) || !isUUID(String(after[1])))) {
      throw ValidationFailedError.field('cursor', 'cursor is not one this API returned; start again without it');
    }
    const qb = this.clients
      .createQueryBuilder('c')
      .orderBy('c.createdAt', 'DESC')
      .addOrderBy('c.id', 'DESC')
      .limit(query.limit + 1);
    if (scope.consultantId !== undefined) {
      qb.andWhere('c.consultantId = :scopeConsultantId', { scopeConsultantId: scope.consultantId });
    }
    if (query.consultantId !== undefined) {
      qb.andWhere('c.consultantId = :consultantId', { consultantId: query.consultantId });
    }
    if (!query.archived) {
      qb.andWhere('c.archivedAt IS NULL');
    }
    const term = query.q?.trim().replace(/\s+/g, ' ');
    if (term) {
      // Each expression matches a pg_trgm GIN index of the migration exactly, so ILIKE '%term%' uses them.
      const conditions = [`(c.firstName || ' ' || c.lastName) ILIKE :q`, 'c.email::text ILIKE :q'];
      const digits = searchDigits(term);
      if (digits) {
        conditions.push('c.phone ILIKE :digits', 'c.uci ILIKE :digits');
      }
      qb.andWhere(`(${conditions.join(' OR ')})`, { q: likePattern(term), digits: digits ? likePattern(digits) : undefined });
    }
    if (after) {
      qb.andWhere('(c.createdAt, c.id) < (:afterCreatedAt, :afterId)', { afterCreatedAt: after[0], afterId: after[1] });
    }
    const rows = await qb.getMany();
    return toPage(rows, query.limit, (c) => [c.createdAt.toISOString(), c.id], (c) => c);
  }
}
