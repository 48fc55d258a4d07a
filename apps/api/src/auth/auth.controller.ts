import { Body, Controller, Get, HttpCode, Patch, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags, ApiTooManyRequestsResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import {
  ALL_STAFF,
  CurrentStaff,
  LocalAuthGuard,
  LoginThrottlerGuard,
  Public,
  Roles,
  TokenService,
  UsersService,
  type StaffUser,
} from '@app/auth';
import { ErrorResponse } from '../http/error.response';
import { ChangePasswordDto, UpdateOwnProfileDto } from '../users/dto/user.dto';
import { UserResponse } from '../users/dto/user.response';
import { LoginDto } from './dto/login.dto';

class LoginResponse {
  @ApiProperty() accessToken: string;
  @ApiProperty({ type: UserResponse }) user: UserResponse;
}

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly users: UsersService,
    private readonly tokens: TokenService,
  ) {}

  @Post('login')
  @Public()
  @HttpCode(200)
  // The throttler runs first, so a throttled attempt costs no password hashing.
  @UseGuards(LoginThrottlerGuard, LocalAuthGuard)
  @ApiOkResponse({ type: LoginResponse })
  @ApiUnauthorizedResponse({ type: ErrorResponse, description: 'Same answer for an unknown email and a wrong password' })
  @ApiTooManyRequestsResponse({ type: ErrorResponse, description: 'Too many attempts; wait a minute' })
  async login(@Body() _dto: LoginDto, @CurrentStaff() staff: StaffUser): Promise<LoginResponse> {
    const user = await this.users.require(staff.id);
    return { accessToken: this.tokens.issueAccessToken(staff), user: UserResponse.from(user) };
  }

  @Get('me')
  @Roles(...ALL_STAFF)
  @ApiBearerAuth()
  async me(@CurrentStaff() staff: StaffUser): Promise<UserResponse> {
    return UserResponse.from(await this.users.require(staff.id));
  }

  @Patch('me')
  @Roles(...ALL_STAFF)
  @ApiBearerAuth()
  async updateMe(@CurrentStaff() staff: StaffUser, @Body() dto: UpdateOwnProfileDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(staff.id, dto));
  }

  @Post('me/password')
  @Roles(...ALL_STAFF)
  @ApiBearerAuth()
  @HttpCode(204)
  async changePassword(@CurrentStaff() staff: StaffUser, @Body() dto: ChangePasswordDto): Promise<void> {
    await this.users.changeOwnPassword(staff.id, dto.currentPassword, dto.newPassword);
  }
}
