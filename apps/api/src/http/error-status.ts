import { AgreementErrorCode } from '@app/agreements';
import { AuthErrorCode } from '@app/auth';
import { BillingErrorCode } from '@app/billing';
import { ClientErrorCode } from '@app/clients';
import { ConsultationErrorCode } from '@app/consultations';
import { DocumentErrorCode } from '@app/documents';
import { IntakeErrorCode } from '@app/intake';
import { PortalErrorCode } from '@app/portal';
import { ReferenceDataErrorCode } from '@app/reference-data';
import { ReminderErrorCode } from '@app/reminders';
import { CommonErrorCode } from '@app/shared';
import { DeadlineErrorCode, WorkPermitErrorCode } from '@app/work-permits';

/** Every domain error code the API can meet. Add a feature's enum here and the switch below must map it. */
export type ApiErrorCode =
  | CommonErrorCode
  | AuthErrorCode
  | DeadlineErrorCode
  | ReferenceDataErrorCode
  | ClientErrorCode
  | WorkPermitErrorCode
  | ConsultationErrorCode
  | ReminderErrorCode
  | DocumentErrorCode
  | PortalErrorCode
  | AgreementErrorCode
  | IntakeErrorCode
  | BillingErrorCode;

export function errorStatus(code: ApiErrorCode): number {
  switch (code) {
    case CommonErrorCode.ValidationFailed:
    case AuthErrorCode.WrongPassword:
    case AuthErrorCode.PasswordRefused:
      return 400;
    case PortalErrorCode.LinkInvalid:
    case PortalErrorCode.LinkExpired:
    case PortalErrorCode.LinkUsed:
    case PortalErrorCode.LinkReplaced:
      return 401;
    case CommonErrorCode.NotFound:
    case PortalErrorCode.FileNotFound:
    case IntakeErrorCode.FileNotFound:
    case ConsultationErrorCode.NotFound:
    case ConsultationErrorCode.TypeNotFound:
    case ConsultationErrorCode.ConsultantNotFound:
    case ConsultationErrorCode.CalendarFeedNotFound:
    case ConsultationErrorCode.TimeOffNotFound:
    case AuthErrorCode.UserNotFound:
    case ClientErrorCode.NotFound:
    case DeadlineErrorCode.NotFound:
    case DeadlineErrorCode.FileNotFound:
    case WorkPermitErrorCode.FileNotFound:
    case ReminderErrorCode.NotFound:
    case DocumentErrorCode.NotFound:
    case BillingErrorCode.InvoiceNotFound:
    case BillingErrorCode.FeeScheduleServiceNotFound:
    case DocumentErrorCode.ChecklistItemNotFound:
    case AgreementErrorCode.NotFound:
    case ReferenceDataErrorCode.ExemptionCodeNotFound:
    case ReferenceDataErrorCode.NocNotFound:
    case ReferenceDataErrorCode.Noc2016NotFound:
      return 404;
    case CommonErrorCode.Conflict:
    case IntakeErrorCode.AlreadySubmitted:
    case IntakeErrorCode.NotSubmitted:
    case BillingErrorCode.InvoiceNotDraft:
    case BillingErrorCode.InvoiceNotPayable:
    case BillingErrorCode.InvoiceNotVoidable:
    case BillingErrorCode.Overpayment:
    case BillingErrorCode.TaxNumberMissing:
    case BillingErrorCode.ZeroRatingUnconfirmed:
    case BillingErrorCode.InsufficientBalance:
    case BillingErrorCode.FeeScheduleNameTaken:
    case ConsultationErrorCode.SlotTaken:
    case ConsultationErrorCode.TooLateToChange:
    case ConsultationErrorCode.InvalidStatus:
    case ConsultationErrorCode.AlreadyConverted:
    case ConsultationErrorCode.BookingLimitPerEmail:
    case ConsultationErrorCode.ConfirmationExpired:
    case AuthErrorCode.EmailTaken:
    case AuthErrorCode.LastAdmin:
    case ClientErrorCode.EmailTaken:
    case ClientErrorCode.Archived:
    case DeadlineErrorCode.ManagedByFile:
    case WorkPermitErrorCode.InvalidTransition:
    case ReminderErrorCode.NotRetryable:
    case AgreementErrorCode.Required:
    case AgreementErrorCode.PreconditionsMissing:
    case AgreementErrorCode.DraftOutdated:
    case AgreementErrorCode.InvalidState:
      return 409;
    case DocumentErrorCode.DeleteForbidden:
      return 403;
    case DocumentErrorCode.TooLarge:
      return 413;
    case DocumentErrorCode.TypeNotAllowed:
      return 415;
    case DocumentErrorCode.RangeNotSatisfiable:
      return 416;
    case ConsultationErrorCode.BookingLimitPerAddress:
      return 429;
    case DocumentErrorCode.ContentUnreadable:
      return 500;
    case DocumentErrorCode.StorageUnavailable:
      return 503;
    default: {
      const unmapped: never = code;
      throw new Error(`No HTTP status for error code ${String(unmapped)}`);
    }
  }
}
