import { ApiProperty } from '@nestjs/swagger';
import type { RefusedAreaLists, ReferenceDataService } from '@app/reference-data';
import type { ChecklistSummary } from '@app/documents';
import {
  allowedTransitions,
  ApplicationType,
  FileStatus,
  LmiaStatus,
  FILE_AGREEMENT_STATES,
  WAGE_PERIODS,
  WorkPermitStream,
  fileWarnings,
  type FileAgreementState,
  type FileTimelineEntry,
  type FileWarning,
  type ImpPermitType,
  type WagePeriod,
  type WorkPermitFileEntity,
} from '@app/work-permits';
import { DeadlineResponse } from '../../deadlines/dto/deadline.response';
import { ChecklistSummaryResponse } from '../../documents/dto/checklist.response';

export class FileClientResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Priya' }) firstName: string;
  @ApiProperty({ example: 'Sharma' }) lastName: string;
}

export class FileConsultantResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Amélie Tremblay' }) name: string;
}

export class EmployerResponse {
  @ApiProperty({ type: String, nullable: true, example: 'Maple Software Inc.' }) name: string | null;
  @ApiProperty({ type: String, nullable: true, example: '123456789' }) businessNumber: string | null;
}

export class WageResponse {
  @ApiProperty({ example: 45.5 }) amount: number;
  @ApiProperty({ enum: WAGE_PERIODS }) period: WagePeriod;
}

export class TfwpResponse {
  @ApiProperty({ type: String, nullable: true, example: 'agricultural' }) lmiaStream: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Agricultural Stream' })
  lmiaStreamName: string | null;
  @ApiProperty({ enum: LmiaStatus, enumName: 'LmiaStatus', nullable: true }) lmiaStatus: LmiaStatus | null;
  @ApiProperty({ type: String, nullable: true, example: '1234567' }) lmiaNumber: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lmiaIssuedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) lmiaExpiresOn: string | null;
}

export class ImpResponse {
  @ApiProperty({ example: 'C10' }) exemptionCode: string;
  @ApiProperty({ type: String, nullable: true, example: 'Significant benefit - general' })
  codeTitle: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'active',
    description:
      'active | pilot | pilot_closed_check | pilot_closed | retired (retired codes stay on old files)',
  })
  codeStatus: string | null;
  @ApiProperty({ description: 'Whether a new file could use this code today' }) isCodeCurrent: boolean;
  @ApiProperty({ enum: ['open', 'employer_specific'], nullable: true, description: 'Follows from the code' })
  permitType: ImpPermitType | null;
  @ApiProperty({ type: String, nullable: true, example: 'A1234567' }) offerOfEmploymentNumber: string | null;
  @ApiProperty({ type: Boolean, nullable: true }) complianceFeePaid: boolean | null;
}

export class FileWarningResponse implements FileWarning {
  @ApiProperty({
    example: 'low_wage_refused_area',
    description:
      'exemption_code_closed | exemption_code_pilot_check | exemption_code_restricted | offer_number_may_be_needed | ' +
      'wage_stream_mismatch | low_wage_duration | low_wage_refused_area',
  })
  code: string;
  @ApiProperty({
    example:
      'ESDC does not process low-wage LMIAs in Toronto (unemployment 8.9%, list for 2025-07-11 to 2025-10-09, read on 2025-08-01)',
  })
  message: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { area: 'Toronto', unemploymentRate: 8.9, from: '2025-07-11', to: '2025-10-09' },
    description: 'The values the message is made of, for wording it in another language',
  })
  params: Record<string, string | number | null>;
}

/** The stored data the file responses read besides the file itself. */
export interface FileResponseContext {
  reference: ReferenceDataService;
  refusedAreas: RefusedAreaLists;
}

