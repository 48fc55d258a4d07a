import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles, StaffRole, StaffSessionsService, UsersService } from '@app/auth';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { UserResponse } from './dto/user.response';
import { ApiErrors, ApiStaffRoute } from '../openapi/api-docs.decorators';

@ApiTags('users')
@ApiStaffRoute()
@ApiErrors([404, 'Not an admin (or no such user)'])
@Controller('users')
@Roles(StaffRole.Admin)
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly sessions: StaffSessionsService,
  ) {}

  @Get()
  @ApiOkResponse({ type: PageResponse(UserResponse) })
  @ApiOperation({ summary: 'List staff accounts' })
  @ApiErrors(400)
  async list(@Query() query: ListUsersQueryDto) {
    const page = await this.users.list(query);
    return { items: page.items.map((item) => UserResponse.from(item)), nextCursor: page.nextCursor };
  }

  @Post()
  @ApiOperation({ summary: 'Create a staff account' })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, or USER_PASSWORD_REFUSED with fields.password'],
    [409, 'USER_EMAIL_TAKEN'],
  )
  @ApiCreatedResponse({ type: UserResponse })
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a staff account' })
  @ApiOkResponse({ type: UserResponse })
  @ApiErrors(400, [404, 'No user with this id'])
  async get(@UuidParam() id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.require(id));
  }

  /** A password in the body resets it; a reset or `isActive: false` ends every session of the user. */
  @Patch(':id')
  @ApiOperation({
    summary: 'Change a staff account; a password resets it',
    description:
      'A password reset or a deactivation (isActive: false) ends every session of the user at once.',
  })
  @ApiErrors(
    [400, 'VALIDATION_FAILED, or USER_PASSWORD_REFUSED with fields.password'],
    [404, 'No user with this id'],
    [409, 'USER_EMAIL_TAKEN or USER_LAST_ADMIN'],
  )
  @ApiOkResponse({ type: UserResponse })
  async update(@UuidParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(id, dto));
  }

  @Post(':id/sessions/revoke')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Sign a user out everywhere: ends every session of that user (e.g. a lost laptop)',
  })
  @ApiNoContentResponse({ description: 'Every token of the user no longer works; they must sign in again' })
  @ApiErrors(400, [404, 'No user with this id'])
  async revokeSessions(@UuidParam() id: string): Promise<void> {
    await this.users.require(id);
    await this.sessions.endAllOf(id);
  }
}
