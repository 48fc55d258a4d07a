import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { MailService } from '@app/notifications';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { EmailResponse, ListEmailsQueryDto } from './dto/email.dto';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/**
 * The outbox. Admins and assistants see every email (they run the office and answer "did the client get it?");
 * a consultant sees only the emails sent to their own address. Bodies show `[hidden]` where an email carries a
 * secret meant only for its recipient (a manage link's token).
 */
@ApiTags('emails')
@ApiStaffRoute()
@Controller('emails')
export class EmailsController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(EmailResponse) })
  @ApiOperation({ summary: 'List outbox emails' })
  @ApiErrors(400)
  async list(@Query() query: ListEmailsQueryDto, @CurrentStaff() staff: StaffUser) {
    const to = staff.role === StaffRole.Consultant ? staff.email : query.to;
    const page = await this.mail.list({ ...query, to });
    return { items: page.items.map((item) => EmailResponse.from(item)), nextCursor: page.nextCursor };
  }

  /**
   * Sends a failed email again now, exactly as first sent, with the same Message-ID (a manage link included: its
   * token stays encrypted in the outbox until the email leaves). 200 with the email: `sent`, `failed` again with
   * the server's answer, or `pending` after a temporary failure (the worker retries it); 409 when not `failed`.
   */
  @Post(':id/retry')
  @Roles(StaffRole.Admin, StaffRole.Assistant)
  @HttpCode(200)
  @ApiOkResponse({ type: EmailResponse })
  @ApiOperation({ summary: 'Send a failed email again' })
  @ApiErrors(400, [404, 'No such email, or not one the caller may retry'], [409, 'The email is not failed'])
  async retry(@UuidParam() id: string): Promise<EmailResponse> {
    return EmailResponse.from(await this.mail.retry(id));
  }
}
