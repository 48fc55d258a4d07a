import { BullModule } from '@nestjs/bull';
import { Module, type OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { EmailEntity } from './entities/email.entity';
import { LogMailTransport, MailTransport, SmtpMailTransport } from './mail-transport';
import { MailService } from './mail.service';
import { EMAILS_QUEUE, EmailQueue } from './outbox/email-queue';
import { EmailOutcomes } from './outbox/email-outcomes';
import { EmailsRepository } from './outbox/emails.repository';
import { OutboxJobs } from './outbox/outbox-jobs';
import { OutboxSender } from './outbox/outbox-sender';
import { OutboxSweep } from './outbox/outbox-sweep';

/**
 * The outbox and the only code that talks SMTP. Needs the root of the app to configure bull (queueModules()):
 * the `emails` queue carries one delivery job per outbox row.
 */
@Module({
  imports: [TypeOrmModule.forFeature([EmailEntity]), BullModule.registerQueue({ name: EMAILS_QUEUE })],
  providers: [
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig) =>
        config.smtpUrl ? new SmtpMailTransport(config.smtpUrl) : new LogMailTransport(),
    },
    EmailQueue,
    EmailOutcomes,
    EmailsRepository,
    OutboxJobs,
    OutboxSender,
    OutboxSweep,
    MailService,
  ],
  exports: [MailService, OutboxSender, OutboxSweep, EmailQueue, EmailOutcomes, BullModule],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(private readonly transport: MailTransport) {}

  async onApplicationShutdown(): Promise<void> {
    await this.transport.close();
  }
}