/** A file as lists show it: everything but its deadlines. */
export class WorkPermitFileSummaryResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'WP-2026-00042' }) fileNumber: string;
  @ApiProperty({ enum: FileStatus, enumName: 'FileStatus' }) status: FileStatus;
  @ApiProperty({
    enum: FileStatus,
    enumName: 'FileStatus',
    isArray: true,
    description: 'The statuses POST /api/files/:id/transitions accepts from here',
  })
  allowedTransitions: FileStatus[];
  @ApiProperty({ enum: WorkPermitStream, enumName: 'WorkPermitStream' }) stream: WorkPermitStream;
  @ApiProperty({ enum: ApplicationType, enumName: 'ApplicationType' }) applicationType: ApplicationType;
  @ApiProperty({ type: FileClientResponse }) client: FileClientResponse;
  @ApiProperty({ type: FileConsultantResponse, nullable: true }) consultant: FileConsultantResponse | null;
  @ApiProperty({ type: EmployerResponse, nullable: true }) employer: EmployerResponse | null;
  @ApiProperty({ type: String, nullable: true }) jobTitle: string | null;
  @ApiProperty({ type: String, nullable: true, example: '21232' }) nocCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Software developers and programmers' })
  nocTitle: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The CNP 2021 (French) title; null where the reference data has no French title yet',
  })
  nocTitleFr: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'ON' }) province: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Toronto',
    description: 'CMA or municipality where the job is',
  })
  workLocation: string | null;
  @ApiProperty({ type: WageResponse, nullable: true }) wage: WageResponse | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) submittedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) biometricsDueOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) medicalDueOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) pflResponseDueOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) decisionOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) permitExpiresOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) biometricsLetterOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) medicalLetterOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) pflLetterOn: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'W301234567' }) irccApplicationNumber: string | null;
  @ApiProperty({ type: TfwpResponse, nullable: true, description: 'Set on TFWP files' })
  tfwp: TfwpResponse | null;
  @ApiProperty({ type: ImpResponse, nullable: true, description: 'Set on IMP files' })
  imp: ImpResponse | null;
  @ApiProperty({
    type: [FileWarningResponse],
    description:
      'What staff should know, from dated reference data: a closed or narrowed exemption code, a missing offer number, ' +
      'a wage that disagrees with the LMIA stream, a low-wage position over the maximum duration or in a refused CMA',
  })
  warnings: FileWarningResponse[];
  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The consultation the file was opened from',
  })
  consultationId: string | null;
  @ApiProperty({
    type: ChecklistSummaryResponse,
    description:
      'Where the file stands on its document checklist (GET /api/files/:id/checklist has the items)',
  })
  checklist: ChecklistSummaryResponse;
  @ApiProperty({
    enum: FILE_AGREEMENT_STATES,
    enumName: 'FileAgreementState',
    description:
      'The service agreement (CICC Code s.24): none, the live agreement’s status (draft, sent, client_signed, ' +
      'signed), or overridden when an admin let the file go on without one',
  })
  agreement: FileAgreementState;
  @ApiProperty({
    example: 2,
    description: 'Messages from the client on this file that the caller has not read',
  })
  unreadMessages: number;
  @ApiProperty() createdAt: Date;
  @ApiProperty() updatedAt: Date;

  static from(
    file: WorkPermitFileEntity,
    context: FileResponseContext,
    checklist: ChecklistSummary,
    agreement: FileAgreementState,
    unreadMessages: number,
  ): WorkPermitFileSummaryResponse {
    return summaryOf(file, context, checklist, agreement, unreadMessages);
  }
}

/** A file with its deadlines. */
export class WorkPermitFileResponse extends WorkPermitFileSummaryResponse {
  @ApiProperty({ type: [DeadlineResponse] }) deadlines: DeadlineResponse[];

  static withDeadlines(
    file: WorkPermitFileEntity,
    context: FileResponseContext,
    checklist: ChecklistSummary,
    agreement: FileAgreementState,
    unreadMessages: number,
    deadlines: DeadlineResponse[],
  ): WorkPermitFileResponse {
    return Object.assign(summaryOf(file, context, checklist, agreement, unreadMessages), { deadlines });
  }
}

/**
 * The response as a plain object, its fields in the order the class declares them (the JSON's key order):
 * lists build one per file, so no class instance is filled in afterwards.
 */
