import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Query } from '@nestjs/common';
import { Roles, StaffRole, UsersService } from '@app/auth';
import { PageResponse } from '../http/page.response';
import { UuidParam } from '../http/uuid-param';
import { CreateUserDto, ListUsersQueryDto, UpdateUserDto } from './dto/user.dto';
import { UserResponse } from './dto/user.response';

@ApiTags('users')
@ApiBearerAuth()
@Controller('users')
@Roles(StaffRole.Admin)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOkResponse({ type: PageResponse(UserResponse) })
  async list(@Query() query: ListUsersQueryDto) {
    const page = await this.users.list(query);
    return { items: page.items.map(UserResponse.from), nextCursor: page.nextCursor };
  }

  @Post()
  async create(@Body() dto: CreateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.create(dto));
  }

  @Get(':id')
  async get(@UuidParam() id: string): Promise<UserResponse> {
    return UserResponse.from(await this.users.require(id));
  }

  @Patch(':id')
  async update(@UuidParam() id: string, @Body() dto: UpdateUserDto): Promise<UserResponse> {
    return UserResponse.from(await this.users.update(id, dto));
  }
}
