import { Body, Controller, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { IntakeService } from '@app/intake';
import { PortalClient, PortalRoute } from '@app/portal';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiPortalRoute } from '../openapi/api-docs.decorators';
import { SavePortalIntakeDto } from './dto/portal-intake.dto';
import { PortalIntakeResponse } from './dto/portal-intake.response';

const FILE_NOT_FOUND: [404, string] = [404, 'INTAKE_FILE_NOT_FOUND: no such file of this client'];
const ALREADY_SUBMITTED: [409, string] = [
  409,
  'INTAKE_ALREADY_SUBMITTED: submitted answers are read-only until the firm reopens them',
];

/**
 * The intake questionnaire of one of the client's files: read, save as a draft at every step, submit once. The
 * file is looked up with the signed-in client in the query, so anyone else's file is a 404.
 */
@ApiTags('portal')
@Controller('portal/files')
@PortalRoute()
@ApiPortalRoute()
export class PortalIntakeController {
  constructor(private readonly intake: IntakeService) {}

  @Get(':id/intake')
  @ApiOperation({
    summary: 'The file’s questionnaire: the form in English and French, the saved answers, status',
  })
  @ApiOkResponse({ type: PortalIntakeResponse })
  @ApiErrors(400, FILE_NOT_FOUND)
  async get(@PortalClient() clientId: string, @UuidParam() id: string): Promise<PortalIntakeResponse> {
    return PortalIntakeResponse.from(await this.intake.viewForClient(clientId, id));
  }

  @Put(':id/intake')
  @ApiOperation({
    summary: 'Save the answers as a draft (may be incomplete; each answer is checked for its type)',
  })
  @ApiOkResponse({ type: PortalIntakeResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: `fields` names each bad answer as `answers.<key>` (`answers.jobs.0.country`)'],
    FILE_NOT_FOUND,
    ALREADY_SUBMITTED,
  )
  async save(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Body() dto: SavePortalIntakeDto,
  ): Promise<PortalIntakeResponse> {
    return PortalIntakeResponse.from(await this.intake.saveDraft(clientId, id, dto.answers));
  }

  @Post(':id/intake/submit')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Submit the saved answers: every required answer must be there; then read-only, and the consultant is told',
  })
  @ApiOkResponse({ type: PortalIntakeResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: `fields` names each missing or bad answer as `answers.<key>`'],
    FILE_NOT_FOUND,
    ALREADY_SUBMITTED,
  )
  async submit(@PortalClient() clientId: string, @UuidParam() id: string): Promise<PortalIntakeResponse> {
    return PortalIntakeResponse.from(await this.intake.submit(clientId, id));
  }
}
