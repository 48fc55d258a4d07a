import { DomainError } from '@app/shared';

export enum PortalErrorCode {
  /** No link has this token (mistyped, cut off, or never sent). */
  LinkInvalid = 'PORTAL_LINK_INVALID',
  LinkExpired = 'PORTAL_LINK_EXPIRED',
  LinkUsed = 'PORTAL_LINK_USED',
  /** A newer link was sent to the client since: only the latest works. */
  LinkReplaced = 'PORTAL_LINK_REPLACED',
  FileNotFound = 'PORTAL_FILE_NOT_FOUND',
}

export class PortalError extends DomainError<PortalErrorCode> {}
