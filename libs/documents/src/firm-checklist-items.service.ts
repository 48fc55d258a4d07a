import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { isUniqueViolation } from '@app/database';
import { AuditService, diffFields } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ValidationFailedError } from '@app/shared';
import { shippedChecklistCatalogue } from './checklists/checklists';
import { DocumentError } from './documents.errors';
import { FirmChecklistItemEntity, FirmChecklistStream } from './entities/firm-checklist-item.entity';
import { FirmChecklistItemsRepository } from './firm-checklist-items.repository';

/** A firm item's key: lowercase letters, digits and `_`, starting with a letter or digit. */
export const FIRM_ITEM_KEY = /^[a-z0-9][a-z0-9_]{0,79}$/;
const SUBJECT_TYPE = 'firm_checklist_item';

export interface NewFirmChecklistItem {
  stream: FirmChecklistStream;
  key: string;
  title: string;
  titleFr: string;
  help?: string | null;
  helpFr?: string | null;
  required: boolean;
}

export type FirmChecklistItemChanges = Partial<Omit<NewFirmChecklistItem, 'key'>>;

/** The firm's own checklist items: read by every staff member, written by admins (the controller checks). */
@Injectable()
export class FirmChecklistItemsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly items: FirmChecklistItemsRepository,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<FirmChecklistItemEntity[]> {
    return this.items.listAll();
  }

  async create(input: NewFirmChecklistItem, actor: StaffUser): Promise<FirmChecklistItemEntity> {
    const key = input.key.trim();
    if (!FIRM_ITEM_KEY.test(key) || key === 'other') {
      throw ValidationFailedError.field(
        'key',
        'key must be 1–80 lowercase letters, digits or _ (and not "other")',
      );
    }
    if (shippedChecklistCatalogue().items.some((item) => item.key === key)) {
      throw ValidationFailedError.field('key', `key ${key} is an IRCC checklist item's key; choose another`);
    }
    const taken = () =>
      ValidationFailedError.field('key', `The firm already has a checklist item with key ${key}`);
    return this.dataSource
      .transaction(async (manager) => {
        if (await this.items.keyTaken(manager, key)) {
          throw taken();
        }
        const item = await this.items.insert(manager, {
          stream: input.stream,
          key,
          title: input.title.trim(),
          titleFr: input.titleFr.trim(),
          help: input.help?.trim() || null,
          helpFr: input.helpFr?.trim() || null,
          required: input.required,
        });
        await this.record(manager, actor, item, 'checklist_item.created', {
          stream: item.stream,
          key: item.key,
          title: item.title,
          titleFr: item.titleFr,
          required: item.required,
        });
        return item;
      })
      .catch((error: unknown) => {
        // Two admins adding the same key at once: the unique index decides, and the second hears why.
        throw isUniqueViolation(error) ? taken() : error;
      });
  }

  async update(
    id: string,
    input: FirmChecklistItemChanges,
    actor: StaffUser,
  ): Promise<FirmChecklistItemEntity> {
    return this.dataSource.transaction(async (manager) => {
      const item = await this.items.lockById(manager, id);
      if (!item) {
        throw DocumentError.checklistItemNotFound();
      }
      const next: FirmChecklistItemChanges = {
        stream: input.stream,
        title: input.title?.trim(),
        titleFr: input.titleFr?.trim(),
        help: input.help === undefined ? undefined : input.help?.trim() || null,
        helpFr: input.helpFr === undefined ? undefined : input.helpFr?.trim() || null,
        required: input.required,
      };
      const changes = diffFields(item, next);
      if (Object.keys(changes).length === 0) {
        return item;
      }
      const patch = Object.fromEntries(
        Object.keys(changes).map((field) => [field, next[field as keyof typeof next]]),
      );
      await this.items.patch(manager, id, patch);
      await this.record(manager, actor, item, 'checklist_item.updated', changes);
      return (await this.items.findById(id, manager)) as FirmChecklistItemEntity;
    });
  }

  /** Removes the item from checklists; documents uploaded under its key stay. */
  async remove(id: string, actor: StaffUser): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const item = await this.items.lockById(manager, id);
      if (!item) {
        throw DocumentError.checklistItemNotFound();
      }
      await this.items.delete(manager, id);
      await this.record(manager, actor, item, 'checklist_item.deleted', { key: item.key, title: item.title });
    });
  }

  private record(
    manager: Parameters<AuditService['record']>[0],
    actor: StaffUser,
    item: FirmChecklistItemEntity,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: actor.id,
      action,
      subjectType: SUBJECT_TYPE,
      subjectId: item.id,
      changes,
    });
  }
}
