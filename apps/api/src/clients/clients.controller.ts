import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query, Req, Res } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { AppConfig } from '@app/config';
import { ALL_STAFF, CurrentStaff, Roles, scopeOfStaff, StaffRole, type StaffUser } from '@app/auth';
import { ClientsService, type ClientEntity } from '@app/clients';
import { PortalAuthService } from '@app/portal';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  ClientTimelineQueryDto,
  CreateClientDto,
  ExportClientsQueryDto,
  ListClientsQueryDto,
  UpdateClientDto,
} from './dto/client.dto';
import { ApiCsvExport } from '../exports/api-csv-export.decorator';
import { CsvExports } from '../exports/csv-export';
import { dayOf, label, yesNo } from '../exports/export-labels';
import { ClientResponse, ClientTimelineEventResponse } from './dto/client.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

@ApiTags('clients')
@ApiStaffRoute()
@Controller('clients')
@ApiErrors([404, 'No such client, or not one the caller may see'])
export class ClientsController {
  constructor(
    private readonly clients: ClientsService,
    private readonly exports: CsvExports,
    private readonly config: AppConfig,
    private readonly portal: PortalAuthService,
  ) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: PageResponse(ClientResponse),
    description:
      'Passport numbers are masked in lists. Newest first; a name search (q without digits) lists first the clients whose last name, then first name, starts with q (accents aside, in name order), then the other matches newest first',
  })
  @ApiOperation({ summary: 'List clients' })
  @ApiErrors(400)
  async list(@Query() query: ListClientsQueryDto, @CurrentStaff() staff: StaffUser) {
    const page = await this.clients.list(query, scopeOfStaff(staff));
    return { items: page.items.map((c) => ClientResponse.from(c)), nextCursor: page.nextCursor };
  }

  /** The list as CSV, whatever its size: `GET /api/clients/export.csv` with the list's filters. */
  @Get('export.csv')
  @Roles(...ALL_STAFF)
  @ApiCsvExport('Export clients as CSV', 'Every client')
  async export(
    @Query() query: ExportClientsQueryDto,
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const zone = this.config.firmTimeZone;
    await this.exports.stream(req, res, {
      resource: 'clients',
      staff,
      query,
      list: (filters, cursor, limit) => this.clients.list({ ...filters, limit, cursor }, scopeOfStaff(staff)),
      staffOf: (c) => c.consultantId,
      row: (c, lang, names) => [
        c.lastName,
        c.firstName,
        c.email,
        c.phone,
        c.dateOfBirth,
        c.citizenship,
        c.countryOfResidence,
        label('statusInCanada', c.statusInCanada, lang),
        c.statusExpiresOn,
        c.passportExpiresOn,
        c.uci,
        label('language', c.preferredLanguage, lang),
        c.consultantId ? (names.get(c.consultantId) ?? '') : '',
        yesNo(c.isProspect, lang),
        dayOf(c.archivedAt, zone),
        dayOf(c.createdAt, zone),
      ],
    });
  }

  @Post()
  @Roles(...ALL_STAFF)
  @ApiErrors([409, 'CLIENT_EMAIL_TAKEN: another active client has this email'])
  @ApiOperation({ summary: 'Create a client' })
  @ApiCreatedResponse({ type: ClientResponse, description: 'With the passport number in full' })
  @ApiErrors(400)
  async create(@Body() dto: CreateClientDto, @CurrentStaff() staff: StaffUser): Promise<ClientResponse> {
    const client = await this.clients.create(dto, staff);
    return this.withPortal(client);
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: ClientResponse,
    description: 'With the passport number in full and the client portal status',
  })
  @ApiOperation({ summary: 'Get a client' })
  @ApiErrors(400)
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ClientResponse> {
    return this.withPortal(await this.clients.requireVisible(id, scopeOfStaff(staff)));
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
    return this.withPortal(await this.clients.update(id, dto, staff, scopeOfStaff(staff)));
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

  /** One client as its page reads it: the passport number in full and the client portal status. */
  private async withPortal(client: ClientEntity): Promise<ClientResponse> {
    const portal = await this.portal.status(client.id);
    return {
      ...ClientResponse.from(client, this.clients.decryptPassportNumber(client)),
      portal: portal ? { invitedAt: portal.invitedAt, lastSignInAt: portal.lastSignInAt } : null,
    };
  }
}
