import { Body, Controller, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { AgreementsService } from '@app/agreements';
import { AppConfig } from '@app/config';
import { MessagesService } from '@app/messages';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { FileChecklistsService, type ChecklistSummary } from '@app/documents';
import { ReferenceDataService, RefusedAreasService } from '@app/reference-data';
import {
  DeadlinesService,
  mayWarnOfRefusedArea,
  scopeOfStaff,
  WorkPermitFilesService,
  type WorkPermitFileEntity,
} from '@app/work-permits';
import { DeadlineResponse } from '../deadlines/dto/deadline.response';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { OpenFileDto, TransitionDto, UpdateFileDto } from './dto/file.dto';
import { ExportFilesQueryDto, FileTimelineQueryDto, ListFilesQueryDto } from './dto/file-query.dto';
import { ApiCsvExport } from '../exports/api-csv-export.decorator';
import { CsvExports } from '../exports/csv-export';
import { dayOf, label } from '../exports/export-labels';
import {
  FileTimelineEventResponse,
  type FileResponseContext,
  WorkPermitFileResponse,
  WorkPermitFileSummaryResponse,
} from './dto/file.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/**
 * Work-permit files. Consultants see the files assigned to them (others answer 404); admins and assistants see
 * all of them.
 */
@ApiTags('files')
@ApiStaffRoute()
@Controller('files')
@ApiErrors(
  [400, 'VALIDATION_FAILED, fields keyed by request path (e.g. imp.exemptionCode)'],
  [404, 'No such file, or not one the caller may see'],
)
export class FilesController {
  constructor(
    private readonly files: WorkPermitFilesService,
    private readonly deadlines: DeadlinesService,
    private readonly reference: ReferenceDataService,
    private readonly refusedAreas: RefusedAreasService,
    private readonly checklists: FileChecklistsService,
    private readonly agreements: AgreementsService,
    private readonly messages: MessagesService,
    private readonly exports: CsvExports,
    private readonly config: AppConfig,
  ) {}

  /** What the responses read besides the files: the refused-CMA lists, once per request. */
  /** What the files' responses read besides the files; the refused-area lists only if a file may need them. */
  private async context(files: WorkPermitFileEntity[]): Promise<FileResponseContext> {
    const refusedAreas = files.some(mayWarnOfRefusedArea)
      ? await this.refusedAreas.lists()
      : { lists: [], on: () => undefined };
    return { reference: this.reference, refusedAreas };
  }

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: PageResponse(WorkPermitFileSummaryResponse),
    description: 'Newest first; items carry no deadlines',
  })
  @ApiOperation({ summary: 'List work-permit files' })
  async list(@Query() query: ListFilesQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.files.list(query, scopeOfStaff(staff));
    const ids = page.items.map((f) => f.id);
    const [context, checklists, agreements, unread] = await Promise.all([
      this.context(page.items),
      this.checklists.summariesOf(page.items),
      this.agreements.statesOf(ids),
      this.messages.unreadForStaff(ids, staff.id),
    ]);
    return {
      items: page.items.map((f) =>
        WorkPermitFileSummaryResponse.from(
          f,
          context,
          checklists.get(f.id) as ChecklistSummary,
          agreements.get(f.id) ?? 'none',
          unread.get(f.id) ?? 0,
        ),
      ),
      nextCursor: page.nextCursor,
    };
  }

  /** The list as CSV, whatever its size: `GET /api/files/export.csv` with the list's filters. */
  @Get('export.csv')
  @Roles(...ALL_STAFF)
  @ApiCsvExport('Export work-permit files as CSV', 'Every file')
  async export(
    @Query() query: ExportFilesQueryDto,
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const zone = this.config.firmTimeZone;
    await this.exports.stream(req, res, {
      resource: 'files',
      staff,
      query,
      list: (filters, cursor, limit) => this.files.list({ ...filters, limit, cursor }, scopeOfStaff(staff)),
      row: (f, lang) => [
        f.fileNumber,
        `${f.client.firstName} ${f.client.lastName}`,
        f.stream,
        label('applicationType', f.applicationType, lang),
        label('fileStatus', f.status, lang),
        f.consultant?.name ?? '',
        f.exemptionCode,
        f.lmiaStream,
        f.nocCode,
        f.province,
        f.jobTitle,
        f.employerName,
        f.submittedOn,
        f.decisionOn,
        f.permitExpiresOn,
        dayOf(f.createdAt, zone),
      ],
    });
  }

  @Post()
  @Roles(...ALL_STAFF)
  @ApiCreatedResponse({ type: WorkPermitFileResponse })
  @ApiOperation({ summary: 'Open a work-permit file' })
  async open(@Body() dto: OpenFileDto, @CurrentStaff() staff: StaffUser): Promise<WorkPermitFileResponse> {
    return this.respond(await this.files.open(dto, staff), staff);
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: WorkPermitFileResponse })
  @ApiOperation({ summary: 'Get a work-permit file' })
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<WorkPermitFileResponse> {
    return this.respond(await this.files.requireVisible(id, scopeOfStaff(staff)), staff);
  }

  @Patch(':id')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: WorkPermitFileResponse })
  @ApiOperation({ summary: 'Update a work-permit file' })
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateFileDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<WorkPermitFileResponse> {
    return this.respond(await this.files.update(id, dto, staff, scopeOfStaff(staff)), staff);
  }

  @Post(':id/transitions')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOkResponse({ type: WorkPermitFileResponse, description: 'The file in its new status' })
  @ApiErrors([409, 'WORK_PERMIT_INVALID_STATUS_TRANSITION: the workflow does not allow it'])
  @ApiOperation({ summary: 'Move a file to another status' })
  async transition(
    @UuidParam() id: string,
    @Body() dto: TransitionDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<WorkPermitFileResponse> {
    return this.respond(await this.files.transition(id, dto.to, staff, scopeOfStaff(staff)), staff);
  }

  @Get(':id/timeline')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(FileTimelineEventResponse), description: 'Newest first' })
  @ApiOperation({ summary: 'List a file’s history' })
  async timeline(
    @UuidParam() id: string,
    @Query() query: FileTimelineQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    const page = await this.files.timeline(id, query, scopeOfStaff(staff));
    return {
      items: page.items.map((item) => FileTimelineEventResponse.from(item)),
      nextCursor: page.nextCursor,
    };
  }

  /** A file as one record answers: with its deadlines and its checklist summary. */
  private async respond(file: WorkPermitFileEntity, staff: StaffUser): Promise<WorkPermitFileResponse> {
    const [deadlines, checklists, agreements, unread, context] = await Promise.all([
      this.deadlines.listForFile(file.id),
      this.checklists.summariesOf([file]),
      this.agreements.statesOf([file.id]),
      this.messages.unreadForStaff([file.id], staff.id),
      this.context([file]),
    ]);
    return WorkPermitFileResponse.withDeadlines(
      file,
      context,
      checklists.get(file.id) as ChecklistSummary,
      agreements.get(file.id) ?? 'none',
      unread.get(file.id) ?? 0,
      deadlines.map((d) => DeadlineResponse.from(d)),
    );
  }
}
