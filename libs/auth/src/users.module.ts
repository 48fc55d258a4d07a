import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PasswordHasher } from './passwords';
import { StaffSessionEntity } from './entities/staff-session.entity';
import { UserEntity } from './entities/user.entity';
import { StaffSessionsRepository } from './staff-sessions.repository';
import { UsersRepository } from './users.repository';
import { UsersService } from './users.service';

/**
 * Staff accounts without sign-in: what other libs import to ask about users (an active consultant, the staff a
 * reminder goes to), in the API and in the worker alike. AuthModule adds tokens, sessions and strategies.
 */
@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, StaffSessionEntity])],
  providers: [UsersRepository, StaffSessionsRepository, UsersService, PasswordHasher],
  exports: [UsersService, StaffSessionsRepository],
})
export class UsersModule {}
