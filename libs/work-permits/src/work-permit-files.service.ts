import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService, diffFields, type TimelineEvent } from '@app/audit';
import { scopeOfStaff, StaffRole, UsersService, type StaffUser } from '@app/auth';
import { ClientsService } from '@app/clients';
import { AppConfig } from '@app/config';
import { ReferenceDataService } from '@app/reference-data';
import { ALL_RECORDS, Clock, ValidationFailedError, type Page, type StaffScope } from '@app/shared';
import { DeadlinePeriodsService } from './deadlines/deadline-periods.service';
import { FileDeadlineSync } from './deadlines/file-deadline-sync.service';
import { FileStatus, WorkPermitFileEntity } from './entities/work-permit-file.entity';
import { FileTransitionChecks } from './file-transition-checks';
import { calendarDateIn, calendarYearIn } from './rules/calendar-dates';
import { columnsFromInput, DATE_COLUMNS, streamColumnsOf } from './rules/file-columns';
import { checkFileFields } from './rules/file-fields';
import { deriveLetterDueDates } from './rules/letter-dates';
import { formatFileNumber } from './rules/file-number';
import { keyDateStampedBy, transitionRefusal } from './rules/file-status';
import { applyStreamBlocks, ErrorList, type StreamRuleContext } from './rules/stream-blocks';
import type { ListFilesQuery, OpenFileInput, UpdateFileInput } from './work-permit-file.types';
import { WorkPermitFilesRepository } from './work-permit-files.repository';
import { WorkPermitError, WorkPermitErrorCode } from './work-permits.errors';

/** An audit event of a file's timeline, with the names of who acted and of the records it refers to. */
export type FileTimelineEntry = TimelineEvent;

const SUBJECT_TYPE = 'work_permit_file';

/** What a consultant may see: the files assigned to them (auth's rule, re-exported for this lib's callers). */
export { scopeOfStaff };

/**
 * Work-permit files: opening one (numbered per year, gap-free), changing it, moving it through its status
 * workflow. Every write runs in one transaction with its deadline sync and its audit event.
 */
