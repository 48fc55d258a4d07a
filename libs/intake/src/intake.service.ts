import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import type { StaffUser } from '@app/auth';
import { ClientsService, type ClientEntity } from '@app/clients';
import { AppConfig } from '@app/config';
import { intakeSubmittedEmail, MailService } from '@app/notifications';
import {
  Clock,
  FieldEncryption,
  ValidationFailedError,
  type FieldErrors,
  type StaffScope,
} from '@app/shared';
import { WorkPermitFilesService } from '@app/work-permits';
import { IntakeResponseEntity, IntakeStatus } from './entities/intake-response.entity';
import {
  clientMappedFields,
  INTAKE_PROBLEM_MESSAGES,
  intakeFormByKey,
  intakeFormFor,
  validateIntake,
  type ClientFieldKey,
  type IntakeAnswers,
  type IntakeForm,
  type IntakeProblems,
} from './forms';
import { INTAKE_ANSWERS_CONTEXT } from './intake-answers';
import { IntakeError, IntakeErrorCode } from './intake.errors';
import { IntakeRepository, type IntakeFileRow } from './intake.repository';

const SUBJECT_TYPE = 'intake_response';
const REASON_MAX_LENGTH = 1000;

/** A file's questionnaire as the client sees it; `status` null when nothing was saved yet. */
export interface IntakeView {
  fileId: string;
  form: IntakeForm;
  answers: IntakeAnswers;
  status: IntakeStatus | null;
  updatedAt: Date | null;
  submittedAt: Date | null;
}

/** An answer that has a home in the client record, beside what the record holds now. */
export interface IntakeClientFieldView {
  clientField: ClientFieldKey;
  answerKey: string;
  answer: string | null;
  current: string | null;
  confirmed: boolean;
}

export interface StaffIntakeView extends IntakeView {
  reopenedAt: Date | null;
  reopenReason: string | null;
  confirmedAt: Date | null;
  clientFields: IntakeClientFieldView[];
}

/** Problems as the API's `fields`: `answers.<path>` → the English message. */
function problemFields(problems: IntakeProblems): FieldErrors {
  return Object.fromEntries(
    Object.entries(problems).map(([path, problem]) => [
      path ? `answers.${path}` : 'answers',
      [INTAKE_PROBLEM_MESSAGES[problem].en],
    ]),
  );
}

/**
 * The intake questionnaire of a file: the client saves drafts and submits once from the portal (every query
 * scoped to them), staff read it, reopen it with a reason, and confirm answers into the client record. Answers are
 * encrypted at rest and never written to the audit trail or to emails.
 */
