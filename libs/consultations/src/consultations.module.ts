import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditModule } from '@app/audit';
import { UsersModule } from '@app/auth';
import { ClientsModule } from '@app/clients';
import { NotificationsModule } from '@app/notifications';
import { RemindersModule } from '@app/reminders';
import { WorkPermitsModule } from '@app/work-permits';
import { AvailabilityRepository } from './availability.repository';
import { AvailabilityService } from './availability.service';
import { BookingManageLinksService } from './booking-manage-links.service';
import { BookingService } from './booking.service';
import { CalendarFeedsRepository } from './calendar-feeds.repository';
import { CalendarFeedsService } from './calendar-feeds.service';
import { ConsultationInvites } from './consultation-invites';
import { ConsultationMailer } from './consultation-mailer';
import { ConsultationReminders } from './consultation-reminders';
import { ConsultationTypesRepository } from './consultation-types.repository';
import { ConsultationTypesService } from './consultation-types.service';
import { ConsultationWriter } from './consultation-writer';
import { ConsultationsRepository } from './consultations.repository';
import { ConsultationsService } from './consultations.service';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { ConsultantAvailabilityEntity } from './entities/consultant-availability.entity';
import { ConsultationTypeEntity } from './entities/consultation-type.entity';
import { ConsultationEntity } from './entities/consultation.entity';
import { TimeOffEntity } from './entities/time-off.entity';
import { SlotsService } from './slots.service';

/**
 * Consultation booking: types, availability, slots, public bookings with manage links, the staff side, the
 * emails and the client's reminder. Registers the `consultation` reminder subject on start, so the worker
 * imports it too (it renders the reminders). Nothing here needs HTTP or passport.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      ConsultationTypeEntity,
      ConsultantAvailabilityEntity,
      TimeOffEntity,
      ConsultationEntity,
      CalendarFeedEntity,
    ]),
    AuditModule,
    UsersModule,
    ClientsModule,
    NotificationsModule,
    RemindersModule,
    WorkPermitsModule,
  ],
  providers: [
    ConsultationsRepository,
    AvailabilityRepository,
    CalendarFeedsRepository,
    ConsultationTypesRepository,
    ConsultationTypesService,
    AvailabilityService,
    SlotsService,
    ConsultationReminders,
    ConsultationWriter,
    ConsultationInvites,
    ConsultationMailer,
    CalendarFeedsService,
    BookingManageLinksService,
    BookingService,
    ConsultationsService,
  ],
  exports: [
    ConsultationTypesService,
    AvailabilityService,
    SlotsService,
    BookingService,
    ConsultationsService,
    ConsultationMailer,
    ConsultationReminders,
    ConsultationInvites,
    CalendarFeedsService,
  ],
})
export class ConsultationsModule {}
