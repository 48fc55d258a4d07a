import { DomainError } from '@app/shared';

export enum AuthErrorCode {
  UserNotFound = 'USER_NOT_FOUND',
  EmailTaken = 'USER_EMAIL_TAKEN',
  LastAdmin = 'USER_LAST_ADMIN',
  WrongPassword = 'USER_WRONG_PASSWORD',
}

export class AuthError extends DomainError<AuthErrorCode> {}
