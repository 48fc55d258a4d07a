import { Module, type DynamicModule } from '@nestjs/common';
import { AuthModule } from '@app/auth';
import { ClientsModule } from '@app/clients';
import { ConfigModule, type AppConfig } from '@app/config';
import { DocumentsModule } from '@app/documents';
import { IntakeAnswerKeysModule } from '@app/intake';
import { OutboxSecretKeysModule } from '@app/notifications';
import { DatabaseModule } from '@app/database';
import { MessageBodyKeysModule } from '@app/messages';
import { RefusedAreasModule } from '@app/reference-data';
import { ClockModule } from '@app/shared';
import { loggerModule } from '@app/logging';

@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      // Errors only, through the same redaction as the servers' logs.
      imports: [
        ConfigModule.forRoot(config),
        ClockModule.forRoot(),
        loggerModule(config, { level: 'error' }),
        DatabaseModule.forRoot(),
        AuthModule,
        RefusedAreasModule,
        DocumentsModule,
        ClientsModule,
        OutboxSecretKeysModule,
        IntakeAnswerKeysModule,
        MessageBodyKeysModule,
      ],
    };
  }
}
