import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { ConsultationTypesService } from '@app/consultations';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import {
  CreateConsultationTypeDto,
  ListConsultationTypesQueryDto,
  UpdateConsultationTypeDto,
} from './dto/consultation-type.dto';
import { ConsultationTypeResponse } from './dto/consultation-type.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** Consultation types: every staff member reads them, admins write them. */
@ApiTags('consultations')
@ApiStaffRoute()
@Controller('consultation-types')
@ApiErrors([404, 'No such consultation type'])
export class ConsultationTypesController {
  constructor(private readonly types: ConsultationTypesService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOkResponse({
    type: PageResponse(ConsultationTypeResponse),
    description: 'By name; active and inactive',
  })
  @ApiOperation({ summary: 'List consultation types' })
  @ApiErrors(400)
  async list(@Query() query: ListConsultationTypesQueryDto) {
    const page = await this.types.list(query);
    return {
      items: page.items.map((item) => ConsultationTypeResponse.from(item)),
      nextCursor: page.nextCursor,
    };
  }

  @Get(':id')
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Get a consultation type' })
  @ApiOkResponse({ type: ConsultationTypeResponse })
  @ApiErrors(400)
  async get(@UuidParam() id: string): Promise<ConsultationTypeResponse> {
    return ConsultationTypeResponse.from(await this.types.require(id));
  }

  @Post()
  @Roles(StaffRole.Admin)
  @ApiCreatedResponse({ type: ConsultationTypeResponse })
  @ApiOperation({ summary: 'Create a consultation type' })
  @ApiErrors(400)
  async create(
    @Body() dto: CreateConsultationTypeDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationTypeResponse> {
    return ConsultationTypeResponse.from(await this.types.create(dto, staff));
  }

  @Patch(':id')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Update a consultation type' })
  @ApiOkResponse({ type: ConsultationTypeResponse })
  @ApiErrors(400)
  async update(
    @UuidParam() id: string,
    @Body() dto: UpdateConsultationTypeDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<ConsultationTypeResponse> {
    return ConsultationTypeResponse.from(await this.types.update(id, dto, staff));
  }
}
