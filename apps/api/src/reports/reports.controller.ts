import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, type StaffUser } from '@app/auth';
import { ChecklistCompletenessService, type ChecklistCompleteness } from '@app/documents';
import { ReportsService, type CaseloadOverview, type OccupationsReport } from '@app/reports';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** Caseload reports; query values are checked by the reports rules (400 naming the field). */
@ApiTags('reports')
@ApiStaffRoute()
@Controller('reports')
export class ReportsController {
  constructor(
    private readonly reports: ReportsService,
    private readonly completeness: ChecklistCompletenessService,
  ) {}

  @Get('overview')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    description: 'Files by stream and status, IMP codes, TFWP streams, deadlines, consultations',
  })
  @ApiOperation({ summary: 'Get the caseload overview' })
  @ApiErrors(400)
  overview(
    @Query() query: Record<string, unknown>,
    @CurrentStaff() staff: StaffUser,
  ): Promise<CaseloadOverview> {
    this.reports.checkOverviewQuery(query);
    return this.reports.overview(scopeOfStaff(staff));
  }

  @Get('documents')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    description:
      'Checklist completeness of the files in intake, in preparation or answering a request for more documents',
  })
  @ApiOperation({ summary: 'Get the documents report' })
  @ApiErrors(400)
  documents(
    @Query() query: Record<string, unknown>,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ChecklistCompleteness> {
    this.reports.checkOverviewQuery(query);
    return this.completeness.ofGatheringFiles(scopeOfStaff(staff));
  }

  @Get('occupations')
  @Roles(...ALL_STAFF)
  @ApiQuery({ name: 'province', required: false, description: 'Province or territory code, e.g. ON' })
  @ApiQuery({ name: 'stream', required: false, enum: ['TFWP', 'IMP'] })
  @ApiQuery({
    name: 'year',
    required: false,
    description: 'Submission year, else creation year; default this year',
  })
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'csv'] })
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    description: 'Top occupations (NOC 2021) by province, with IRCC work-permit holders on December 31',
  })
  @ApiOperation({ summary: 'Report files by occupation' })
  @ApiErrors(400)
  async occupations(
    @Query() query: Record<string, unknown>,
    @CurrentStaff() staff: StaffUser,
    @Res({ passthrough: true }) res: Response,
  ): Promise<OccupationsReport | string> {
    const params = this.reports.parseOccupationsQuery(query);
    const report = await this.reports.occupations(params, scopeOfStaff(staff));
    if (params.format !== 'csv') {
      return report;
    }
    const name = ['occupations', params.year, params.province, params.stream]
      .filter(Boolean)
      .join('-')
      .toLowerCase();
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${name}.csv"`);
    return this.reports.occupationsCsv(report);
  }
}
