import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AgreementsModule } from '@app/agreements';
import { AuditModule } from '@app/audit';
import { BillingModule } from '@app/billing';
import { FileExportModule } from '@app/file-export';
import { CsvExports } from './exports/csv-export';
import { AuthModule, JwtAuthGuard, RolesGuard } from '@app/auth';
import { ClientsModule } from '@app/clients';
import { ConfigModule, type AppConfig } from '@app/config';
import { DatabaseModule } from '@app/database';
import { DemoDataModule } from '@app/demo-data';
import { DocumentsModule } from '@app/documents';
import { FirmModule } from '@app/firm';
import { ReferenceDataModule, RefusedAreasModule } from '@app/reference-data';
import { ReportsModule } from '@app/reports';
import { ClockModule, type Clock } from '@app/shared';
import { AuthController } from './auth/auth.controller';
import { LoginAttempts } from './auth/login-attempts';
import { ClientsController } from './clients/clients.controller';
import { HealthModule } from './health/health.module';
import { BillingReferenceController } from './billing/billing-reference.controller';
import { BillingReportsController } from './billing/billing-reports.controller';
import { FileExportController } from './files/file-export.controller';
import { ClientAccountsController } from './billing/client-accounts.controller';
import { FeeScheduleController } from './billing/fee-schedule.controller';
import { InvoicesController } from './billing/invoices.controller';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { createValidationPipe } from './http/validation';
import { loggerModule } from '@app/logging';
import { ReferenceDataController } from './reference-data/reference-data.controller';
import { RedisThrottlerStorage } from './redis/redis-throttler.storage';
import { RateLimitStore } from './redis/rate-limit-store';
import { RedisModule } from './redis/redis.module';
import { UsersController } from './users/users.controller';
import { DeadlinePeriodsController } from './deadlines/deadline-periods.controller';
import { DeadlinesController } from './deadlines/deadlines.controller';
import { FilesController } from './files/files.controller';
import { FirmProfileController } from './firm/firm-profile.controller';
import { ChecklistsController } from './documents/checklists.controller';
import { DocumentsController, FileDocumentsController } from './documents/documents.controller';
import { FirmChecklistItemsController } from './documents/firm-checklist-items.controller';
import { WorkPermitsModule } from '@app/work-permits';
import { PortalAuthGuard, PortalModule } from '@app/portal';
import { MessagesModule } from '@app/messages';
import { MessagesController } from './messages/messages.controller';
import { PortalMessagesController } from './portal/portal-messages.controller';
import { PortalAgreementsController } from './portal/portal-agreements.controller';
import { PortalBillingController } from './portal/portal-billing.controller';
import { PortalAuthController } from './portal/portal-auth.controller';
import { PortalController } from './portal/portal.controller';
import { PortalDocumentsController } from './portal/portal-documents.controller';
import { PortalIntakeController } from './portal/portal-intake.controller';
import { IntakeModule } from '@app/intake';
import { FileIntakeController } from './intake/file-intake.controller';
import { PortalInvitesController } from './portal/portal-invites.controller';
import { PortalLinkLimits } from './portal/portal-link-limits';
import { NotificationsModule } from '@app/notifications';
import { queueModules, RemindersModule } from '@app/reminders';
import { EmailsController } from './emails/emails.controller';
import { QueuesBoardController } from './reminders/queues-board.controller';
import { QueuesBoardSessions } from './reminders/queues-board.session';
import { RemindersController } from './reminders/reminders.controller';
import { ConsultationsModule } from '@app/consultations';
import { AvailabilityController } from './consultations/availability.controller';
import {
  CalendarFeedController,
  ConsultantCalendarFeedController,
} from './consultations/calendar-feeds.controller';
import { ConsultationTypesController } from './consultations/consultation-types.controller';
import { ConsultationsController } from './consultations/consultations.controller';
import { BookingAddressLimit } from './public/booking-address-limit';
import { PublicController } from './public/public.controller';
import { ReportsController } from './reports/reports.controller';
import {
  AgreementsController,
  AgreementTemplateController,
  FileAgreementsController,
} from './agreements/agreements.controller';
import { isPublicRateLimited, PUBLIC_THROTTLER } from './public/public-throttler.guard';

export interface ApiOptions {
  clock?: Clock;
  /** Where the built web apps are (default: dist/web when built); tests point it at a fixture. */
  webDir?: string | null;
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
          inject: [RateLimitStore],
          useFactory: (store: RateLimitStore) => ({
            throttlers: [
              // Sign-ins have their own limits (auth/login-attempts.ts). Only routes marked @PublicRateLimited() count against it (their guard applies nothing else).
              {
                name: PUBLIC_THROTTLER,
                ttl: 60_000,
                limit: config.rateLimits.public,
                skipIf: (context) => !isPublicRateLimited(context),
              },
            ],
            storage: new RedisThrottlerStorage(store),
          }),
        }),
        AuthModule,
        AuditModule,
        ClientsModule,
        HealthModule,
        ReferenceDataModule,
        RefusedAreasModule,
        WorkPermitsModule,
        DemoDataModule,
        ...queueModules(),
        NotificationsModule,
        RemindersModule,
        ConsultationsModule,
        ReportsModule,
        DocumentsModule,
        FirmModule,
        PortalModule,
        AgreementsModule,
        IntakeModule,
        BillingModule,
        FileExportModule,
        MessagesModule,
      ],
      controllers: [
        FirmProfileController,
        AuthController,
        UsersController,
        DeadlinesController,
        DeadlinePeriodsController,
        ClientsController,
        ReferenceDataController,
        FilesController,
        FileDocumentsController,
        DocumentsController,
        ChecklistsController,
        FirmChecklistItemsController,
        RemindersController,
        EmailsController,
        QueuesBoardController,
        ConsultationTypesController,
        AvailabilityController,
        ConsultantCalendarFeedController,
        CalendarFeedController,
        ConsultationsController,
        PublicController,
        ReportsController,
        PortalInvitesController,
        PortalAuthController,
        PortalController,
        FileAgreementsController,
        AgreementsController,
        AgreementTemplateController,
        PortalDocumentsController,
        PortalIntakeController,
        FileIntakeController,
        PortalAgreementsController,
        PortalBillingController,
        InvoicesController,
        ClientAccountsController,
        BillingReportsController,
        FileExportController,
        BillingReferenceController,
        FeeScheduleController,
        MessagesController,
        PortalMessagesController,
      ],
      providers: [
        { provide: APP_GUARD, useClass: JwtAuthGuard },
        // Signs portal routes in with a portal session; runs before RolesGuard, which refuses a portal route it did not.
        { provide: APP_GUARD, useExisting: PortalAuthGuard },
        { provide: APP_GUARD, useClass: RolesGuard },
        { provide: APP_FILTER, useClass: AllExceptionsFilter },
        { provide: APP_PIPE, useFactory: createValidationPipe },
        QueuesBoardSessions,
        LoginAttempts,
        BookingAddressLimit,
        PortalLinkLimits,
        CsvExports,
      ],
    };
  }
}