@Injectable()
export class WorkPermitFilesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly files: WorkPermitFilesRepository,
    private readonly clients: ClientsService,
    private readonly deadlines: FileDeadlineSync,
    private readonly periods: DeadlinePeriodsService,
    private readonly reference: ReferenceDataService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly transitionChecks: FileTransitionChecks,
  ) {}

  /**
   * Opens a file for a client the actor may see (CLIENT_NOT_FOUND otherwise). The consultant defaults to the
   * client's, else to the consultant opening it. Returns the file with its client and consultant.
   */
  async open(input: OpenFileInput, actor: StaffUser): Promise<WorkPermitFileEntity> {
    await this.clients.requireVisible(input.clientId, scopeOfStaff(actor));
    const errors = new ErrorList();
    errors.merge(checkFileFields(input, this.reference));
    const columns = columnsFromInput(input);
    if (errors.isEmpty()) {
      const letters = deriveLetterDueDates(input, {}, await this.periods.days());
      errors.merge(letters.errors);
      Object.assign(columns, letters.columns);
    }
    const blocks = applyStreamBlocks(
      {
        stream: input.stream,
        employerName: columns.employerName ?? null,
        submittedOn: input.submittedOn ?? null,
        tfwp: input.tfwp,
        imp: input.imp,
      },
      this.streamContext(),
    );
    if (!blocks.ok) {
      errors.merge(blocks.errors);
    }

    const id = await this.dataSource.transaction(async (manager) => {
      // Shared lock: the client cannot be archived while their new file is being written.
      const client = await this.clients.lockForNewRecord(input.clientId, manager);
      if (client?.archivedAt) {
        errors.add('clientId', 'This client is archived; files can only be opened for active clients');
      }
      let consultantId: string | null;
      if (input.consultantId !== undefined) {
        consultantId = input.consultantId;
        await this.checkConsultant(manager, actor, consultantId, errors);
      } else {
        consultantId = await this.defaultConsultant(manager, actor, client?.consultantId ?? null);
      }
      throwIfAny(errors);

      const year = calendarYearIn(this.clock.now(), this.config.firmTimeZone);
      const sequence = await this.files.nextSequence(manager, year);
      const file = await this.files.insertOpened(
        {
          ...columns,
          ...(blocks.ok ? blocks.columns : {}),
          fileNumber: formatFileNumber(year, sequence),
          clientId: input.clientId,
          consultantId,
          stream: input.stream,
          status: FileStatus.Intake,
          createdById: actor.id,
        },
        manager,
      );
      // The new file also takes over the client's status deadline from their older files.
      await this.deadlines.syncClientStatus(manager, file.clientId, actor.id);
      await this.record(manager, actor, file, 'file.created', initialValues(file));
      return file.id;
    });
    return this.requireVisible(id, ALL_RECORDS);
  }

  /**
   * Changes a file: absent fields stay, null clears. The stream cannot change; a change of exemption code or
   * LMIA re-applies the stream rules. Key-date changes move the deadlines, a new consultant takes over the
   * open ones, all in the same transaction.
   */
  async update(
    id: string,
    input: UpdateFileInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<WorkPermitFileEntity> {
    const errors = new ErrorList();
    errors.merge(checkFileFields(input, this.reference));
    const columns = columnsFromInput(input);

    await this.dataSource.transaction(async (manager) => {
      const file = await this.files.lockVisible(manager, id, scope);
      if (!file) {
        throw WorkPermitError.notFound();
      }
      if (errors.isEmpty()) {
        const letters = deriveLetterDueDates(input, file, await this.periods.days(manager));
        errors.merge(letters.errors);
        Object.assign(columns, letters.columns);
      }
      if (input.stream !== undefined && input.stream !== file.stream) {
        errors.add(
          'stream',
          `The stream of a file cannot change (this one is ${file.stream}); open a new file instead`,
        );
      }
      const touchesStreamRules =
        input.imp !== undefined || input.tfwp !== undefined || input.employer !== undefined;
      let streamColumns = {};
      if (touchesStreamRules) {
        const employerName = columns.employerName !== undefined ? columns.employerName : file.employerName;
        const blocks = applyStreamBlocks(
          {
            stream: file.stream,
            current: streamColumnsOf(file),
            employerName,
            submittedOn: columns.submittedOn !== undefined ? columns.submittedOn : file.submittedOn,
            tfwp: input.tfwp,
            imp: input.imp,
          },
          this.streamContext(),
        );
        if (blocks.ok) {
          streamColumns = blocks.columns;
        } else {
          errors.merge(blocks.errors);
        }
      }
      if (columns.consultantId !== undefined && columns.consultantId !== file.consultantId) {
        await this.checkConsultant(manager, actor, columns.consultantId, errors);
      }
      throwIfAny(errors);

      const changes = diffFields(file, { ...columns, ...streamColumns });
      if (Object.keys(changes).length === 0) {
        return;
      }
      const previousConsultantId = file.consultantId;
      const patch = Object.fromEntries(Object.keys(changes).map((key) => [key, changes[key][1]]));
      await this.files.patch(file.id, patch, manager);
      Object.assign(file, patch);
      if (file.consultantId !== previousConsultantId) {
        const to = file.consultantId;
        await this.deadlines.reassignFile(manager, file.id, previousConsultantId, to, actor.id);
      }
      if (DATE_COLUMNS.some((column) => column in changes)) {
        await this.deadlines.syncKeyDates(manager, file, actor.id);
      }
      await this.record(manager, actor, file, 'file.updated', changes);
    });
    return this.requireVisible(id, ALL_RECORDS);
  }

  /**
   * Moves a file to another status, if the workflow allows it (WORK_PERMIT_INVALID_STATUS_TRANSITION, 409,
   * otherwise) and the registered FileTransitionChecks pass. The row is locked and the update is conditional on the status read, so of two concurrent
   * moves from one status only one applies. Submission stamps submittedOn, a decision decisionOn, when empty.
   */
  async transition(
    id: string,
    to: FileStatus,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<WorkPermitFileEntity> {
    await this.dataSource.transaction(async (manager) => {
      const file = await this.files.lockVisible(manager, id, scope);
      if (!file) {
        throw WorkPermitError.notFound();
      }
      const from = file.status;
      const refusal = transitionRefusal(from, to);
      if (refusal) {
        throw new WorkPermitError(WorkPermitErrorCode.InvalidTransition, refusal);
      }
      // Conditions other features put on the workflow (a signed service agreement to leave intake).
      await this.transitionChecks.run(manager, { fileId: file.id, clientId: file.clientId, from, to });
      const patch: Partial<WorkPermitFileEntity> = { status: to };
      const stamped = keyDateStampedBy(to);
      if (stamped && file[stamped] === null) {
        patch[stamped] = calendarDateIn(this.clock.now(), this.config.firmTimeZone);
      }
      if (!(await this.files.updateStatusIf(file.id, from, patch, manager))) {
        throw new WorkPermitError(
          WorkPermitErrorCode.InvalidTransition,
          'The file changed status meanwhile; reload it and try again',
        );
      }
      const changes = diffFields(file, patch);
      Object.assign(file, patch);
      // A decided or closed file hands the client's status deadline to their next open file, if any.
      await this.deadlines.syncClientStatus(manager, file.clientId, actor.id);
      await this.record(manager, actor, file, 'file.status_changed', changes);
    });
    return this.requireVisible(id, ALL_RECORDS);
  }

  /**
   * The file with its client's and consultant's names, if the scope may see it; WORK_PERMIT_FILE_NOT_FOUND
   * otherwise.
   */
  async requireVisible(id: string, scope: StaffScope): Promise<WorkPermitFileEntity> {
    const file = await this.files.findVisible(id, scope);
    if (!file) {
      throw WorkPermitError.notFound();
    }
    return file;
  }

  /** The file if it is this client's (the client portal's scope), else null. */
  findOfClient(id: string, clientId: string): Promise<WorkPermitFileEntity | null> {
    return this.files.findOfClient(id, clientId);
  }

  /** Records that the file was opened from this consultation, in the caller's transaction. */
  async linkConsultation(fileId: string, consultationId: string, manager: EntityManager): Promise<void> {
    await this.files.setConsultation(fileId, consultationId, manager);
  }

  /** Newest first, keyset-paginated, filtered; client and consultant names joined in the same query. */
  list(query: ListFilesQuery, scope: StaffScope): Promise<Page<WorkPermitFileEntity>> {
    return this.files.list(query, scope);
  }

  /** The file's audit events (its own and its deadlines'), newest first, with who acted. */
  async timeline(
    id: string,
    page: { limit: number; cursor?: string },
    scope: StaffScope,
  ): Promise<Page<FileTimelineEntry>> {
    await this.requireVisible(id, scope);
    return this.audit.timeline({ fileId: id }, page);
  }

  private streamContext(): StreamRuleContext {
    return {
      exemptionCode: (code) => this.reference.exemptionCode(code),
      lmiaValidityMonths: this.reference.lmiaValidityMonths(),
    };
  }

  /** The client's consultant if still active, else the consultant opening the file, else no one. */
  private async defaultConsultant(
    manager: EntityManager,
    actor: StaffUser,
    clientConsultantId: string | null,
  ): Promise<string | null> {
    if (actor.role === StaffRole.Consultant) {
      return actor.id;
    }
    if (clientConsultantId !== null && (await this.users.findActiveConsultant(clientConsultantId, manager))) {
      return clientConsultantId;
    }
    return null;
  }

  /** A file goes to an active consultant or admin; a consultant may only take a file on themselves. */
  private async checkConsultant(
    manager: EntityManager,
    actor: StaffUser,
    consultantId: string | null,
    errors: ErrorList,
  ): Promise<void> {
    if (actor.role === StaffRole.Consultant && consultantId !== actor.id) {
      errors.add('consultantId', 'consultants can only assign files to themselves');
      return;
    }
    if (consultantId === null) {
      return;
    }
    if (!(await this.users.findActiveConsultant(consultantId, manager))) {
      errors.add('consultantId', 'consultantId must be an active consultant or admin');
    }
  }

  private record(
    manager: EntityManager,
    actor: StaffUser,
    file: WorkPermitFileEntity,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: actor.id,
      action,
      subjectType: SUBJECT_TYPE,
      subjectId: file.id,
      fileId: file.id,
      clientId: file.clientId,
      changes,
    });
  }
}

/** What a new file holds, for its `file.created` event: every field that is set. */
function initialValues(file: WorkPermitFileEntity): Record<string, unknown> {
  const skip = new Set(['id', 'client', 'consultant', 'createdBy', 'createdById', 'createdAt', 'updatedAt']);
  return Object.fromEntries(
    Object.entries(file).filter(([key, value]) => !skip.has(key) && value !== null && value !== undefined),
  );
}

/** One 400 naming every bad field, its message saying what is wrong with each. */
function throwIfAny(errors: ErrorList): void {
  if (!errors.isEmpty()) {
    const summary = Object.entries(errors.fields).map(
      ([field, messages]) => `${field}: ${messages.join('; ')}`,
    );
    throw new ValidationFailedError(errors.fields, summary.join(' | '));
  }
}
