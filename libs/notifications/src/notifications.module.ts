import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '@app/config';
import { EmailEntity } from './entities/email.entity';
import { LogMailTransport, MailTransport, SmtpMailTransport } from './mail-transport';
import { MailService } from './mail.service';

@Module({
  imports: [TypeOrmModule.forFeature([EmailEntity])],
  providers: [
    {
      provide: MailTransport,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => (config.smtpUrl ? new SmtpMailTransport(config.smtpUrl) : new LogMailTransport()),
    },
    MailService,
  ],
  exports: [MailService],
})
export class NotificationsModule {}
