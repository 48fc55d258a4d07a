export * from './entities/consultation.entity';
export * from './entities/consultation-type.entity';
export * from './entities/consultant-availability.entity';
export * from './entities/time-off.entity';
export * from './entities/calendar-feed.entity';
export * from './consultations.errors';
export * from './consultations.module';
export * from './consultation-types.service';
export * from './availability.service';
export * from './slots.service';
export * from './booking.service';
export * from './consultations.service';
export { ConsultationMailer } from './consultation-mailer';
export { ConsultationInvites } from './consultation-invites';
export {
  CalendarFeedsService,
  type CalendarFeedStatus,
  type NewCalendarFeed,
} from './calendar-feeds.service';
export {
  ConsultationReminders,
  CONSULTATION_SUBJECT,
  CLIENT_REMINDER_BEFORE_HOURS,
} from './consultation-reminders';
export type { ListConsultationsQuery } from './consultations.repository';
export type { ConsultantSchedule } from './schedule-rows';
export { computeSlots, checkStart, blockedSpan, weeklyRangeProblems } from './rules/slots';
export type { AvailabilityRules, WeeklyRange, Slot, SlotQuery, StartCheck, TimeSpan } from './rules/slots';
export { assignFairly, rankConsultants, weekOf } from './rules/fair-assignment';
export {
  buildCalendarFeed,
  buildInvite,
  consultationEvent,
  inviteUid,
  meetingLocation,
  meetingPlace,
  summarizeInvite,
  type ConsultationEvent,
  type InviteInput,
  type InviteMethod,
  type InviteSummary,
  type MeetingPlaces,
} from './rules/calendar-invite';
export { hashManageToken, isWellFormedManageToken, manageUrl, newManageToken } from './rules/manage-token';
export {
  isUrgent,
  LMIA_ANSWERS,
  URGENT_WITHIN_DAYS,
  type LmiaAnswer,
  type Prescreen,
} from './rules/prescreen';
export { toLocalIso, parseWallTime, parseBound, isInstant, isDay } from './rules/local-time';