@Injectable()
export class IntakeService {
  private readonly encryption: FieldEncryption;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: IntakeRepository,
    private readonly files: WorkPermitFilesService,
    private readonly clients: ClientsService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    this.encryption = new FieldEncryption(config.dataEncryptionKey, config.previousDataEncryptionKey);
  }

  async viewForClient(clientId: string, fileId: string): Promise<IntakeView> {
    const file = await this.repository.findFileOfClient(clientId, fileId);
    if (!file) {
      throw this.fileNotFound();
    }
    const response = await this.repository.findOfClient(clientId, fileId);
    return this.view(file, response);
  }

  /** Saves the client's answers as they are (a draft may be incomplete, never malformed). */
  async saveDraft(clientId: string, fileId: string, answers: unknown): Promise<IntakeView> {
    await this.dataSource.transaction(async (manager) => {
      const { file, response } = await this.lockForClient(manager, clientId, fileId);
      const form = this.formOf(file, response);
      const problems = validateIntake(form, answers, { final: false, today: this.today() });
      if (Object.keys(problems).length > 0) {
        throw new ValidationFailedError(problemFields(problems), 'Some answers are not valid');
      }
      const saved = await this.write(manager, file, form, response, answers as IntakeAnswers);
      await this.recordByClient(manager, file, saved, 'intake.draft_saved', {
        status: response ? [response.status, saved.status] : [null, saved.status],
      });
    });
    return this.viewForClient(clientId, fileId);
  }

  /** Checks every required answer and locks the questionnaire; the file's consultant gets an email. */
  async submit(clientId: string, fileId: string): Promise<IntakeView> {
    await this.dataSource.transaction(async (manager) => {
      const { file, response } = await this.lockForClient(manager, clientId, fileId);
      const form = this.formOf(file, response);
      const answers = response ? this.decrypt(response) : {};
      const problems = validateIntake(form, answers, { final: true, today: this.today() });
      if (Object.keys(problems).length > 0) {
        throw new ValidationFailedError(problemFields(problems), 'Some answers are missing or not valid');
      }
      const saved = await this.write(manager, file, form, response, answers, IntakeStatus.Submitted);
      if (file.consultantEmail) {
        const email = intakeSubmittedEmail({
          consultantName: file.consultantName,
          fileNumber: file.fileNumber,
          clientName: file.clientName,
          fileUrl: `${this.config.appUrl}/admin/files/${file.id}`,
        });
        await this.mail.enqueue(manager, {
          kind: 'intake_submitted',
          to: file.consultantEmail,
          ...email,
          related: { type: SUBJECT_TYPE, id: saved.id },
          idempotencyKey: `intake-submitted-${saved.id}-${saved.submittedAt?.getTime() ?? 0}`,
        });
      }
      await this.recordByClient(manager, file, saved, 'intake.submitted', {
        status: [response?.status ?? null, IntakeStatus.Submitted],
        formKey: form.key,
        formVersion: form.version,
      });
    });
    return this.viewForClient(clientId, fileId);
  }

  async viewForStaff(fileId: string, scope: StaffScope): Promise<StaffIntakeView> {
    const visible = await this.files.requireVisible(fileId, scope);
    const file = await this.repository.findFile(visible.id);
    if (!file) {
      throw this.fileNotFound();
    }
    const [response, client] = await Promise.all([
      this.repository.findOfFile(fileId),
      this.clients.requireVisible(file.clientId, scope),
    ]);
    const view = this.view(file, response);
    return {
      ...view,
      reopenedAt: response?.reopenedAt ?? null,
      reopenReason: response?.reopenReason ?? null,
      confirmedAt: response?.confirmedAt ?? null,
      clientFields: clientMappedFields(view.form).map((field) => {
        const answer = view.answers[field.key];
        return {
          clientField: field.clientField,
          answerKey: field.key,
          answer: typeof answer === 'string' && answer.trim() !== '' ? answer : null,
          current: this.currentValue(client, field.clientField),
          confirmed: response?.confirmedFields.includes(field.clientField) ?? false,
        };
      }),
    };
  }

  /** Lets the client change submitted answers again; the reason is kept and audited. */
  async reopen(
    fileId: string,
    reason: unknown,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<StaffIntakeView> {
    const text = typeof reason === 'string' ? reason.trim() : '';
    if (!text) {
      throw ValidationFailedError.field('reason', 'reason is required to reopen the questionnaire');
    }
    if (text.length > REASON_MAX_LENGTH) {
      throw ValidationFailedError.field('reason', `reason must be at most ${REASON_MAX_LENGTH} characters`);
    }
    await this.files.requireVisible(fileId, scope);
    await this.dataSource.transaction(async (manager) => {
      const file = await this.repository.findFile(fileId, manager);
      const response = await this.repository.findOfFile(fileId, manager);
      if (!file || response?.status !== IntakeStatus.Submitted) {
        throw this.notSubmitted();
      }
      response.status = IntakeStatus.Reopened;
      response.reopenedAt = this.clock.now();
      response.reopenedById = actor.id;
      response.reopenReason = text;
      await this.repository.save(manager, response);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'intake.reopened',
        subjectType: SUBJECT_TYPE,
        subjectId: response.id,
        fileId,
        clientId: file.clientId,
        changes: { status: [IntakeStatus.Submitted, IntakeStatus.Reopened], reason: text },
      });
    });
    return this.viewForStaff(fileId, scope);
  }

  /**
   * Copies the chosen answers into the client record through the client's own update (same checks, same audit),
   * and marks them confirmed, in one transaction.
   */
  async confirm(
    fileId: string,
    fields: unknown,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<StaffIntakeView> {
    await this.files.requireVisible(fileId, scope);
    await this.dataSource.transaction(async (manager) => {
      const file = await this.repository.findFile(fileId, manager);
      const response = await this.repository.findOfFile(fileId, manager);
      if (!file || response?.status !== IntakeStatus.Submitted) {
        throw this.notSubmitted();
      }
      const form = this.formOf(file, response);
      const answers = this.decrypt(response);
      const mapped = new Map(
        clientMappedFields(form).map((field) => [field.clientField as string, field.key]),
      );
      const chosen = Array.isArray(fields) ? [...new Set(fields)] : [];
      if (chosen.length === 0 || chosen.some((field) => typeof field !== 'string' || !mapped.has(field))) {
        throw ValidationFailedError.field(
          'fields',
          `fields must list client fields this form answers: ${[...mapped.keys()].join(', ')}`,
        );
      }
      const input: Record<string, string> = {};
      for (const field of chosen as string[]) {
        const answer = answers[mapped.get(field) as string];
        if (typeof answer !== 'string' || answer.trim() === '') {
          throw ValidationFailedError.field('fields', `${field} has no answer to confirm`);
        }
        input[field] = answer;
      }
      await this.clients.update(file.clientId, input, actor, scope, manager);
      response.confirmedFields = [...new Set([...response.confirmedFields, ...(chosen as string[])])];
      response.confirmedAt = this.clock.now();
      response.confirmedById = actor.id;
      await this.repository.save(manager, response);
      await this.audit.record(manager, {
        actorId: actor.id,
        action: 'intake.confirmed',
        subjectType: SUBJECT_TYPE,
        subjectId: response.id,
        fileId,
        clientId: file.clientId,
        changes: { fields: chosen },
      });
    });
    return this.viewForStaff(fileId, scope);
  }

  private async lockForClient(
    manager: EntityManager,
    clientId: string,
    fileId: string,
  ): Promise<{ file: IntakeFileRow; response: IntakeResponseEntity | null }> {
    const file = await this.repository.findFileOfClient(clientId, fileId, manager);
    if (!file) {
      throw this.fileNotFound();
    }
    const response = await this.repository.findOfClient(clientId, fileId, manager);
    if (response?.status === IntakeStatus.Submitted) {
      throw new IntakeError(
        IntakeErrorCode.AlreadySubmitted,
        'The questionnaire was submitted; ask your consultant to reopen it to change an answer',
      );
    }
    return { file, response };
  }

  private async write(
    manager: EntityManager,
    file: IntakeFileRow,
    form: IntakeForm,
    response: IntakeResponseEntity | null,
    answers: IntakeAnswers,
    status?: IntakeStatus,
  ): Promise<IntakeResponseEntity> {
    const row =
      response ?? manager.create(IntakeResponseEntity, { fileId: file.id, clientId: file.clientId });
    row.formKey = form.key;
    row.formVersion = form.version;
    row.answersEncrypted = this.encryption.encrypt(JSON.stringify(answers), INTAKE_ANSWERS_CONTEXT);
    row.status = status ?? response?.status ?? IntakeStatus.Draft;
    if (status === IntakeStatus.Submitted) {
      row.submittedAt = this.clock.now();
    }
    return this.repository.save(manager, row);
  }

  private view(file: IntakeFileRow, response: IntakeResponseEntity | null): IntakeView {
    return {
      fileId: file.id,
      form: this.formOf(file, response),
      answers: response ? this.decrypt(response) : {},
      status: response?.status ?? null,
      updatedAt: response?.updatedAt ?? null,
      submittedAt: response?.submittedAt ?? null,
    };
  }

  /** The form the answers were saved against (while it is defined), else the one for the file's kind. */
  private formOf(file: IntakeFileRow, response: IntakeResponseEntity | null): IntakeForm {
    return (response && intakeFormByKey(response.formKey)) || intakeFormFor(file);
  }

  private decrypt(response: IntakeResponseEntity): IntakeAnswers {
    return JSON.parse(
      this.encryption.decrypt(response.answersEncrypted, INTAKE_ANSWERS_CONTEXT),
    ) as IntakeAnswers;
  }

  private currentValue(client: ClientEntity, field: ClientFieldKey): string | null {
    return field === 'passportNumber' ? this.clients.decryptPassportNumber(client) : client[field];
  }

  /** The firm's day, so a date of birth entered today is not in the future. */
  private today(): string {
    return DateTime.fromJSDate(this.clock.now(), { zone: this.config.firmTimeZone }).toISODate() as string;
  }

  private recordByClient(
    manager: EntityManager,
    file: IntakeFileRow,
    response: IntakeResponseEntity,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId: null,
      actorClientId: file.clientId,
      action,
      subjectType: SUBJECT_TYPE,
      subjectId: response.id,
      fileId: file.id,
      clientId: file.clientId,
      changes,
    });
  }

  private fileNotFound(): IntakeError {
    return new IntakeError(IntakeErrorCode.FileNotFound, 'File not found');
  }

  private notSubmitted(): IntakeError {
    return new IntakeError(IntakeErrorCode.NotSubmitted, 'The questionnaire is not submitted');
  }
}
