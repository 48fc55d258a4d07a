import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { RemindersModule } from '@app/reminders';
import { EmailsProcessor } from './emails.processor';

/**
 * The outbox's sender: one job per outbox row on the `emails` queue. With it, every feature that listens to its
 * emails' outcomes (EmailOutcomes): RemindersModule, so a reminder becomes `sent` or `failed` with its email
 * whichever process delivers it.
 */
@Module({
  imports: [NotificationsModule, RemindersModule],
  providers: [EmailsProcessor],
})
export class EmailsWorkerModule {}
