import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { MailService } from '@app/notifications';
import { PageResponse } from '../http/page.response';
import { EmailResponse, ListEmailsQueryDto } from './dto/email.dto';

/**
 * The outbox. Admins and assistants see every email (they run the office and answer "did the client get it?");
 * a consultant sees only the emails sent to their own address.
 */
@ApiTags('emails')
@ApiBearerAuth()
@Controller('emails')
export class EmailsController {
  constructor(private readonly mail: MailService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(EmailResponse) })
  async list(@Query() query: ListEmailsQueryDto, @CurrentStaff() staff: StaffUser) {
    const to = staff.role === StaffRole.Consultant ? staff.email : query.to;
    const page = await this.mail.list({ ...query, to });
    return { items: page.items.map(EmailResponse.from), nextCursor: page.nextCursor };
  }
}
