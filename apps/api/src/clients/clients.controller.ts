import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, StaffRole, type StaffUser } from '@app/auth';
import { ClientsService } from '@app/clients';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  ClientTimelineQueryDto,
  CreateClientDto,
  ListClientsQueryDto,
  UpdateClientDto,
} from './dto/client.dto';
import { ClientResponse, ClientTimelineEventResponse } from './dto/client.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

@ApiTags('clients')
@ApiStaffRoute()
@Controller('clients')
@ApiErrors([404, 'No such client, or not one the caller may see'])
export class ClientsController {
  constructor(private readonly clients: ClientsService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ClientResponse), description: 'Passport numbers are masked in lists' })
  @ApiOperation({ summary: 'List clients' })
  @ApiErrors(400)
  async list(@Query() query: ListClientsQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.clients.list(query, scopeOfStaff(staff));
    return { items: page.items.map((c) => ClientResponse.from(c)), nextCursor: page.nextCursor };
  }

  @Post()
  @Roles(...ALL_STAFF)
  @ApiErrors([409, 'CLIENT_EMAIL_TAKEN: another active client has this email'])
  @ApiOperation({ summary: 'Create a client' })
  @ApiCreatedResponse({ type: ClientResponse, description: 'With the passport number in full' })
  @ApiErrors(400)
  async create(@Body() dto: CreateClientDto, @CurrentStaff() staff: StaffUser): Promise<ClientResponse> {
    const client = await this.clients.create(dto, staff);
    return ClientResponse.from(client, this.clients.decryptPassportNumber(client));
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: ClientResponse, description: 'With the passport number in full' })
  @ApiOperation({ summary: 'Get a client' })
  @ApiErrors(400)
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ClientResponse> {
    const client = await this.clients.requireVisible(id, scopeOfStaff(staff));
    return ClientResponse.from(client, this.clients.decryptPassportNumber(client));
  }

  @Patch(':id')
  @Roles(...ALL_STAFF)
  @ApiErrors([409, 'CLIENT_EMAIL_TAKEN, or CLIENT_ARCHIVED'])
  @ApiOperation({ summary: 'Update a client' })
  @ApiOkResponse({ type: ClientResponse, description: 'With the passport number in full' })
  @ApiErrors(400)
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateClientDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ClientResponse> {
    const client = await this.clients.update(id, dto, staff, scopeOfStaff(staff));
    return ClientResponse.from(client, this.clients.decryptPassportNumber(client));
  }

  /** Archives: the client leaves the lists but stays readable; assistants cannot (404). */
  @Delete(':id')
  @Roles(StaffRole.Admin, StaffRole.Consultant)
  @HttpCode(204)
  @ApiOperation({ summary: 'Archive a client' })
  @ApiNoContentResponse({ description: 'Archived: the client leaves the lists but stays readable' })
  @ApiErrors(400)
  async archive(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<void> {
    await this.clients.archive(id, staff, scopeOfStaff(staff));
  }

  @Get(':id/timeline')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ClientTimelineEventResponse) })
  @ApiOperation({ summary: 'List a client’s change history' })
  @ApiErrors(400)
  async timeline(
    @UuidParam() id: string,
    @Query() query: ClientTimelineQueryDto,
    @CurrentStaff() staff: StaffUser,
  ) {
    const page = await this.clients.timeline(id, query, scopeOfStaff(staff));
    return {
      items: page.items.map((item) => ClientTimelineEventResponse.from(item)),
      nextCursor: page.nextCursor,
    };
  }
}
