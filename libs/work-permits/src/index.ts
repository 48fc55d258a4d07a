export * from './entities/work-permit-file.entity';
export * from './entities/file-number-counter.entity';
export * from './work-permits.errors';
export * from './work-permit-file.types';
export * from './work-permit-files.service';
export * from './file-transition-checks';
export * from './rules/file-status';
export * from './rules/file-number';
export * from './rules/formats';
export { addMonths, calendarDateIn, calendarYearIn, isCalendarDate } from './rules/calendar-dates';
export {
  applyStreamBlocks,
  lmiaExpiry,
  type StreamColumns,
  type StreamRuleContext,
} from './rules/stream-blocks';
export { checkFileFields, nocCodeProblem } from './rules/file-fields';
export * from './deadlines/deadline.entity';
export * from './deadlines/deadline-events';
export * from './deadlines/deadlines.errors';
export * from './deadlines/deadlines.service';
export * from './deadlines/document-deadline-sync.service';
export * from './deadlines/deadline-periods.service';
export * from './deadlines/deadline-period-settings.entity';
export {
  addDays,
  deriveLetterDueDates,
  LETTER_DATES,
  pgwpWindow,
  type PeriodDays,
} from './rules/letter-dates';
export {
  KEY_DATE_KINDS,
  KEY_DATE_FIELDS,
  keyDateFieldOf,
  type KeyDateField,
} from './deadlines/rules/key-dates';
export { todayIn, isOverdue } from './deadlines/rules/today';
export * from './work-permits.module';
export * from './rules/file-warnings';
