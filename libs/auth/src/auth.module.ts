import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { StaffSessionEntity } from './entities/staff-session.entity';
import { UserEntity } from './entities/user.entity';
import { JwtStrategy, LocalStrategy } from './strategies';
import { UsersService } from './users.service';
import { accessTokenKey } from './access-token-key';
import { StaffSessionsService } from './staff-sessions.service';
import { StaffSessionsRepository } from './staff-sessions.repository';
import { UsersRepository } from './users.repository';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity, StaffSessionEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: accessTokenKey(config.jwt.secret),
        signOptions: { expiresIn: config.jwt.expiresIn as never, algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [
    UsersRepository,
    UsersService,
    LocalStrategy,
    JwtStrategy,
    StaffSessionsRepository,
    StaffSessionsService,
  ],
  exports: [UsersService, StaffSessionsService],
})
export class AuthModule {}
