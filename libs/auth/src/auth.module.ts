import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { UserEntity } from './entities/user.entity';
import { JwtStrategy, LocalStrategy } from './strategies';
import { UsersService } from './users.service';
import { accessTokenKey, TokenService } from './token.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([UserEntity]),
    PassportModule,
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        secret: accessTokenKey(config.jwt.secret),
        signOptions: { expiresIn: config.jwt.expiresIn as never, algorithm: 'HS256' },
      }),
    }),
  ],
  providers: [UsersService, LocalStrategy, JwtStrategy, TokenService],
  exports: [UsersService, TokenService],
})
export class AuthModule {}