function summaryOf(
  file: WorkPermitFileEntity,
  { reference, refusedAreas }: FileResponseContext,
  checklist: ChecklistSummary,
  agreement: FileAgreementState,
  unreadMessages: number,
): WorkPermitFileSummaryResponse {
  const code = file.exemptionCode ? reference.exemptionCode(file.exemptionCode) : undefined;
  return {
    id: file.id,
    fileNumber: file.fileNumber,
    status: file.status,
    allowedTransitions: allowedTransitions(file.status),
    stream: file.stream,
    applicationType: file.applicationType,
    client: { id: file.client.id, firstName: file.client.firstName, lastName: file.client.lastName },
    consultant: file.consultant ? { id: file.consultant.id, name: file.consultant.name } : null,
    employer:
      file.employerName === null && file.employerBusinessNumber === null
        ? null
        : { name: file.employerName, businessNumber: file.employerBusinessNumber },
    jobTitle: file.jobTitle,
    nocCode: file.nocCode,
    nocTitle: file.nocCode ? (reference.nocUnitGroup(file.nocCode)?.title ?? null) : null,
    nocTitleFr: file.nocCode ? (reference.nocUnitGroup(file.nocCode)?.titleFr ?? null) : null,
    province: file.province,
    workLocation: file.workLocation ?? null,
    wage:
      file.wage === null || file.wagePeriod === null
        ? null
        : { amount: Number(file.wage), period: file.wagePeriod },
    submittedOn: file.submittedOn,
    biometricsDueOn: file.biometricsDueOn,
    medicalDueOn: file.medicalDueOn,
    pflResponseDueOn: file.pflResponseDueOn,
    decisionOn: file.decisionOn,
    biometricsLetterOn: file.biometricsLetterOn,
    medicalLetterOn: file.medicalLetterOn,
    pflLetterOn: file.pflLetterOn,
    permitExpiresOn: file.permitExpiresOn,
    irccApplicationNumber: file.irccApplicationNumber,
    tfwp:
      file.stream === WorkPermitStream.Tfwp
        ? {
            lmiaStream: file.lmiaStream,
            lmiaStreamName: file.lmiaStream ? (reference.lmiaStream(file.lmiaStream)?.name ?? null) : null,
            lmiaStatus: file.lmiaStatus,
            lmiaNumber: file.lmiaNumber,
            lmiaIssuedOn: file.lmiaIssuedOn,
            lmiaExpiresOn: file.lmiaExpiresOn,
          }
        : null,
    imp:
      file.stream === WorkPermitStream.Imp && file.exemptionCode
        ? {
            exemptionCode: file.exemptionCode,
            codeTitle: code?.title ?? null,
            codeStatus: code?.status ?? null,
            isCodeCurrent: code?.isCurrent ?? false,
            permitType: file.impPermitType,
            offerOfEmploymentNumber: file.offerOfEmploymentNumber,
            complianceFeePaid: file.complianceFeePaid,
          }
        : null,
    warnings: fileWarnings(
      { ...file, openedOn: new Date(file.createdAt).toISOString().slice(0, 10) },
      {
        exemptionCode: (c) => reference.exemptionCode(c),
        wageRules: reference.lmiaWageRules(),
        refusedCmas: (day) => refusedAreas.on(day),
      },
    ),
    consultationId: file.consultationId ?? null,
    checklist: ChecklistSummaryResponse.from(checklist),
    agreement,
    unreadMessages,
    createdAt: file.createdAt,
    updatedAt: file.updatedAt,
  };
}

export class TimelineActorResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

/** One event of a file's timeline: who did what, when, with the changed fields. */
export class FileTimelineEventResponse {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() occurredAt: Date;
  @ApiProperty({
    example: 'file.status_changed',
    description: 'file.created, file.updated, file.status_changed, deadline.*',
  })
  action: string;
  @ApiProperty({ example: 'work_permit_file' }) subjectType: string;
  @ApiProperty({ format: 'uuid' }) subjectId: string;
  @ApiProperty({ type: TimelineActorResponse, nullable: true, description: 'null: the system' })
  actor: TimelineActorResponse | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { status: ['submitted', 'approved'], decisionOn: [null, '2026-11-22'] },
    description: 'Changed fields as [before, after]; for a creation, the initial values',
  })
  changes: Record<string, unknown>;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { '0b7c6a0e-1111-4222-8333-944444444444': 'Amélie Tremblay' },
    description: 'Names of the ids in changes: staff, clients, consultation types, files (by number)',
  })
  names: Record<string, string>;

  static from(event: FileTimelineEntry): FileTimelineEventResponse {
    return Object.assign(new FileTimelineEventResponse(), {
      id: event.id,
      occurredAt: event.occurredAt,
      action: event.action,
      subjectType: event.subjectType,
      subjectId: event.subjectId,
      actor: event.actorId ? { id: event.actorId, name: event.actorName } : null,
      changes: event.changes,
      names: event.names,
    });
  }
}
