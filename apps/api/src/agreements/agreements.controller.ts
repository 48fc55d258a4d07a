import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgreementSignaturesService, AgreementsService, AgreementTemplatesService } from '@app/agreements';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { scopeOfStaff } from '@app/work-permits';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import {
  AgreementOverrideDto,
  AgreementPreconditionsDto,
  AgreementTemplateDto,
  DraftAgreementDto,
  FeeTermsQueryDto,
} from './dto/agreement.dto';
import {
  AgreementResponse,
  AgreementTemplateResponse,
  DraftFeeTermsResponse,
  FileAgreementResponse,
} from './dto/agreement.response';

const FILE_NOT_FOUND: [404, string] = [
  404,
  'WORK_PERMIT_FILE_NOT_FOUND: no such file, or not one the caller may see',
];
const AGREEMENT_NOT_FOUND: [404, string] = [
  404,
  'AGREEMENT_NOT_FOUND: no such agreement, or its file is not one the caller may see',
];

/** A file's service agreement (CICC Code s.24), staff side: preconditions, drafts, override. */
@ApiTags('agreements')
@ApiStaffRoute()
@Controller('files')
export class FileAgreementsController {
  constructor(private readonly agreements: AgreementsService) {}

  @Get(':id/agreement')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary: 'Get a file’s service agreement: the current version, history, preconditions, override',
  })
  @ApiOkResponse({ type: FileAgreementResponse })
  @ApiErrors(400, FILE_NOT_FOUND)
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<FileAgreementResponse> {
    return FileAgreementResponse.from(await this.agreements.view(id, scopeOfStaff(staff)));
  }

  @Post(':id/agreement')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Make a draft from the firm’s template in the client’s language; the previous version, if any, is superseded',
  })
  @ApiCreatedResponse({ type: AgreementResponse })
  @ApiErrors(400, FILE_NOT_FOUND)
  async draft(
    @UuidParam() id: string,
    @Body() dto: DraftAgreementDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<AgreementResponse> {
    return AgreementResponse.from(await this.agreements.draft(id, dto, staff, scopeOfStaff(staff)));
  }

  @Get(':id/agreement/fee-terms')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'The fee sections a fee-schedule service gives this file’s draft, in the client’s language (to prefill the draft form)',
  })
  @ApiOkResponse({ type: DraftFeeTermsResponse })
  @ApiErrors([400, 'VALIDATION_FAILED: `feeScheduleServiceId` unknown or inactive'], FILE_NOT_FOUND)
  feeTerms(
    @UuidParam() id: string,
    @Query() query: FeeTermsQueryDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<DraftFeeTermsResponse> {
    return this.agreements.feeTermsPreview(id, query.feeScheduleServiceId, scopeOfStaff(staff));
  }

  @Put(':id/agreement-preconditions')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Record the s.24(2) preconditions: identity and contact details confirmed, prior representation checked',
  })
  @ApiOkResponse({ type: FileAgreementResponse })
  @ApiErrors(400, FILE_NOT_FOUND)
  async preconditions(
    @UuidParam() id: string,
    @Body() dto: AgreementPreconditionsDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FileAgreementResponse> {
    const view = await this.agreements.recordPreconditions(
      id,
      {
        identityMethod: dto.identityMethod,
        identityConfirmedAt: new Date(dto.identityConfirmedAt),
        homeAddress: dto.homeAddress,
        phone: dto.phone ?? null,
        email: dto.email ?? null,
        businessContact: dto.businessContact ?? null,
        priorRepresentation: dto.priorRepresentation,
        priorRepresentationNotes: dto.priorRepresentationNotes ?? null,
      },
      staff,
      scopeOfStaff(staff),
    );
    return FileAgreementResponse.from(view);
  }

  @Post(':id/agreement-override')
  @Roles(StaffRole.Admin)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Let the file leave intake without an agreement signed here, recording why (admin)',
  })
  @ApiOkResponse({ type: FileAgreementResponse })
  @ApiErrors(400, [404, 'Not an admin, or no such file: the route answers as if it did not exist'])
  async override(
    @UuidParam() id: string,
    @Body() dto: AgreementOverrideDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FileAgreementResponse> {
    return FileAgreementResponse.from(
      await this.agreements.recordOverride(id, dto.reason, staff, scopeOfStaff(staff)),
    );
  }
}

/** Steps on one agreement version: sending it and countersigning it. */
@ApiTags('agreements')
@ApiStaffRoute()
@Controller('agreements')
export class AgreementsController {
  constructor(
    private readonly agreements: AgreementsService,
    private readonly signatures: AgreementSignaturesService,
  ) {}

  @Post(':id/send')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a draft to the client: they get an email with a link to the portal' })
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(400, AGREEMENT_NOT_FOUND, [
    409,
    'AGREEMENT_PRECONDITIONS_MISSING (the message names what to record), AGREEMENT_DRAFT_OUTDATED, or AGREEMENT_INVALID_STATE (not a draft)',
  ])
  async send(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<AgreementResponse> {
    return AgreementResponse.from(await this.agreements.send(id, staff, scopeOfStaff(staff)));
  }

  @Post(':id/countersign')
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Countersign an agreement the client signed (the file’s consultant or an admin); the signed PDF is stored as a document',
  })
  @ApiOkResponse({ type: AgreementResponse })
  @ApiErrors(
    400,
    [404, 'AGREEMENT_NOT_FOUND: no such agreement, not the caller’s file, or the caller is an assistant'],
    [409, 'AGREEMENT_INVALID_STATE: the client has not signed this version, or it is already countersigned'],
    [503, 'DOCUMENT_STORAGE_UNAVAILABLE: the document store cannot be reached; nothing was recorded'],
  )
  async countersign(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<AgreementResponse> {
    return AgreementResponse.from(await this.signatures.countersign(id, staff, scopeOfStaff(staff)));
  }
}

/** The firm's service agreement template (admin). */
@ApiTags('agreements')
@ApiStaffRoute()
@Controller('settings/agreement-template')
export class AgreementTemplateController {
  constructor(private readonly templates: AgreementTemplatesService) {}

  @Get()
  @Roles(StaffRole.Admin)
  @ApiOperation({
    summary: 'Get the current service agreement template (EN and FR) and the merge fields it may use',
  })
  @ApiOkResponse({ type: AgreementTemplateResponse })
  @ApiErrors([404, 'Not an admin: the route answers as if it did not exist'])
  async get(): Promise<AgreementTemplateResponse> {
    return AgreementTemplateResponse.from(await this.templates.current(), this.templates.mergeFields);
  }

  @Put()
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Save a new version of the service agreement template' })
  @ApiOkResponse({ type: AgreementTemplateResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED: `bodyEn` or `bodyFr` missing, too long, or naming unknown merge fields (listed)',
    ],
    [404, 'Not an admin: the route answers as if it did not exist'],
  )
  async update(
    @Body() dto: AgreementTemplateDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<AgreementTemplateResponse> {
    return AgreementTemplateResponse.from(
      await this.templates.update(dto, staff),
      this.templates.mergeFields,
    );
  }
}
