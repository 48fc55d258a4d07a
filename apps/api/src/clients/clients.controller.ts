import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { ClientsService } from '@app/clients';
import { ALL_RECORDS, type StaffScope } from '@app/shared';
import { ErrorResponse } from '../http/error.response';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  ClientTimelineQueryDto,
  CreateClientDto,
  ListClientsQueryDto,
  UpdateClientDto,
} from './dto/client.dto';
import { ClientResponse, ClientTimelineEventResponse } from './dto/client.response';

/** Consultants see the clients assigned to them; admins and assistants see all. */
function scopeOf(staff: StaffUser): StaffScope {
  return staff.role === StaffRole.Consultant ? { consultantId: staff.id } : ALL_RECORDS;
}

@ApiTags('clients')
@ApiBearerAuth()
@Controller('clients')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such client, or not one the caller may see' })
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ClientResponse), description: 'Passport numbers are masked in lists' })
  async list(@Query() query: ListClientsQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.clients.list(query, scopeOf(staff));
    return { items: page.items.map((c) => ClientResponse.from(c)), nextCursor: page.nextCursor };
  }

  @Post()
  @Roles(...ALL_STAFF)
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'CLIENT_EMAIL_TAKEN: another active client has this email',
  })
  async create(@Body() dto: CreateClientDto, @CurrentStaff() staff: StaffUser): Promise<ClientResponse> {
    const client = await this.clients.create(dto, staff);
    return ClientResponse.from(client, this.clients.decryptPassportNumber(client));
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: ClientResponse, description: 'With the passport number in full' })
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ClientResponse> {
    const client = await this.clients.requireVisible(id, scopeOf(staff));
    return ClientResponse.from(client, this.clients.decryptPassportNumber(client));
  }

  @Patch(':id')
  @Roles(...ALL_STAFF)
  @ApiConflictResponse({ type: ErrorResponse, description: 'CLIENT_EMAIL_TAKEN, or CLIENT_ARCHIVED' })
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateClientDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ClientResponse> {
    const client = await this.clients.update(id, dto, staff, scopeOf(staff));
    return ClientResponse.from(client, this.clients.decryptPassportNumber(client));
  }

  /** Archives: the client leaves the lists but stays readable; assistants cannot (404). */
  @Delete(':id')
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @HttpCode(204)
  async archive(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.clients.archive(id, staff, scopeOf(staff));
  }

  @Get(':id/timeline')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ClientTimelineEventResponse) })
  async timeline(
    @UuidParam() id: string,
    @Query() query: ClientTimelineQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    const page = await this.clients.timeline(id, query, scopeOf(staff));
    return {
      items: page.items.map((item) => ClientTimelineEventResponse.from(item)),
      nextCursor: page.nextCursor,
    };
  }
}
