import { Module } from '@nestjs/common';
import { ConsultationsModule } from '@app/consultations';
import { DocumentsModule } from '@app/documents';
import { NotificationsModule } from '@app/notifications';
import { RemindersModule } from '@app/reminders';
import { RemindersProcessor } from './reminders.processor';
import { ReminderSweepTimer } from './sweep-timer';

/**
 * The worker's reminder processors over the reminders lib, and every feature that registers a reminder subject
 * (deadlines and digests come with RemindersModule; `consultation` with ConsultationsModule): a subject type
 * without its handler in the worker could not be rendered, and its reminders would end `failed`.
 */
@Module({
  imports: [RemindersModule, ConsultationsModule, NotificationsModule, DocumentsModule],
  providers: [RemindersProcessor, ReminderSweepTimer],
  exports: [ReminderSweepTimer, RemindersModule, NotificationsModule],
})
export class RemindersWorkerModule {}
