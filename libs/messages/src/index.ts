export * from './messages.module';
export * from './messages.service';
export * from './entities/file-message.entity';
export * from './entities/file-message-read.entity';
export { UNREAD_MESSAGES_OF_FILES, type UnreadMessagesRow } from './message-rows';
export * from './message-body-keys';
