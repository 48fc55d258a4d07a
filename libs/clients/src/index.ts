export * from './entities/client.entity';
export * from './clients.errors';
export * from './clients.module';
export * from './clients.service';
export * from './client-status-listeners';
export {
  RESTORATION_DAYS,
  restorationDeadline,
  STATUS_DATE_FIELDS,
  statusDateProblems,
  statusDeadlineOn,
  statusHasExpiry,
  type StatusDates,
} from './rules/status-in-canada';
export type { ListClientsQuery } from './clients.repository';
export type { ClientListItem } from './client-rows';
export type { CreateClientInput, UpdateClientInput } from './rules/client-fields';
export { maskPassportNumber } from './rules/passport-number';
export { normalizePhone } from './rules/phone';
export { normalizeUci } from './rules/uci';
export { isCalendarDate } from './rules/calendar-date';
