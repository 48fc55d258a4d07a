export * from './reminders.queue';
