import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { AppConfig } from '@app/config';
import { JwtStrategy, LocalStrategy } from './strategies';
import { accessTokenKey } from './access-token-key';
import { StaffSessionsService } from './staff-sessions.service';
import { UsersModule } from './users.module';

@Module({
  imports: [
    UsersModule,
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: accessTokenKey(config.jwt.secret),
        signOptions: { expiresIn: config.jwt.expiresIn as never, algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [LocalStrategy, JwtStrategy, StaffSessionsService],
  exports: [UsersModule, StaffSessionsService],
})
export class AuthModule {}
