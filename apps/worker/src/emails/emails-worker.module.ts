import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { EmailsProcessor } from './emails.processor';

/** The outbox's sender: one job per outbox row on the `emails` queue. */
@Module({
  imports: [NotificationsModule],
  providers: [EmailsProcessor],
})
export class EmailsWorkerModule {}
