import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { MessagesService } from '@app/messages';
import { PortalClient, PortalError, PortalErrorCode, PortalRoute } from '@app/portal';
import { WorkPermitError } from '@app/work-permits';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { ListMessagesQueryDto, NewMessageDto } from '../messages/dto/message.dto';
import { PortalMessageResponse } from '../messages/dto/message.response';
import { ApiErrors, ApiPortalRoute } from '../openapi/api-docs.decorators';

const FILE_NOT_FOUND: [404, string] = [404, 'PORTAL_FILE_NOT_FOUND: no such file of this client'];

/** Another client's file answers as if it did not exist. */
async function ofClientFile<T>(work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof WorkPermitError) {
      throw new PortalError(PortalErrorCode.FileNotFound, 'File not found');
    }
    throw error;
  }
}

/**
 * The client's messages with the firm in the portal, one thread per file; the file is looked up with the signed-in
 * client in the query, so anyone else's is a 404.
 */
@ApiTags('portal')
@Controller('portal')
@PortalRoute()
@ApiPortalRoute()
export class PortalMessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('files/:id/messages')
  @ApiOperation({
    summary:
      'The messages of one of the client’s files, newest first (`nextCursor` goes back to older ones); the first ' +
      'page marks them read',
  })
  @ApiOkResponse({ type: PageResponse(PortalMessageResponse) })
  @ApiErrors([400, 'VALIDATION_FAILED: id is not a UUID, a bad limit or cursor'], FILE_NOT_FOUND)
  async list(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Query() query: ListMessagesQueryDto,
  ) {
    const page = await ofClientFile(this.messages.threadForClient(clientId, id, query));
    return { items: page.items.map((m) => PortalMessageResponse.from(m)), nextCursor: page.nextCursor };
  }

  @Post('files/:id/messages')
  @ApiOperation({
    summary:
      'Write to the firm about one of the client’s files, with documents they uploaded to it; the consultant gets ' +
      'an email notice without the text',
  })
  @ApiCreatedResponse({ type: PortalMessageResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED: body empty or over 5000 characters, documentIds not the client’s uploads to the file',
    ],
    FILE_NOT_FOUND,
  )
  async send(
    @PortalClient() clientId: string,
    @UuidParam() id: string,
    @Body() dto: NewMessageDto,
  ): Promise<PortalMessageResponse> {
    return PortalMessageResponse.from(await ofClientFile(this.messages.sendFromClient(clientId, id, dto)));
  }
}
