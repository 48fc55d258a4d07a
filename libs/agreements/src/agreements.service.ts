import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '@app/audit';
import { UsersService, type StaffUser } from '@app/auth';
import { ClientsService, PreferredLanguage, type ClientEntity } from '@app/clients';
import { AppConfig } from '@app/config';
import type { FeeTerms } from '@app/billing';
import { FirmProfileService } from '@app/firm';
import { agreementReadyEmail, MailService } from '@app/notifications';
import { Clock, sha256Hex, ValidationFailedError, type StaffScope } from '@app/shared';
import {
  WorkPermitError,
  WorkPermitFilesService,
  type FileAgreementState,
  type WorkPermitFileEntity,
} from '@app/work-permits';
import { AgreementFeeTerms, type DraftTerms, type DraftTermsInput } from './agreement-fee-terms';
import { AgreementError, AgreementErrorCode } from './agreements.errors';
import { AgreementsRepository } from './agreements.repository';
import { AgreementTemplatesService } from './agreement-templates.service';
import { AgreementOverrideEntity } from './entities/agreement-override.entity';
import { AgreementPreconditionsEntity, PriorRepresentation } from './entities/agreement-preconditions.entity';
import { AgreementEntity, AgreementStatus } from './entities/agreement.entity';
import { applicationTypeWords } from './rules/application-type-words';
import { mergeTemplate, type MergeValues } from './rules/merge-fields';

/** The s.24(2) record: identity and contact details confirmed, prior representation checked. */
export interface PreconditionsInput {
  identityMethod: string;
  identityConfirmedAt: Date;
  homeAddress: string;
  phone: string | null;
  email: string | null;
  businessContact: string | null;
  priorRepresentation: PriorRepresentation;
  priorRepresentationNotes: string | null;
}

export type { DraftTerms, DraftTermsInput } from './agreement-fee-terms';

/** The fee sections a service gives a file's draft, and the language they are in (the client's). */
export interface DraftFeeTermsPreview extends FeeTerms {
  language: 'en' | 'fr';
  serviceId: string;
}

/** A file's agreement as the staff see it: the live version, every version, the preconditions and any override. */
export interface FileAgreementView {
  fileId: string;
  current: AgreementEntity | null;
  history: AgreementEntity[];
  preconditions: AgreementPreconditionsEntity | null;
  override: AgreementOverrideEntity | null;
}

const SUBJECT_TYPE = 'agreement';

/**
 * The CICC service agreement of a file (SOR/2022-128 s.24): preconditions, a draft merged from the firm's template
 * in the client's language, sending it, and an admin's override. Every step is audited in its own transaction.
 * The signatures are AgreementSignaturesService's.
 */
