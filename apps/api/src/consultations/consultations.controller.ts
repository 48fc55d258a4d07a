import { Body, Controller, Get, Patch, Post, Query, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { ConsultationsService, parseBound } from '@app/consultations';
import { PortalAuthService } from '@app/portal';
import { DomainError } from '@app/shared';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  ConvertConsultationDto,
  CreateConsultationDto,
  ExportConsultationsQueryDto,
  ListConsultationsQueryDto,
  UpdateConsultationDto,
} from './dto/consultation.dto';
import {
  ConsultationResponse,
  ConversionPortalInviteResponse,
  ConvertedConsultationResponse,
} from './dto/consultation.response';
import { PortalStatusResponse } from '../portal/dto/portal.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { ApiCsvExport } from '../exports/api-csv-export.decorator';
import { CsvExports } from '../exports/csv-export';
import { dayOf, label, timeOf, yesNo } from '../exports/export-labels';

/** Consultations for staff. Consultants see their own (others answer 404); admins and assistants all. */
@ApiTags('consultations')
@ApiStaffRoute()
@Controller('consultations')
@ApiErrors(
  [400, 'VALIDATION_FAILED, fields keyed by request path'],
  [404, 'No such consultation, or not one the caller may see'],
)
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly config: AppConfig,
    private readonly exports: CsvExports,
    private readonly portal: PortalAuthService,
  ) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ConsultationResponse), description: 'By start time, earliest first' })
  @ApiOperation({ summary: 'List consultations' })
  async list(@Query() query: ListConsultationsQueryDto, @CurrentStaff() staff: StaffUser) {
    const zone = this.config.firmTimeZone;
    const page = await this.consultations.list(
      {
        limit: query.limit,
        cursor: query.cursor,
        from: query.from ? parseBound(query.from, zone, 'from') : undefined,
        to: query.to ? parseBound(query.to, zone, 'to') : undefined,
        consultantId: query.consultantId,
        clientId: query.clientId,
        status: query.status,
      },
      staff,
    );
    return { items: page.items.map((item) => ConsultationResponse.from(item)), nextCursor: page.nextCursor };
  }

  @Post()
  @Roles(...ALL_STAFF)
  @ApiCreatedResponse({ type: ConsultationResponse })
  @ApiErrors([409, 'CONSULTATION_SLOT_TAKEN: it would overlap another consultation (buffers included)'])
  @ApiOperation({ summary: 'Book a consultation for a client' })
  async create(
    @Body() dto: CreateConsultationDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationResponse> {
    const { type, startsAt, ...rest } = dto;
    return ConsultationResponse.from(
      await this.consultations.create({ ...rest, typeId: type, startsAt: new Date(startsAt) }, staff),
    );
  }

  /** The list as CSV, whatever its size: `GET /api/consultations/export.csv` with the list's filters. */
  @Get('export.csv')
  @Roles(...ALL_STAFF)
  @ApiCsvExport('Export consultations as CSV', 'Every consultation')
  async export(
    @Query() query: ExportConsultationsQueryDto,
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const zone = this.config.firmTimeZone;
    const from = query.from ? parseBound(query.from, zone, 'from') : undefined;
    const to = query.to ? parseBound(query.to, zone, 'to') : undefined;
    await this.exports.stream(req, res, {
      resource: 'consultations',
      staff,
      query,
      list: (filters, cursor, limit) =>
        this.consultations.list(
          {
            limit,
            cursor,
            from,
            to,
            consultantId: filters.consultantId,
            clientId: filters.clientId,
            status: filters.status,
          },
          staff,
        ),
      row: (c, lang) => [
        dayOf(c.startsAt, zone),
        timeOf(c.startsAt, zone),
        timeOf(c.endsAt, zone),
        `${c.client.firstName} ${c.client.lastName}`,
        c.client.email,
        c.client.phone,
        lang === 'fr' ? c.type.nameFr || c.type.name : c.type.name,
        c.consultant.name,
        label('mode', c.mode, lang),
        label('consultationStatus', c.status, lang),
        label('language', c.language, lang),
        yesNo(c.isUrgent, lang),
        c.topic,
      ],
    });
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Get a consultation' })
  @ApiOkResponse({ type: ConsultationResponse })
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ConsultationResponse> {
    return ConsultationResponse.from(await this.consultations.get(id, staff));
  }

  @Patch(':id')
  @Roles(...ALL_STAFF)
  @ApiErrors([409, 'CONSULTATION_INVALID_STATUS, or CONSULTATION_SLOT_TAKEN for a move'])
  @ApiOperation({ summary: 'Update, move or close a consultation' })
  @ApiOkResponse({ type: ConsultationResponse })
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateConsultationDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationResponse> {
    const { startsAt, ...rest } = dto;
    return ConsultationResponse.from(
      await this.consultations.update(
        id,
        { ...rest, startsAt: startsAt === undefined ? undefined : new Date(startsAt) },
        staff,
      ),
    );
  }

  @Post(':id/convert')
  @Roles(...ALL_STAFF)
  @ApiCreatedResponse({
    type: ConvertedConsultationResponse,
    description: 'A draft (intake) file, linked both ways',
  })
  @ApiErrors([409, 'CONSULTATION_ALREADY_CONVERTED'])
  @ApiOperation({ summary: 'Open a work-permit file from a consultation' })
  async convert(
    @UuidParam() id: string,
    @Body() dto: ConvertConsultationDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConvertedConsultationResponse> {
    const { invitePortal, ...fileInput } = dto;
    const { consultation, file } = await this.consultations.convert(id, fileInput, staff);
    const invite = invitePortal ? await this.invite(file.clientId, staff) : null;
    return ConvertedConsultationResponse.from(consultation, file, invite);
  }

  /**
   * The portal invite that follows a conversion, in its own transaction: the file is open whatever happens here,
   * so a refusal (no email, archived) is reported in the answer for staff to fix and invite from the client page.
   */
  private async invite(clientId: string, staff: StaffUser): Promise<ConversionPortalInviteResponse> {
    try {
      const account = await this.portal.invite(clientId, staff);
      return { invited: true, account: PortalStatusResponse.from(account), code: null, message: null };
    } catch (error) {
      if (error instanceof DomainError) {
        const refusal = error as DomainError<string>;
        return { invited: false, account: null, code: refusal.code, message: refusal.message };
      }
      throw error;
    }
  }
}
