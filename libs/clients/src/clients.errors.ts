import { DomainError } from '@app/shared';

export enum ClientErrorCode {
  NotFound = 'CLIENT_NOT_FOUND',
  EmailTaken = 'CLIENT_EMAIL_TAKEN',
  Archived = 'CLIENT_ARCHIVED',
}

export class ClientError extends DomainError<ClientErrorCode> {}
