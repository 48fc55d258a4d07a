import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { ValidationFailedError } from '@app/shared';
import { RefusedAreasConflictError } from '../reference-data.errors';
import type { RefusedCmaList } from '../rules/lmia-wage-rules';
import {
  checkRefusedAreaList,
  normalizeAreas,
  planReplacement,
  refusedListOn,
  type DatedRefusedAreaList,
  type RefusedAreaListInput,
} from './refused-area-rules';
import type { RefusedAreaListEntity } from './refused-area-list.entity';
import { RefusedAreaListsRepository } from './refused-area-lists.repository';

export interface StoredRefusedAreaList extends DatedRefusedAreaList {
  updatedById: string | null;
  updatedAt: Date;
}

function toList(row: RefusedAreaListEntity): StoredRefusedAreaList {
  return {
    id: row.id,
    effectiveFrom: row.effectiveFrom,
    effectiveTo: row.effectiveTo,
    source: row.source,
    note: row.note,
    cmas: row.areas.map((area) => ({ ...area, provinceCode: area.provinceCode as never })),
    updatedById: row.updatedById,
    updatedAt: row.updatedAt,
  };
}

/** A snapshot of the stored lists, read once per request, answering "which list is in force on this day". */
export interface RefusedAreaLists {
  lists: readonly StoredRefusedAreaList[];
  on(day: string): RefusedCmaList | undefined;
}

/**
 * ESDC's quarterly refused-CMA lists, kept in PostgreSQL so admins can import each quarter without a release.
 * Every replacement runs in one transaction, serialised by a table lock, and is audited.
 */
@Injectable()
export class RefusedAreasService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly refusedLists: RefusedAreaListsRepository,
    private readonly audit: AuditService,
  ) {}

  /** Every stored list, newest first. */
  async lists(): Promise<RefusedAreaLists> {
    const rows = await this.refusedLists.listNewestFirst();
    const lists = rows.map(toList);
    return { lists, on: (day) => refusedListOn(lists, day) };
  }

  /**
   * Stores the list for a quarter: replaces the list starting the same day, ends an earlier list still open on
   * that day, and refuses (409) a period running into a later list.
   */
  async replaceQuarter(input: RefusedAreaListInput, actorId: string | null): Promise<StoredRefusedAreaList> {
    const errors = checkRefusedAreaList(input);
    if (Object.keys(errors).length > 0) {
      throw new ValidationFailedError(errors);
    }
    const areas = normalizeAreas(input.areas);
    return this.dataSource.transaction(async (manager) => {
      await this.refusedLists.lockForReplacement(manager);
      const stored = (await this.refusedLists.listAll(manager)).map(toList);
      const plan = planReplacement(stored, input);
      if (plan.overlaps.length > 0) {
        const next = plan.overlaps.map((list) => list.effectiveFrom).sort()[0];
        throw new RefusedAreasConflictError(
          `A list starting ${next} is stored: end this one before it (effectiveTo on or before the day before ${next})`,
        );
      }
      for (const { list, effectiveTo } of plan.ends) {
        await this.refusedLists.setEffectiveTo(list.id, effectiveTo, manager);
        await this.record(manager, actorId, list.id, { effectiveTo: [list.effectiveTo, effectiveTo] });
      }
      const values = {
        effectiveFrom: input.effectiveFrom,
        effectiveTo: input.effectiveTo,
        source: input.source,
        note: input.note?.trim() || null,
        areas,
        updatedById: actorId,
      };
      const before = plan.replaces;
      const saved = await this.refusedLists.save(before?.id, values, manager);
      await this.record(manager, actorId, saved.id, {
        effectiveFrom: [before?.effectiveFrom ?? null, values.effectiveFrom],
        effectiveTo: [before?.effectiveTo ?? null, values.effectiveTo],
        source: [before?.source ?? null, values.source],
        areas: [before ? before.cmas.map((cma) => cma.name) : null, areas.map((cma) => cma.name)],
      });
      return toList(await this.refusedLists.requireById(saved.id, manager));
    });
  }

  private record(
    manager: EntityManager,
    actorId: string | null,
    id: string,
    changes: Record<string, unknown>,
  ) {
    return this.audit.record(manager, {
      actorId,
      action: 'reference.refused_areas_replaced',
      subjectType: 'lmia_refused_area_list',
      subjectId: id,
      changes,
    });
  }
}
