import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { IntakeService } from '@app/intake';
import { scopeOfStaff } from '@app/work-permits';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { ConfirmIntakeDto, ReopenIntakeDto } from './dto/intake.dto';
import { FileIntakeResponse } from './dto/intake.response';

const FILE_NOT_FOUND: [404, string] = [
  404,
  'WORK_PERMIT_FILE_NOT_FOUND: no such file, or not one the caller may see',
];
const NOT_SUBMITTED: [409, string] = [
  409,
  'INTAKE_NOT_SUBMITTED: the client has not submitted the questionnaire',
];

/** The client's intake questionnaire, staff side: read it, reopen it, confirm answers into the client record. */
@ApiTags('intake')
@ApiStaffRoute()
@Controller('files')
export class FileIntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Get(':id/intake')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'A file’s questionnaire: the form, the answers, and the answers that have a home in the client record beside ' +
      'what it holds now',
  })
  @ApiOkResponse({ type: FileIntakeResponse })
  @ApiErrors(400, FILE_NOT_FOUND)
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<FileIntakeResponse> {
    return FileIntakeResponse.fromStaffView(await this.intake.viewForStaff(id, scopeOfStaff(staff)));
  }

  @Post(':id/intake/reopen')
  @HttpCode(200)
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Reopen submitted answers so the client can change them; the reason is recorded' })
  @ApiOkResponse({ type: FileIntakeResponse })
  @ApiErrors([400, 'VALIDATION_FAILED: no `reason`'], FILE_NOT_FOUND, NOT_SUBMITTED)
  async reopen(
    @UuidParam() id: string,
    @Body() dto: ReopenIntakeDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FileIntakeResponse> {
    return FileIntakeResponse.fromStaffView(
      await this.intake.reopen(id, dto.reason, staff, scopeOfStaff(staff)),
    );
  }

  @Post(':id/intake/confirm')
  @HttpCode(200)
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Copy the chosen submitted answers into the client record (checked as a client update), in one transaction',
  })
  @ApiOkResponse({ type: FileIntakeResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: `fields` empty, unknown or unanswered, or a value the client record refuses'],
    FILE_NOT_FOUND,
    NOT_SUBMITTED,
  )
  async confirm(
    @UuidParam() id: string,
    @Body() dto: ConfirmIntakeDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FileIntakeResponse> {
    return FileIntakeResponse.fromStaffView(
      await this.intake.confirm(id, dto.fields, staff, scopeOfStaff(staff)),
    );
  }
}
