import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { UsersModule } from '@app/auth';
import { NotificationsModule } from '@app/notifications';
import { WorkPermitsModule } from '@app/work-permits';
import { AfterCommitJobs } from './after-commit-jobs';
import { DeadlineRemindersRepository } from './deadlines/deadline-reminders.repository';
import { DeadlineReminders } from './deadlines/deadline-reminders.service';
import { DeadlineDigestsRepository } from './digests/deadline-digests.repository';
import { DeadlineDigests } from './digests/deadline-digests.service';
import { ReminderEntity } from './entities/reminder.entity';
import { ReminderPlanner } from './reminder-planner';
import { ReminderQueue } from './reminder-queue';
import { ReminderRecipients } from './reminder-recipients';
import { ReminderSubjects } from './reminder-subjects';
import { RemindersQueueModule } from './reminders-queue.module';
import { RemindersRepository } from './reminders.repository';
import { RemindersService } from './reminders.service';
import { ReminderEmailOutcomes } from './sending/reminder-email-outcomes';
import { ReminderSender } from './sending/reminder-sender.service';
import { ReminderSendingRepository } from './sending/reminder-sending.repository';
import { ReminderSweep } from './sending/reminder-sweep.service';
import { ReminderPolicyService } from './settings/reminder-policy.service';
import { ReminderSettingsEntity } from './settings/reminder-settings.entity';
import { ReminderSettingsRepository } from './settings/reminder-settings.repository';

/**
 * Reminders, producer and sending side alike (the worker's processors call ReminderSender and ReminderSweep).
 * Needs the root of the app to import queueModules() for the bull connection.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReminderEntity, ReminderSettingsEntity]),
    UsersModule,
    RemindersQueueModule,
    AuditModule,
    NotificationsModule,
    WorkPermitsModule,
  ],
  providers: [
    ReminderSubjects,
    ReminderQueue,
    AfterCommitJobs,
    ReminderPlanner,
    RemindersRepository,
    ReminderSendingRepository,
    DeadlineRemindersRepository,
    DeadlineDigestsRepository,
    ReminderRecipients,
    ReminderSettingsRepository,
    ReminderPolicyService,
    DeadlineReminders,
    DeadlineDigests,
    ReminderSender,
    ReminderEmailOutcomes,
    ReminderSweep,
    RemindersService,
  ],
  exports: [
    ReminderSubjects,
    ReminderQueue,
    ReminderPlanner,
    ReminderPolicyService,
    ReminderSender,
    ReminderSweep,
    RemindersService,
    DeadlineReminders,
    DeadlineDigests,
    RemindersQueueModule,
  ],
})
export class RemindersModule {}
