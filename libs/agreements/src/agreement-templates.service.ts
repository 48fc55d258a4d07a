import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ValidationFailedError, type FieldErrors } from '@app/shared';
import { AgreementsRepository } from './agreements.repository';
import { AgreementTemplateEntity } from './entities/agreement-template.entity';
import { DEFAULT_TEMPLATE } from './rules/default-template';
import { MERGE_FIELDS, unknownMergeFields } from './rules/merge-fields';

export interface AgreementTemplateInput {
  bodyEn: string;
  bodyFr: string;
}

/**
 * The firm's service agreement template, versioned: every change is a new row (old ones stay, and each agreement
 * records the version it was made from). Until an admin changes it, the shipped default is version 1.
 */
@Injectable()
export class AgreementTemplatesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AgreementsRepository,
    private readonly audit: AuditService,
  ) {}

  /** The merge fields a template may use. */
  get mergeFields(): readonly string[] {
    return MERGE_FIELDS;
  }

  /** The current version; the shipped default is written as version 1 the first time it is asked for. */
  async current(manager?: EntityManager): Promise<AgreementTemplateEntity> {
    const latest = await this.repository.latestTemplate(manager);
    if (latest) {
      return latest;
    }
    if (!manager) {
      return this.dataSource.transaction((own) => this.current(own));
    }
    await this.repository.lockTemplates(manager);
    return (
      (await this.repository.latestTemplate(manager)) ??
      this.repository.insertTemplate(manager, {
        version: 1,
        bodyEn: DEFAULT_TEMPLATE.en,
        bodyFr: DEFAULT_TEMPLATE.fr,
        createdById: null,
      })
    );
  }

  /**
   * Saves a new version when the text differs from the current one (400 naming `bodyEn`/`bodyFr` and each unknown
   * merge field otherwise); audited as `agreement_template.changed`.
   */
  async update(input: AgreementTemplateInput, actor: StaffUser): Promise<AgreementTemplateEntity> {
    const fields: FieldErrors = {};
    for (const [field, body] of [
      ['bodyEn', input.bodyEn],
      ['bodyFr', input.bodyFr],
    ] as const) {
      const unknown = unknownMergeFields(body);
      if (unknown.length > 0) {
        fields[field] = [
          `unknown merge field${unknown.length > 1 ? 's' : ''}: ${unknown.map((f) => `{{${f}}}`).join(', ')}; known fields are ${MERGE_FIELDS.join(', ')}`,
        ];
      }
    }
    if (Object.keys(fields).length > 0) {
      throw new ValidationFailedError(fields);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.repository.lockTemplates(manager);
      const current = await this.current(manager);
      if (current.bodyEn === input.bodyEn && current.bodyFr === input.bodyFr) {
        return current;
      }
      const saved = await this.repository.insertTemplate(manager, {
        version: current.version + 1,
        bodyEn: input.bodyEn,
        bodyFr: input.bodyFr,
        createdById: actor.id,
      });
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'agreement_template.changed',
        subjectType: 'agreement_template',
        subjectId: saved.id,
        changes: {
          version: [current.version, saved.version],
          ...(current.bodyEn !== input.bodyEn ? { bodyEn: 'changed' } : {}),
          ...(current.bodyFr !== input.bodyFr ? { bodyFr: 'changed' } : {}),
        },
      });
      return saved;
    });
  }
}
