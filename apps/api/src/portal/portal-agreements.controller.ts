import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AgreementSignaturesService } from '@app/agreements';
import { currentRequestOrigin } from '@app/audit';
import { PortalClient, PortalRoute } from '@app/portal';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiPortalRoute } from '../openapi/api-docs.decorators';
import { SignPortalAgreementDto } from './dto/portal-agreement.dto';
import { PortalAgreementResponse } from './dto/portal-agreement.response';

const AGREEMENT_NOT_FOUND: [404, string] = [
  404,
  'AGREEMENT_NOT_FOUND: no such agreement of this client, or a draft not yet sent',
];

/**
 * The client's service agreement in the portal: reading it and signing it. Looked up with the signed-in client
 * in the query, so anyone else's agreement (or a draft not yet sent) is a 404.
 */
@ApiTags('portal')
@Controller('portal/agreements')
@PortalRoute()
@ApiPortalRoute()
export class PortalAgreementsController {
  constructor(private readonly signatures: AgreementSignaturesService) {}

  @Get(':id')
  @ApiOperation({ summary: 'One of the client’s service agreements: its text and where it stands' })
  @ApiOkResponse({ type: PortalAgreementResponse })
  @ApiErrors(400, AGREEMENT_NOT_FOUND)
  async get(@PortalClient() clientId: string, @UuidParam() id: string): Promise<PortalAgreementResponse> {
    return PortalAgreementResponse.from(await this.signatures.getForClient(clientId, id));
  }

  @Post(':id/sign')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Sign the agreement with the client’s typed full name and consent; the time, address and user agent are recorded',
  })
  @ApiOkResponse({ type: PortalAgreementResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: `typedName` missing or not the client’s full name, or `consent` not true'],
    AGREEMENT_NOT_FOUND,
    [409, 'AGREEMENT_INVALID_STATE: already signed, or replaced by a newer version (sign the newer one)'],
  )
  async sign(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Body() dto: SignPortalAgreementDto,
  ): Promise<PortalAgreementResponse> {
    const origin = currentRequestOrigin();
    const agreement = await this.signatures.signAsClient(clientId, id, {
      typedName: dto.typedName,
      consent: dto.consent,
      ip: origin?.ipAddress ?? null,
      userAgent: origin?.userAgent ?? null,
    });
    return PortalAgreementResponse.from(agreement);
  }
}
