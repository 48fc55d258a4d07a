import { Logger, Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DependencyOutages } from '../http/dependency-outage';
import { DatabaseHealthIndicator } from './database.health';
import { HealthController } from './health.controller';
import { RedisHealthIndicator } from './redis.health';

@Module({
  imports: [TerminusModule.forRoot({ logger: false })],
  controllers: [HealthController],
  providers: [
    RedisHealthIndicator,
    DatabaseHealthIndicator,
    // One per app: the exception filter and the health checks report outages to it, so each is logged once.
    { provide: DependencyOutages, useFactory: () => new DependencyOutages(new Logger('Outage')) },
  ],
  exports: [DependencyOutages],
})
export class HealthModule {}
