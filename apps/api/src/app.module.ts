import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AuditModule } from '@app/audit';
import { AuthModule, JwtAuthGuard, RolesGuard } from '@app/auth';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ClockModule, type Clock } from '@app/shared';
import { AuthController } from './auth/auth.controller';
import { HealthModule } from './health/health.module';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';
import { loggerModule } from './logging';
import { RedisThrottlerStorage } from './redis/redis-throttler.storage';
import { RedisClient, RedisModule } from './redis/redis.module';
import { UsersController } from './users/users.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { WorkPermitsModule } from '@app/work-permits';

export interface ApiOptions {
  clock?: Clock;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: ApiOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(options.clock),
        loggerModule(config),
        DatabaseModule.forRoot(),
        RedisModule,
        ThrottlerModule.forRootAsync({
          inject: [RedisClient],
          useFactory: (redis: RedisClient) => ({
            throttlers: [{ name: 'login', ttl: 60_000, limit: config.rateLimits.login }],
            storage: new RedisThrottlerStorage(redis),
          }),
        }),
        AuthModule,
        AuditModule,
        HealthModule,
        WorkPermitsModule,
      ],
      controllers: [AuthController, UsersController, DeadlinesController],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
      ],
    };
  }
}
