import { Body, Controller, Delete, Get, Put, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ALL_STAFF, CurrentStaff, Roles, StaffRole, type StaffUser } from '@app/auth';
import { FirmProfileService, LOGO_MAX_BYTES } from '@app/firm';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';
import { UpdateFirmProfileDto } from './dto/firm-profile.dto';
import { FirmProfileResponse } from './dto/firm-profile.response';
import { readRawBody } from './raw-body';

/** The firm's public profile: staff read it, admins change it; the booking page reads it through /public/firm. */
@ApiTags('firm')
@ApiStaffRoute()
@Controller('firm-profile')
export class FirmProfileController {
  constructor(private readonly firm: FirmProfileService) {}

  @Get()
  @Roles(...ALL_STAFF)
  @ApiOperation({ summary: 'Get the firm profile' })
  @ApiOkResponse({ type: FirmProfileResponse })
  async get(): Promise<FirmProfileResponse> {
    return FirmProfileResponse.from(await this.firm.current());
  }

  @Put()
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Change the firm’s name, address, phone and public email' })
  @ApiOkResponse({ type: FirmProfileResponse })
  @ApiErrors(400, [404, 'Not an admin: the route answers as if it did not exist'])
  async update(
    @Body() dto: UpdateFirmProfileDto,
    @CurrentStaff() staff: StaffUser,
  ): Promise<FirmProfileResponse> {
    return FirmProfileResponse.from(
      await this.firm.update(
        {
          name: dto.name ?? null,
          address: dto.address ?? null,
          phone: dto.phone ?? null,
          publicEmail: dto.publicEmail ?? null,
        },
        staff,
      ),
    );
  }

  @Put('logo')
  @Roles(StaffRole.Admin)
  @ApiOperation({
    summary: `Set the firm’s logo: the image itself as the body, PNG or JPEG, at most ${LOGO_MAX_BYTES / 1024} KB`,
  })
  @ApiConsumes('image/png', 'image/jpeg')
  @ApiBody({ schema: { type: 'string', format: 'binary' } })
  @ApiOkResponse({ type: FirmProfileResponse })
  @ApiErrors(
    [
      400,
      'VALIDATION_FAILED on `logo`: empty, larger than 200 KB, or not a PNG or JPEG image (SVG is refused)',
    ],
    [404, 'Not an admin: the route answers as if it did not exist'],
  )
  async setLogo(@Req() req: Request, @CurrentStaff() staff: StaffUser): Promise<FirmProfileResponse> {
    const bytes = await readRawBody(req, LOGO_MAX_BYTES);
    return FirmProfileResponse.from(await this.firm.setLogo(bytes, staff));
  }

  @Delete('logo')
  @Roles(StaffRole.Admin)
  @ApiOperation({ summary: 'Remove the firm’s logo' })
  @ApiOkResponse({ type: FirmProfileResponse })
  @ApiErrors([404, 'Not an admin: the route answers as if it did not exist'])
  async removeLogo(@CurrentStaff() staff: StaffUser): Promise<FirmProfileResponse> {
    return FirmProfileResponse.from(await this.firm.removeLogo(staff));
  }
}
