import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { DeadlineKind } from '@app/work-permits';
import { ReminderPolicyService, RemindersService, type ReminderScope } from '@app/reminders';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { ListRemindersQueryDto, ReminderSettingsDto } from './dto/reminder.dto';
import {
  ReminderListItemResponse,
  ReminderResponse,
  ReminderSettingsResponse,
} from './dto/reminder.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** Consultants see the reminders addressed to them; admins and assistants see all. */
function scopeOf(staff: StaffUser): ReminderScope {
  return staff.role === StaffRole.Consultant ? { recipient: staff.id } : {};
}

@ApiTags('reminders')
@ApiStaffRoute()
@Controller()
export class RemindersController {
  constructor(
    private readonly reminders: RemindersService,
    private readonly policy: ReminderPolicyService,
    private readonly config: AppConfig,
  ) {}

  @Get('reminders')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ReminderListItemResponse) })
  @ApiOperation({ summary: 'List reminders' })
  @ApiErrors(400)
  async list(@Query() query: ListRemindersQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.reminders.list(query, scopeOf(staff));
    return {
      items: page.items.map((item) => ReminderListItemResponse.fromListed(item)),
      nextCursor: page.nextCursor,
    };
  }

  @Get('reminders/:id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Get a reminder' })
  @ApiOkResponse({ type: ReminderResponse })
  @ApiErrors(400, [404, 'No such reminder, or not one the caller may see'])
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ReminderResponse> {
    return ReminderResponse.from(await this.reminders.get(id, scopeOf(staff)));
  }

  /** A failed reminder back to `scheduled`, sent at once; 409 for any other status. */
  @Post('reminders/:id/retry')
  @Roles(...ALL_STAFF)
  @HttpCode(200)
  @ApiOperation({ summary: 'Send a failed reminder again' })
  @ApiOkResponse({ type: ReminderResponse })
  @ApiErrors(
    400,
    [404, 'No such reminder, or not one the caller may see'],
    [409, 'REMINDER_NOT_RETRYABLE: the reminder is not failed'],
  )
  async retry(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ReminderResponse> {
    return ReminderResponse.from(await this.reminders.retry(id, scopeOf(staff)));
  }

  @Get('settings/reminders')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Get the reminder policy' })
  @ApiOkResponse({ type: ReminderSettingsResponse })
  @ApiErrors([404, 'Not an admin'])
  async getSettings(): Promise<ReminderSettingsResponse> {
    return ReminderSettingsResponse.from(await this.policy.get(), this.config.firmTimeZone);
  }

  /** Replaces the policy and re-plans the future reminders of every open deadline. */
  @Put('settings/reminders')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Replace the reminder policy' })
  @ApiOkResponse({ type: ReminderSettingsResponse })
  @ApiErrors(400, [404, 'Not an admin'])
  async putSettings(
    @Body() dto: ReminderSettingsDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ReminderSettingsResponse> {
    const current = await this.policy.get();
    const offsets = {
      ...dto.offsets,
      [DeadlineKind.DocumentExpiry]:
        dto.offsets.document_expiry ?? current.policy.offsets[DeadlineKind.DocumentExpiry],
    };
    const result = await this.policy.update({ ...dto, offsets }, staff);
    return ReminderSettingsResponse.from(result, this.config.firmTimeZone);
  }
}
