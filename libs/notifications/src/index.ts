export * from './entities/email.entity';
export * from './mail-transport';
export * from './mail.service';
export * from './notifications.module';
export * from './outbox-secret';
export * from './templates/reminders';
export * from './templates/consultations';
