import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, Not, type EntityManager } from 'typeorm';
import { lockUntilCommit } from '@app/database';
import type { FileAgreementState } from '@app/work-permits';
import { AGREEMENT_STATES_OF_FILES, type AgreementStateRow } from './agreement-rows';
import { AgreementOverrideEntity } from './entities/agreement-override.entity';
import { AgreementPreconditionsEntity } from './entities/agreement-preconditions.entity';
import { AgreementTemplateEntity } from './entities/agreement-template.entity';
import { AgreementEntity, AgreementStatus } from './entities/agreement.entity';

/** Every SQL statement of service agreements: templates, preconditions, overrides and the agreements themselves. */
@Injectable()
export class AgreementsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  latestTemplate(manager?: EntityManager): Promise<AgreementTemplateEntity | null> {
    return this.m(manager).findOne(AgreementTemplateEntity, { where: {}, order: { version: 'DESC' } });
  }

  /** Serialises template writers for the rest of the transaction, so versions are numbered without gaps. */
  async lockTemplates(manager: EntityManager): Promise<void> {
    await lockUntilCommit(manager, 'agreement_templates');
  }

  insertTemplate(
    manager: EntityManager,
    values: Pick<AgreementTemplateEntity, 'version' | 'bodyEn' | 'bodyFr' | 'createdById'>,
  ): Promise<AgreementTemplateEntity> {
    return manager.save(manager.create(AgreementTemplateEntity, values));
  }

  findPreconditions(fileId: string, manager?: EntityManager): Promise<AgreementPreconditionsEntity | null> {
    return this.m(manager).findOne(AgreementPreconditionsEntity, { where: { fileId } });
  }

  savePreconditions(
    manager: EntityManager,
    values: Omit<AgreementPreconditionsEntity, 'updatedAt' | 'file' | 'identityConfirmedBy'>,
  ): Promise<AgreementPreconditionsEntity> {
    return manager.save(manager.create(AgreementPreconditionsEntity, values));
  }

  findOverride(fileId: string, manager?: EntityManager): Promise<AgreementOverrideEntity | null> {
    return this.m(manager).findOne(AgreementOverrideEntity, { where: { fileId } });
  }

  saveOverride(
    manager: EntityManager,
    values: Pick<AgreementOverrideEntity, 'fileId' | 'reason' | 'recordedById' | 'recordedAt'>,
  ): Promise<AgreementOverrideEntity> {
    return manager.save(manager.create(AgreementOverrideEntity, values));
  }

  /** Where each file stands on its agreement (AGREEMENT_STATES_OF_FILES), one statement for a page of files. */
  async statesOf(fileIds: readonly string[]): Promise<Map<string, FileAgreementState>> {
    if (fileIds.length === 0) {
      return new Map();
    }
    const rows: AgreementStateRow[] = await this.dataSource.query(AGREEMENT_STATES_OF_FILES, [fileIds]);
    return new Map(rows.map((r) => [r.id, r.state]));
  }

  /** Every version of the file's agreement, newest first. */
  listForFile(fileId: string, manager?: EntityManager): Promise<AgreementEntity[]> {
    return this.m(manager).find(AgreementEntity, { where: { fileId }, order: { version: 'DESC' } });
  }

  /** The file's live (not superseded) version, row-locked for the rest of the transaction. */
  lockLiveForFile(manager: EntityManager, fileId: string): Promise<AgreementEntity | null> {
    return manager.findOne(AgreementEntity, {
      where: { fileId, status: Not(AgreementStatus.Superseded) },
      lock: { mode: 'pessimistic_write' },
    });
  }

  async nextVersion(manager: EntityManager, fileId: string): Promise<number> {
    const rows: { next: number }[] = await manager.query(
      `SELECT COALESCE(MAX(version), 0) + 1 AS next FROM agreements WHERE file_id = $1`,
      [fileId],
    );
    return Number(rows[0].next);
  }

  insert(
    manager: EntityManager,
    values: Pick<
      AgreementEntity,
      | 'fileId'
      | 'clientId'
      | 'version'
      | 'status'
      | 'language'
      | 'templateVersion'
      | 'body'
      | 'bodySha256'
      | 'feeScheduleServiceId'
      | 'terms'
      | 'createdById'
    >,
  ): Promise<AgreementEntity> {
    return manager.save(manager.create(AgreementEntity, values));
  }

  findById(id: string, manager?: EntityManager): Promise<AgreementEntity | null> {
    return this.m(manager).findOne(AgreementEntity, { where: { id } });
  }

  lockById(manager: EntityManager, id: string): Promise<AgreementEntity | null> {
    return manager.findOne(AgreementEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * The agreement if it belongs to this client and has been sent to them (drafts are the firm's own); the client's
   * id is part of the query, so another client's agreement is never read.
   */
  findForClient(
    clientId: string,
    id: string,
    manager?: EntityManager,
    lock = false,
  ): Promise<AgreementEntity | null> {
    return this.m(manager).findOne(AgreementEntity, {
      where: { id, clientId, status: Not(AgreementStatus.Draft) },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
  }

  async update(manager: EntityManager, id: string, patch: Partial<AgreementEntity>): Promise<void> {
    await manager.update(AgreementEntity, { id }, patch);
  }

  /** Whether the file has a signed (countersigned) agreement or an admin's override. */
  async fileMayLeaveIntake(manager: EntityManager, fileId: string): Promise<boolean> {
    const rows: unknown[] = await manager.query(
      `SELECT 1 FROM agreements WHERE file_id = $1 AND status = 'signed'
       UNION ALL SELECT 1 FROM agreement_overrides WHERE file_id = $1
       LIMIT 1`,
      [fileId],
    );
    return rows.length > 0;
  }
}
