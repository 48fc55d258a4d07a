import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { PortalAuthService } from '@app/portal';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { PortalStatusResponse } from './dto/portal.response';

/** Staff invite a client to the client portal. */
@ApiTags('clients')
@ApiStaffRoute()
@Controller('clients')
export class PortalInvitesController {
  constructor(private readonly portal: PortalAuthService) {}

  @Post(':id/portal-invite')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOperation({
    summary: 'Invite a client to the client portal',
    description:
      'Emails the client (in their language) a one-time sign-in link; a newer invite voids the links sent before.',
  })
  @ApiOkResponse({ type: PortalStatusResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED (fields.email): the client has no email'],
    [404, 'No such client, or not one the caller may see'],
    [409, 'CLIENT_ARCHIVED: the client is archived'],
  )
  async invite(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<PortalStatusResponse> {
    return PortalStatusResponse.from(await this.portal.invite(id, staff));
  }
}
