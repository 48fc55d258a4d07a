export * from './deadline-reminder.template';
export * from './deadline-digest.template';
export * from './overdue-escalation.template';
export { daysLeftPhrase, kindLabel, longDate, type ReminderLanguage } from './reminder-text';
