import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { FeeScheduleService, type FeeScheduleServiceInput } from '@app/billing';
import { UuidParam } from '../http/uuid-param';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import {
  FeeScheduleResponse,
  FeeScheduleServiceDto,
  FeeScheduleServiceResponse,
} from './dto/fee-schedule.dto';

const BAD_SERVICE: [400, string] = [
  400,
  'VALIDATION_FAILED: a field named in `fields` (e.g. `milestones` when they do not add up to the fee)',
];
const NOT_ADMIN: [404, string] = [404, 'Not an admin: the route answers as if it did not exist'];

/** The firm's fee schedule: services, default professional fees, government fees and milestone payment plans. */
@ApiTags('billing')
@ApiStaffRoute()
@Controller('fee-schedule')
export class FeeScheduleController {
  constructor(private readonly feeSchedule: FeeScheduleService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'The fee schedule: every service, active ones first' })
  @ApiOkResponse({ type: FeeScheduleResponse })
  async list(): Promise<FeeScheduleResponse> {
    return { items: (await this.feeSchedule.list()).map((s) => FeeScheduleServiceResponse.from(s)) };
  }

  @Post()
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Add a service to the fee schedule (admin)' })
  @ApiCreatedResponse({ type: FeeScheduleServiceResponse })
  @ApiErrors(BAD_SERVICE, NOT_ADMIN, [409, 'FEE_SCHEDULE_SERVICE_NAME_TAKEN: another service has this name'])
  async create(
    @Body() dto: FeeScheduleServiceDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FeeScheduleServiceResponse> {
    return FeeScheduleServiceResponse.from(await this.feeSchedule.create(toInput(dto), staff));
  }

  @Put(':id')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Replace a service of the fee schedule, its milestones included (admin)' })
  @ApiOkResponse({ type: FeeScheduleServiceResponse })
  @ApiErrors(
    BAD_SERVICE,
    [404, 'FEE_SCHEDULE_SERVICE_NOT_FOUND, or not an admin'],
    [409, 'FEE_SCHEDULE_SERVICE_NAME_TAKEN: another service has this name'],
  )
  async update(
    @UuidParam() id: string,
    @Body() dto: FeeScheduleServiceDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FeeScheduleServiceResponse> {
    return FeeScheduleServiceResponse.from(await this.feeSchedule.update(id, toInput(dto), staff));
  }
}

function toInput(dto: FeeScheduleServiceDto): FeeScheduleServiceInput {
  return {
    name: dto.name,
    nameFr: dto.nameFr,
    stream: dto.stream ?? null,
    professionalFeeCents: dto.professionalFeeCents,
    governmentFeeKeys: dto.governmentFeeKeys,
    milestones: dto.milestones.map((m) => ({
      label: m.label,
      labelFr: m.labelFr,
      amountCents: m.amountCents,
    })),
    active: dto.active ?? true,
  };
}
