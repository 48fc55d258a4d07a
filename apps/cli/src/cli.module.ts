import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { ClockModule } from '@app/shared';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [ConfigModule.forRoot(config), ClockModule.forRoot(), DatabaseModule.forRoot(), AuthModule],
    };
  }
}
