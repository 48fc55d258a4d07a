import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiBearerAuth,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, type StaffUser } from '@app/auth';
import { AppConfig } from '@app/config';
import { ConsultationsService, parseBound } from '@app/consultations';
import { ErrorResponse } from '../http/error.response';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  ConvertConsultationDto,
  CreateConsultationDto,
  ListConsultationsQueryDto,
  UpdateConsultationDto,
} from './dto/consultation.dto';
import { ConsultationResponse, ConvertedConsultationResponse } from './dto/consultation.response';

/** Consultations for staff. Consultants see their own (others answer 404); admins and assistants all. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultations')
@ApiNotFoundResponse({
  type: ErrorResponse,
  description: 'No such consultation, or not one the caller may see',
})
@ApiBadRequestResponse({
  type: ErrorResponse,
  description: 'VALIDATION_FAILED, fields keyed by request path',
})
export class ConsultationsController {
  constructor(
    private readonly consultations: ConsultationsService,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({ type: PageResponse(ConsultationResponse), description: 'By start time, earliest first' })
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
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'CONSULTATION_SLOT_TAKEN: it would overlap another consultation (buffers included)',
  })
  async create(
    @Body() dto: CreateConsultationDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationResponse> {
    const { type, startsAt, ...rest } = dto;
    return ConsultationResponse.from(
      await this.consultations.create({ ...rest, typeId: type, startsAt: new Date(startsAt) }, staff),
    );
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<ConsultationResponse> {
    return ConsultationResponse.from(await this.consultations.get(id, staff));
  }

  @Patch(':id')
  @Roles(...ALL_STAFF)
  @ApiConflictResponse({
    type: ErrorResponse,
    description: 'CONSULTATION_INVALID_STATUS, or CONSULTATION_SLOT_TAKEN for a move',
  })
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
  @ApiConflictResponse({ type: ErrorResponse, description: 'CONSULTATION_ALREADY_CONVERTED' })
  async convert(
    @UuidParam() id: string,
    @Body() dto: ConvertConsultationDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConvertedConsultationResponse> {
    const { consultation, file } = await this.consultations.convert(id, dto, staff);
    return ConvertedConsultationResponse.from(consultation, file);
  }
}
