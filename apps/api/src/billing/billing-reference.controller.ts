import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import {
  BillingSettingsService,
  GOVERNMENT_FEES_CHECKED_ON,
  governmentFeesOn,
  InvoicesService,
} from '@app/billing';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { BillingSettingsDto, GovernmentFeesResponse } from './dto/billing-settings.dto';
import { GovernmentFeesQueryDto } from './dto/invoice.dto';

/** Government fees billed as disbursements, and the firm's tax numbers. */
@ApiTags('billing')
@ApiStaffRoute()
@Controller()
export class BillingReferenceController {
  constructor(
    private readonly settings: BillingSettingsService,
    private readonly invoices: InvoicesService,
  ) {}

  @Get('reference/government-fees')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Government fees (IRCC, ESDC) in force on a day' })
  @ApiOkResponse({ type: GovernmentFeesResponse })
  @ApiErrors(400)
  governmentFees(@Query() query: GovernmentFeesQueryDto): GovernmentFeesResponse {
    const on = query.on ?? this.invoices.today();
    return { on, checkedOn: GOVERNMENT_FEES_CHECKED_ON, taxable: false, items: governmentFeesOn(on) };
  }

  @Get('settings/billing')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "The firm's GST/HST and QST numbers" })
  @ApiOkResponse({ type: BillingSettingsDto })
  getSettings(): Promise<BillingSettingsDto> {
    return this.settings.current();
  }

  @Put('settings/billing')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: "Set the firm's GST/HST and QST numbers" })
  @ApiOkResponse({ type: BillingSettingsDto })
  @ApiErrors(400)
  putSettings(
    @Body() dto: BillingSettingsDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<BillingSettingsDto> {
    return this.settings.update(dto, staff);
  }
}
