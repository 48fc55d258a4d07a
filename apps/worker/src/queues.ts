export { queueModules } from '@app/reminders';