@Injectable()
export class AgreementsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: AgreementsRepository,
    private readonly templates: AgreementTemplatesService,
    private readonly files: WorkPermitFilesService,
    private readonly clients: ClientsService,
    private readonly users: UsersService,
    private readonly feeTerms: AgreementFeeTerms,
    private readonly firm: FirmProfileService,
    private readonly mail: MailService,
    private readonly audit: AuditService,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {}

  async view(fileId: string, scope: StaffScope): Promise<FileAgreementView> {
    await this.files.requireVisible(fileId, scope);
    const [history, preconditions, override] = await Promise.all([
      this.repository.listForFile(fileId),
      this.repository.findPreconditions(fileId),
      this.repository.findOverride(fileId),
    ]);
    const current = history.find((a) => a.status !== AgreementStatus.Superseded) ?? null;
    return { fileId, current, history, preconditions, override };
  }

  /** Where each of these files stands on its agreement (a page of the files list; the ids are already scoped). */
  statesOf(fileIds: readonly string[]): Promise<Map<string, FileAgreementState>> {
    return this.repository.statesOf(fileIds);
  }

  /** Records (or corrects) the s.24(2) preconditions; the actor is who confirmed the identity. */
  async recordPreconditions(
    fileId: string,
    input: PreconditionsInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<FileAgreementView> {
    const file = await this.files.requireVisible(fileId, scope);
    const needsNotes = [PriorRepresentation.Completed, PriorRepresentation.Concurrent];
    if (needsNotes.includes(input.priorRepresentation) && !input.priorRepresentationNotes) {
      throw ValidationFailedError.field(
        'priorRepresentationNotes',
        input.priorRepresentation === PriorRepresentation.Completed
          ? 'priorRepresentationNotes must give the outcome of the other representative’s completed agreement'
          : 'priorRepresentationNotes must give the client’s instructions on what each representative does',
      );
    }
    if (input.identityConfirmedAt > this.clock.now()) {
      throw ValidationFailedError.field('identityConfirmedAt', 'identityConfirmedAt cannot be in the future');
    }
    await this.dataSource.transaction(async (manager) => {
      const before = await this.repository.findPreconditions(fileId, manager);
      await this.repository.savePreconditions(manager, {
        fileId,
        ...input,
        identityConfirmedById: actor.id,
      });
      await this.record(manager, actor.id, file, file.id, 'agreement.preconditions_recorded', {
        identityMethod: input.identityMethod,
        identityConfirmedAt: input.identityConfirmedAt.toISOString(),
        priorRepresentation: input.priorRepresentation,
        corrected: before !== null,
      });
    });
    return this.view(fileId, scope);
  }

  /**
   * A new draft from the current template, merged in the client's preferred language with the records and the
   * terms given; its text and SHA-256 are stored. A live version (draft, sent or signed) is superseded: any change
   * is a new version that must be signed again. The fee sections may be drawn from a fee-schedule service, in the
   * client's language; a fee section written by the staff overrides the service's.
   */
  async draft(
    fileId: string,
    input: DraftTermsInput,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<AgreementEntity> {
    const visible = await this.files.requireVisible(fileId, scope);
    const id = await this.dataSource.transaction(async (manager) => {
      const live = await this.repository.lockLiveForFile(manager, fileId);
      const client = await this.requireClient(visible.clientId, manager);
      const template = await this.templates.current(manager);
      const version = await this.repository.nextVersion(manager, fileId);
      const language = client.preferredLanguage === PreferredLanguage.Fr ? 'fr' : 'en';
      const { terms, feeScheduleServiceId } = await this.feeTerms.resolve(input, language, manager);
      const values = await this.mergeValues(visible, client, terms, version, language, manager);
      const body = mergeTemplate(language === 'fr' ? template.bodyFr : template.bodyEn, values, language);
      if (live) {
        await this.repository.update(manager, live.id, {
          status: AgreementStatus.Superseded,
          supersededAt: this.clock.now(),
        });
        await this.record(manager, actor.id, visible, live.id, 'agreement.superseded', {
          version: live.version,
          status: [live.status, AgreementStatus.Superseded],
        });
      }
      const agreement = await this.repository.insert(manager, {
        fileId,
        clientId: visible.clientId,
        version,
        status: AgreementStatus.Draft,
        language,
        templateVersion: template.version,
        body,
        bodySha256: sha256Hex(body),
        terms: feeScheduleServiceId ? { ...terms, feeScheduleServiceId } : { ...terms },
        feeScheduleServiceId,
        createdById: actor.id,
      });
      await this.record(manager, actor.id, visible, agreement.id, 'agreement.drafted', {
        version,
        templateVersion: template.version,
        language,
        bodySha256: agreement.bodySha256,
        ...(feeScheduleServiceId ? { feeScheduleServiceId } : {}),
      });
      return agreement.id;
    });
    return this.requireById(id);
  }

  /**
   * The fee sections of a draft, drawn from a fee-schedule service, in the client's language (the admin UI prefills
   * the draft form with them).
   */
  async feeTermsPreview(
    fileId: string,
    feeScheduleServiceId: string,
    scope: StaffScope,
  ): Promise<DraftFeeTermsPreview> {
    const file = await this.files.requireVisible(fileId, scope);
    const client = await this.requireClient(file.clientId, this.dataSource.manager);
    const language = client.preferredLanguage === PreferredLanguage.Fr ? 'fr' : 'en';
    const terms = await this.feeTerms.fromService(feeScheduleServiceId, language);
    return { language, ...terms };
  }

  /**
   * Sends a draft to the client: refused (409 AGREEMENT_PRECONDITIONS_MISSING, naming what is missing) until the
   * s.24(2) preconditions are recorded and the client has an email, and (AGREEMENT_DRAFT_OUTDATED) when they
   * changed after the draft was made. Emails the client a link to the portal, in the same transaction.
   */
  async send(id: string, actor: StaffUser, scope: StaffScope): Promise<AgreementEntity> {
    await this.dataSource.transaction(async (manager) => {
      const agreement = await this.lockVisible(manager, id, scope);
      if (agreement.status !== AgreementStatus.Draft) {
        throw new AgreementError(
          AgreementErrorCode.InvalidState,
          `Only a draft can be sent; this agreement is ${agreement.status}. Make a new draft to change it`,
        );
      }
      const file = await this.files.requireVisible(agreement.fileId, scope);
      const client = await this.requireClient(agreement.clientId, manager);
      const preconditions = await this.repository.findPreconditions(agreement.fileId, manager);
      const missing: string[] = [];
      if (!preconditions) {
        missing.push('identity and contact details confirmed', 'prior representation checked');
      }
      if (!client.email) {
        missing.push('the client’s email address');
      }
      if (missing.length > 0) {
        throw new AgreementError(
          AgreementErrorCode.PreconditionsMissing,
          `Before sending, record: ${missing.join('; ')} (CICC Code s.24(2))`,
        );
      }
      if (preconditions && preconditions.updatedAt > agreement.createdAt) {
        throw new AgreementError(
          AgreementErrorCode.DraftOutdated,
          'The preconditions changed after this draft was made; make a new draft so it carries them',
        );
      }
      const now = this.clock.now();
      await this.repository.update(manager, agreement.id, {
        status: AgreementStatus.Sent,
        sentAt: now,
        sentById: actor.id,
      });
      const firm = await this.firm.current();
      const email = agreementReadyEmail({
        language: agreement.language,
        clientName: `${client.firstName} ${client.lastName}`,
        fileNumber: file.fileNumber,
        firmName: firm.name,
        consultantName: file.consultant?.name ?? null,
        portalUrl: new URL('/portal', this.config.appUrl).toString(),
      });
      await this.mail.enqueue(manager, {
        kind: 'agreement_ready',
        to: client.email as string,
        ...email,
        related: { type: SUBJECT_TYPE, id: agreement.id },
        idempotencyKey: `agreement-ready-${agreement.id}`,
      });
      await this.record(manager, actor.id, file, agreement.id, 'agreement.sent', {
        version: agreement.version,
        status: [AgreementStatus.Draft, AgreementStatus.Sent],
      });
    });
    return this.requireById(id);
  }

  /** An admin's record that the file may leave intake without an agreement signed here, and why; audited. */
  async recordOverride(
    fileId: string,
    reason: string,
    actor: StaffUser,
    scope: StaffScope,
  ): Promise<FileAgreementView> {
    const file = await this.files.requireVisible(fileId, scope);
    await this.dataSource.transaction(async (manager) => {
      const before = await this.repository.findOverride(fileId, manager);
      await this.repository.saveOverride(manager, {
        fileId,
        reason,
        recordedById: actor.id,
        recordedAt: this.clock.now(),
      });
      await this.record(manager, actor.id, file, file.id, 'agreement.overridden', {
        reason: before ? [before.reason, reason] : reason,
      });
    });
    return this.view(fileId, scope);
  }

  /** Whether the file holds a signed agreement or an override (read in the caller's transaction). */
  fileMayLeaveIntake(manager: EntityManager, fileId: string): Promise<boolean> {
    return this.repository.fileMayLeaveIntake(manager, fileId);
  }

  /** The agreement, if its file is one the scope may see (AGREEMENT_NOT_FOUND otherwise). */
  async requireVisible(id: string, scope: StaffScope): Promise<AgreementEntity> {
    const agreement = await this.repository.findById(id);
    if (!agreement) {
      throw AgreementError.notFound();
    }
    await this.fileOrNotFound(agreement.fileId, scope);
    return agreement;
  }

  /** The agreement locked for update, if its file is one the scope may see (AGREEMENT_NOT_FOUND otherwise). */
  async lockVisible(manager: EntityManager, id: string, scope: StaffScope): Promise<AgreementEntity> {
    const agreement = await this.repository.lockById(manager, id);
    if (!agreement) {
      throw AgreementError.notFound();
    }
    await this.fileOrNotFound(agreement.fileId, scope);
    return agreement;
  }

  private async fileOrNotFound(fileId: string, scope: StaffScope): Promise<void> {
    try {
      await this.files.requireVisible(fileId, scope);
    } catch (error) {
      if (error instanceof WorkPermitError) {
        throw AgreementError.notFound();
      }
      throw error;
    }
  }

  async requireById(id: string): Promise<AgreementEntity> {
    const agreement = await this.repository.findById(id);
    if (!agreement) {
      throw AgreementError.notFound();
    }
    return agreement;
  }

  async requireClient(clientId: string, manager: EntityManager): Promise<ClientEntity> {
    const client = await this.clients.findInTransaction(clientId, manager);
    if (!client) {
      throw AgreementError.notFound();
    }
    return client;
  }

  private async mergeValues(
    file: WorkPermitFileEntity,
    client: ClientEntity,
    terms: DraftTerms,
    version: number,
    language: 'en' | 'fr',
    manager: EntityManager,
  ): Promise<MergeValues> {
    const preconditions = await this.repository.findPreconditions(file.id, manager);
    const consultant = file.consultantId ? await this.users.require(file.consultantId) : null;
    const firm = await this.firm.current();
    const today = this.clock.now().toISOString().slice(0, 10);
    return {
      'client.fullName': `${client.firstName} ${client.lastName}`,
      'client.email': preconditions?.email ?? client.email,
      'client.phone': preconditions?.phone ?? client.phone,
      'client.address': preconditions?.homeAddress ?? null,
      'consultant.name': consultant?.name ?? null,
      'consultant.licenceNumber': consultant?.rcicLicenceNumber ?? null,
      'consultant.email': consultant?.email ?? null,
      'file.number': file.fileNumber,
      'file.stream': file.stream,
      'file.applicationType': applicationTypeWords(file.applicationType, language),
      'firm.name': firm.name,
      'firm.address': firm.address,
      'firm.phone': firm.phone,
      'firm.email': firm.publicEmail,
      'services.description': terms.servicesDescription,
      'fees.professional': terms.professionalFees,
      'fees.ircc': terms.irccFees,
      'fees.paymentSchedule': terms.paymentSchedule,
      'agreement.date': today,
      'agreement.version': String(version),
    };
  }

  /** An audit event of an agreement of this file, in the caller's transaction. */
  record(
    manager: EntityManager,
    actorId: string,
    file: Pick<WorkPermitFileEntity, 'id' | 'clientId'>,
    subjectId: string,
    action: string,
    changes: Record<string, unknown>,
  ): Promise<void> {
    return this.audit.record(manager, {
      actorId,
      action,
      subjectType: SUBJECT_TYPE,
      subjectId,
      fileId: file.id,
      clientId: file.clientId,
      changes,
    });
  }
}
