import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { MessagesService } from '@app/messages';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { ListMessagesQueryDto, NewMessageDto } from './dto/message.dto';
import { FileMessageResponse, MessageInboxItemResponse } from './dto/message.response';

const FILE_NOT_FOUND: [404, string] = [
  404,
  'WORK_PERMIT_FILE_NOT_FOUND: no such file, or not one the caller may see',
];

/**
 * Messages between a file's client and the firm, staff side: the thread of a file (the same scope as the file
 * itself), writing to the client, and the inbox of files with unread client messages.
 */
@ApiTags('messages')
@ApiStaffRoute()
@Controller()
export class MessagesController {
  constructor(private readonly messages: MessagesService) {}

  @Get('files/:id/messages')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'A file’s messages, newest first (`nextCursor` goes back to older ones); the first page marks the thread ' +
      'read for the caller',
  })
  @ApiOkResponse({ type: PageResponse(FileMessageResponse) })
  @ApiErrors([400, 'VALIDATION_FAILED: id is not a UUID, a bad limit or cursor'], FILE_NOT_FOUND)
  async list(
    @UuidParam() id: string,
    @Query() query: ListMessagesQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    const page = await this.messages.threadForStaff(id, staff, query);
    return { items: page.items.map((m) => FileMessageResponse.from(m)), nextCursor: page.nextCursor };
  }

  @Post('files/:id/messages')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Write to the file’s client; if they can sign in to the portal, they get an email notice in their language ' +
      '(the file number and a link, never the text)',
  })
  @ApiCreatedResponse({ type: FileMessageResponse })
  @ApiErrors(
    [400, 'VALIDATION_FAILED: body empty or over 5000 characters, documentIds not documents of this file'],
    FILE_NOT_FOUND,
  )
  async send(
    @UuidParam() id: string,
    @Body() dto: NewMessageDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FileMessageResponse> {
    return FileMessageResponse.from(await this.messages.sendFromStaff(id, dto, staff));
  }

  @Get('messages/inbox')
  @Roles(...ALL_STAFF)
  @ApiOperation({
    summary:
      'Files holding client messages the caller has not read, the newest unread first (consultants: their files)',
  })
  @ApiOkResponse({ type: PageResponse(MessageInboxItemResponse) })
  @ApiErrors([400, 'VALIDATION_FAILED: a bad limit or cursor'])
  async inbox(@Query() query: ListMessagesQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.messages.inbox(staff, query);
    return { items: page.items.map((i) => MessageInboxItemResponse.from(i)), nextCursor: page.nextCursor };
  }
}
