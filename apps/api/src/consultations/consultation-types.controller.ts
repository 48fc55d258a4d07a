import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { ConsultationTypesService } from '@app/consultations';
import { ErrorResponse } from '../http/error.response';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  CreateConsultationTypeDto,
  ListConsultationTypesQueryDto,
  UpdateConsultationTypeDto,
} from './dto/consultation-type.dto';
import { ConsultationTypeResponse } from './dto/consultation-type.response';

/** Consultation types: every staff member reads them, admins write them. */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller('consultation-types')
@ApiNotFoundResponse({ type: ErrorResponse, description: 'No such consultation type' })
export class ConsultationTypesController {
  constructor(private readonly types: ConsultationTypesService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: PageResponse(ConsultationTypeResponse),
    description: 'By name; active and inactive',
  })
  async list(@Query() query: ListConsultationTypesQueryDto) {
    const page = await this.types.list(query);
    return {
      items: page.items.map((item) => ConsultationTypeResponse.from(item)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  async get(@UuidParam() id: string): Promise<ConsultationTypeResponse> {
    return ConsultationTypeResponse.from(await this.types.require(id));
  }

  @Post()
  @Roles(StaffRole.Admin)
  @ApiCreatedResponse({ type: ConsultationTypeResponse })
  async create(
    @Body() dto: CreateConsultationTypeDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationTypeResponse> {
    return ConsultationTypeResponse.from(await this.types.create(dto, staff));
  }

  @Patch(':id')
  @Roles(StaffRole.Admin)
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateConsultationTypeDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationTypeResponse> {
    return ConsultationTypeResponse.from(await this.types.update(id, dto, staff));
  }
}
