import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, StaffRole, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { DeadlinesService } from '@app/work-permits';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  CreateDeadlineDto,
  ExportDeadlinesQueryDto,
  FileDeadlinesQueryDto,
  ListDeadlinesQueryDto,
  UpdateDeadlineDto,
} from './dto/deadline.dto';
import { DeadlineResponse } from './dto/deadline.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { ApiCsvExport } from '../exports/api-csv-export.decorator';
import { CsvExports } from '../exports/csv-export';
import { dayOf, label, yesNo } from '../exports/export-labels';

@ApiTags('deadlines')
@ApiStaffRoute()
@Controller()
export class DeadlinesController {
  constructor(
    private readonly deadlines: DeadlinesService,
    private readonly exports: CsvExports,
    private readonly config: AppConfig,
  ) {}

  @Get('files/:id/deadlines')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(DeadlineResponse) })
  @ApiOperation({ summary: 'List the deadlines of a file' })
  @ApiErrors(400, [404, 'No such file, or not one the caller may see'])
  async listForFile(
    @UuidParam() fileId: string,
    @Query() query: FileDeadlinesQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    const page = await this.deadlines.listForVisibleFile(fileId, query, scopeOfStaff(staff));
    return { items: page.items.map((item) => DeadlineResponse.from(item)), nextCursor: page.nextCursor };
  }

  @Post('files/:id/deadlines')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Add a deadline to a file' })
  @ApiCreatedResponse({ type: DeadlineResponse })
  @ApiErrors(400, [404, 'No such file, or not one the caller may see'])
  async create(
    @UuidParam() fileId: string,
    @Body() dto: CreateDeadlineDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<DeadlineResponse> {
    return DeadlineResponse.from(await this.deadlines.createCustom(fileId, dto, staff, scopeOfStaff(staff)));
  }

  @Get('deadlines')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(DeadlineResponse) })
  @ApiOperation({ summary: 'List deadlines across files' })
  @ApiErrors(400)
  async list(@Query() query: ListDeadlinesQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.deadlines.list(query, scopeOfStaff(staff));
    return { items: page.items.map((item) => DeadlineResponse.from(item)), nextCursor: page.nextCursor };
  }

  /** The list as CSV, whatever its size: `GET /api/deadlines/export.csv` with the list's filters. */
  @Get('deadlines/export.csv')
  @Roles(...ALL_STAFF)
  @ApiCsvExport('Export deadlines as CSV', 'Every deadline')
  async export(
    @Query() query: ExportDeadlinesQueryDto,
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const zone = this.config.firmTimeZone;
    await this.exports.stream(req, res, {
      resource: 'deadlines',
      staff,
      query,
      list: (filters, cursor, limit) =>
        this.deadlines.list({ ...filters, limit, cursor }, scopeOfStaff(staff)),
      staffOf: (d) => d.assigneeId,
      row: (d, lang, names) => [
        d.dueOn,
        d.title,
        label('deadlineKind', d.kind, lang),
        d.fileNumber,
        d.clientName,
        d.assigneeId ? (names.get(d.assigneeId) ?? '') : '',
        label('deadlineState', d.completedAt ? 'completed' : 'open', lang),
        yesNo(d.isOverdue, lang),
        dayOf(d.completedAt, zone),
        d.notes,
      ],
    });
  }

  @Get('deadlines/:id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Get a deadline' })
  @ApiOkResponse({ type: DeadlineResponse })
  @ApiErrors(400, [404, 'No such deadline, or not one the caller may see'])
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<DeadlineResponse> {
    return DeadlineResponse.from(await this.deadlines.get(id, scopeOfStaff(staff)));
  }

  @Patch('deadlines/:id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Update a deadline' })
  @ApiOkResponse({ type: DeadlineResponse })
  @ApiErrors(
    400,
    [404, 'No such deadline, or not one the caller may see'],
    [409, 'DEADLINE_MANAGED_BY_FILE: the file’s data sets this deadline'],
  )
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateDeadlineDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<DeadlineResponse> {
    return DeadlineResponse.from(await this.deadlines.update(id, dto, staff, scopeOfStaff(staff)));
  }

  @Delete('deadlines/:id')
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Delete a deadline' })
  @ApiErrors(
    400,
    [404, 'No such deadline, or not one the caller may delete'],
    [409, 'DEADLINE_MANAGED_BY_FILE: the file’s data sets this deadline'],
  )
  async remove(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.deadlines.remove(id, staff, scopeOfStaff(staff));
  }
}
