import { AuthErrorCode } from '@app/auth';
import { CommonErrorCode } from '@app/shared';

/** Every domain error code the API can meet. Add a feature's enum here and the switch below must map it. */
export type ApiErrorCode = CommonErrorCode | AuthErrorCode;

export function errorStatus(code: ApiErrorCode): number {
  switch (code) {
    case CommonErrorCode.ValidationFailed:
    case AuthErrorCode.WrongPassword:
      return 400;
    case CommonErrorCode.NotFound:
    case AuthErrorCode.UserNotFound:
      return 404;
    case CommonErrorCode.Conflict:
    case AuthErrorCode.EmailTaken:
    case AuthErrorCode.LastAdmin:
      return 409;
    default: {
      const unmapped: never = code;
      throw new Error(`No HTTP status for error code ${String(unmapped)}`);
    }
  }
}
