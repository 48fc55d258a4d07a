import { DomainError } from '@app/shared';

export enum AuthErrorCode {
  UserNotFound = 'USER_NOT_FOUND',
  EmailTaken = 'USER_EMAIL_TAKEN',
  LastAdmin = 'USER_LAST_ADMIN',
  WrongPassword = 'USER_WRONG_PASSWORD',
  /** The password breaks the password policy (too short or long, common, or built from the email or name). */
  PasswordRefused = 'USER_PASSWORD_REFUSED',
}

export class AuthError extends DomainError<AuthErrorCode> {}
