import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { PortalClient, PortalRoute, PortalViewService, portalLanguage } from '@app/portal';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiPortalRoute } from '../openapi/api-docs.decorators';
import { PortalLanguageQueryDto } from './dto/portal.dto';
import {
  PortalConsultationListResponse,
  PortalConsultationResponse,
  PortalFileDetailResponse,
  PortalFileListResponse,
  PortalFileResponse,
  PortalMeResponse,
} from './dto/portal.response';

/** What a client signed in to the portal sees: only their own records, only what is meant for them. */
@ApiTags('portal')
@Controller('portal')
@PortalRoute()
@ApiPortalRoute()
export class PortalController {
  constructor(private readonly view: PortalViewService) {}

  @Get('me')
  @ApiOperation({ summary: 'The signed-in client' })
  @ApiOkResponse({ type: PortalMeResponse })
  async me(@PortalClient() clientId: string): Promise<PortalMeResponse> {
    return PortalMeResponse.from(await this.view.me(clientId));
  }

  @Get('files')
  @ApiOperation({ summary: 'The client’s files, with their status in plain words and the next step' })
  @ApiOkResponse({ type: PortalFileListResponse })
  @ApiErrors(400)
  async files(
    @PortalClient() clientId: string,
    @Query() query: PortalLanguageQueryDto,
  ): Promise<PortalFileListResponse> {
    const language = portalLanguage(query.lang, (await this.view.me(clientId)).preferredLanguage);
    const files = await this.view.files(clientId, language);
    return { items: files.map((f) => PortalFileResponse.from(f)), nextCursor: null };
  }

  @Get('files/:id')
  @ApiOperation({ summary: 'One of the client’s files, with the deadlines that concern them' })
  @ApiOkResponse({ type: PortalFileDetailResponse })
  @ApiErrors(400, [404, 'PORTAL_FILE_NOT_FOUND: no such file of this client'])
  async file(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Query() query: PortalLanguageQueryDto,
  ): Promise<PortalFileDetailResponse> {
    const language = portalLanguage(query.lang, (await this.view.me(clientId)).preferredLanguage);
    return PortalFileDetailResponse.fromDetail(await this.view.file(clientId, id, language));
  }

  @Get('consultations')
  @ApiOperation({ summary: 'The client’s consultations, latest first' })
  @ApiOkResponse({ type: PortalConsultationListResponse })
  @ApiErrors(400)
  async consultations(
    @PortalClient() clientId: string,
    @Query() query: PortalLanguageQueryDto,
  ): Promise<PortalConsultationListResponse> {
    const language = portalLanguage(query.lang, (await this.view.me(clientId)).preferredLanguage);
    const items = await this.view.consultations(clientId);
    return { items: items.map((c) => PortalConsultationResponse.from(c, language)), nextCursor: null };
  }
}
