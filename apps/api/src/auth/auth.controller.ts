import { Body, Controller, Get, HttpCode, Patch, Post, Req, UseGuards } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  ALL_STAFF,
  CurrentStaff,
  LocalAuthGuard,
  Public,
  Roles,
  StaffSessionsService,
  UsersService,
  type StaffUser,
} from '@app/auth';
import { ChangePasswordDto, UpdateOwnProfileDto } from '../users/dto/user.dto';
import { UserResponse } from '../users/dto/user.response';
import { LoginDto } from './dto/login.dto';
import { LoginThrottleGuard } from './login-throttle.guard';
import { ApiErrors, ApiStaffRoute, ApiPublicRoute } from '../openapi/api-docs.decorators';

class LoginResponse {
  @ApiProperty({
    description: 'Bearer token of a new session; it ends on sign-out, a password change or at expiry',
  })
  accessToken: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

const sessionOrigin = (req: Request) => ({
  ipAddress: req.ip ?? null,
  userAgent: req.get('user-agent') ?? null,
});

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: StaffSessionsService,
  ) {}

  @Post('login')
  @Public()
  @ApiPublicRoute()
  @HttpCode(200)
  // The throttle runs first, so a throttled attempt costs no password hashing.
  @UseGuards(LoginThrottleGuard, LocalAuthGuard)
  @ApiOperation({ summary: 'Sign in with email and password; starts a session' })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors(
    400,
    [401, 'Same answer for an unknown email and a wrong password'],
    [
      429,
      'Too many failed attempts from this address or on this account; the Retry-After header says how many seconds to wait',
    ],
  )
  async login(
    @Body() _dto: LoginDto,
    @CurrentStaff() staff: StaffUser,
    @Req() req: Request,
  ): Promise<LoginResponse> {
    const user = await this.users.require(staff.id);
    const session = await this.sessions.start(staff, sessionOrigin(req));
    return { accessToken: session.accessToken, user: UserResponse.from(user) };
  }

  @Post('logout')
  @Roles(...ALL_STAFF)
  @ApiStaffRoute()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: ends the session of this access token (and its queue-board cookie)' })
  @ApiNoContentResponse({ description: 'The token no longer works' })
  async logout(@CurrentStaff() staff: StaffUser): Promise<void> {
    if (staff.sessionId) {
      await this.sessions.end(staff.sessionId);
    }
  }

  @Post('logout-everywhere')
  @Roles(...ALL_STAFF)
  @ApiStaffRoute()
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign out everywhere: ends every session of the signed-in user, this one included',
  })
  @ApiNoContentResponse({ description: 'Every token of the user no longer works' })
  async logoutEverywhere(@CurrentStaff() staff: StaffUser): Promise<void> {
    await this.sessions.endAllOf(staff.id);
  }

  @Get('me')
  @Roles(...ALL_STAFF)
  @ApiStaffRoute()
  @ApiOperation({ summary: 'The signed-in user' })
  @ApiOkResponse({ type: UserResponse })
  async me(@CurrentStaff() staff: StaffUser): Promise<UserResponse> {
    return UserResponse.from(await this.users.require(staff.id));
  }

  @Patch('me')
  @Roles(...ALL_STAFF)
  @ApiStaffRoute()
  @ApiOperation({ summary: 'Change one’s own name, time zone or languages' })
  @ApiErrors(400)
  @ApiOkResponse({ type: UserResponse })
  async updateMe(@CurrentStaff() staff: StaffUser, @Body() dto: UpdateOwnProfileDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(staff.id, dto));
  }

  @Post('me/password')
  @Roles(...ALL_STAFF)
  @ApiStaffRoute()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Change one’s own password',
    description:
      'Ends every session of the user, this one included, then starts a new session for this device and returns its ' +
      'token (as login does), so the person stays signed in here and is signed out everywhere else.',
  })
  @ApiOkResponse({ type: LoginResponse })
  @ApiErrors([
    400,
    'USER_WRONG_PASSWORD (fields.currentPassword) or USER_PASSWORD_REFUSED / VALIDATION_FAILED (fields.newPassword)',
  ])
  async changePassword(
    @CurrentStaff() staff: StaffUser,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
  ): Promise<LoginResponse> {
    const user = await this.users.changeOwnPassword(staff.id, dto.currentPassword, dto.newPassword);
    const session = await this.sessions.start(staff, sessionOrigin(req));
    return { accessToken: session.accessToken, user: UserResponse.from(user) };
  }
}
