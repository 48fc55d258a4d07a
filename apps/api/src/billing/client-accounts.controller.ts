import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, StaffRole, type StaffUser } from '@app/auth';
import { ClientAccountsService } from '@app/billing';
import { PageQueryDto } from '../http/page-query.dto';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { AccountEntryResponse, AccountMovementDto, ClientAccountResponse } from './dto/client-account.dto';

/** A client's trust account (CICC Code s.32): advance payments, transfers to invoices, refunds. */
@ApiTags('billing')
@ApiStaffRoute()
@Controller('clients/:id/account')
@ApiErrors([404, 'CLIENT_NOT_FOUND: no such client, or not one the caller may see'])
export class ClientAccountsController {
  constructor(private readonly accounts: ClientAccountsService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: "A client's account: balance and ledger" })
  @ApiOkResponse({ type: ClientAccountResponse })
  @ApiErrors(400)
  async get(
    @UuidParam() clientId: string,
    @Query() query: PageQueryDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ClientAccountResponse> {
    const view = await this.accounts.view(clientId, query, scopeOfStaff(staff));
    return {
      clientId,
      balanceCents: view.balanceCents,
      items: view.entries.items.map((e) => AccountEntryResponse.from(e)),
      nextCursor: view.entries.nextCursor,
    };
  }

  @Post('deposits')
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @ApiOperation({ summary: 'Record an advance payment into the client account' })
  @ApiCreatedResponse({ type: AccountEntryResponse })
  @ApiErrors(400)
  async deposit(
    @UuidParam() clientId: string,
    @Body() dto: AccountMovementDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<AccountEntryResponse> {
    return AccountEntryResponse.from(await this.accounts.deposit(clientId, dto, staff, scopeOfStaff(staff)));
  }

  @Post('refunds')
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @ApiOperation({ summary: 'Refund money held in the client account' })
  @ApiCreatedResponse({ type: AccountEntryResponse })
  @ApiErrors(400, [409, 'CLIENT_ACCOUNT_INSUFFICIENT_BALANCE: the account holds less'])
  async refund(
    @UuidParam() clientId: string,
    @Body() dto: AccountMovementDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<AccountEntryResponse> {
    return AccountEntryResponse.from(await this.accounts.refund(clientId, dto, staff, scopeOfStaff(staff)));
  }
}
