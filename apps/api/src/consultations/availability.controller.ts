import { Body, Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { AvailabilityService } from '@app/consultations';
import { UuidParam } from '../http/uuid-param';
import { AvailabilityDto, TimeOffDto } from './dto/availability.dto';
import { AvailabilityResponse, TimeOffCreatedResponse, TimeOffResponse } from './dto/availability.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

/** A consultant's weekly hours, booking rules and time off: their own, or anyone's for an admin (others: 404). */
@ApiTags('consultations')
@ApiStaffRoute()
@Controller('consultants')
@Roles(StaffRole.Admin, StaffRole.Consultant)
@ApiErrors([404, 'No such consultant, or not one the caller may manage'])
export class AvailabilityController {
  constructor(private readonly availability: AvailabilityService) {}

  @Get(':id/availability')
  @ApiOperation({ summary: 'Get a consultant’s availability' })
  @ApiOkResponse({ type: AvailabilityResponse })
  @ApiErrors(400)
  async get(@UuidParam() id: string, @CurrentStaff() staff: StaffUser): Promise<AvailabilityResponse> {
    return AvailabilityResponse.from(await this.availability.get(id, staff));
  }

  @Put(':id/availability')
  @ApiOperation({ summary: 'Replace a consultant’s weekly hours and booking rules' })
  @ApiOkResponse({ type: AvailabilityResponse })
  @ApiErrors(400)
  async replace(
    @UuidParam() id: string,
    @Body() dto: AvailabilityDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<AvailabilityResponse> {
    return AvailabilityResponse.from(await this.availability.replace(id, dto, staff));
  }

  @Post(':id/time-off')
  @ApiCreatedResponse({ type: TimeOffCreatedResponse })
  @ApiOperation({ summary: 'Add time off for a consultant' })
  @ApiErrors(400)
  async addTimeOff(
    @UuidParam() id: string,
    @Body() dto: TimeOffDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<TimeOffCreatedResponse> {
    const { timeOff, overlappingConsultationIds } = await this.availability.addTimeOff(
      id,
      { startsAt: new Date(dto.startsAt), endsAt: new Date(dto.endsAt), reason: dto.reason },
      staff,
    );
    return Object.assign(new TimeOffCreatedResponse(), TimeOffResponse.from(timeOff), {
      overlappingConsultationIds,
    });
  }

  @Delete(':id/time-off/:timeOffId')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiOperation({ summary: 'Remove a consultant’s time off' })
  @ApiErrors(400)
  async removeTimeOff(
    @UuidParam() id: string,
    @UuidParam('timeOffId') timeOffId: string,
    @CurrentStaff() staff: StaffUser,
  ): Promise<void> {
    await this.availability.removeTimeOff(id, timeOffId, staff);
  }
}
