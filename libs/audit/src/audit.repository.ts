import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository, type DeepPartial, type EntityManager } from 'typeorm';
import { AuditEventEntity } from './entities/audit-event.entity';

/** Whose timeline: a case file's or a client's. */
export type TimelineSubject = { fileId: string } | { clientId: string };

/** Every query of the append-only `audit_events` table. */
@Injectable()
export class AuditRepository {
  constructor(@InjectRepository(AuditEventEntity) private readonly events: Repository<AuditEventEntity>) {}

  /** Appends an event; with the caller's manager, in the caller's transaction. */
  async insert(event: DeepPartial<AuditEventEntity>, manager?: EntityManager): Promise<void> {
    const m = manager ?? this.events.manager;
    await m.save(m.create(AuditEventEntity, event));
  }

  /** Newest first (by seq), from before `afterSeq`; one row more than the limit tells of a next page. */
  timeline(subject: TimelineSubject, limit: number, afterSeq?: string | number): Promise<AuditEventEntity[]> {
    const qb = this.events
      .createQueryBuilder('e')
      .orderBy('e.seq', 'DESC')
      .limit(limit + 1);
    if ('fileId' in subject) {
      qb.where('e.fileId = :fileId', { fileId: subject.fileId });
    } else {
      qb.where('e.clientId = :clientId', { clientId: subject.clientId });
    }
    if (afterSeq !== undefined) {
      qb.andWhere('e.seq < :seq', { seq: afterSeq });
    }
    return qb.getMany();
  }
}
