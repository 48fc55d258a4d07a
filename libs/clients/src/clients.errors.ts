import { DomainError } from '@app/shared';

export enum ClientErrorCode {
  NotFound = 'CLIENT_NOT_FOUND',
  EmailTaken = 'CLIENT_EMAIL_TAKEN',
  Archived = 'CLIENT_ARCHIVED',
}

export class ClientError extends DomainError<ClientErrorCode> {
  static notFound(): ClientError {
    return new ClientError(ClientErrorCode.NotFound, 'No client with this id');
  }

  static emailTaken(email: string | null | undefined): ClientError {
    return new ClientError(
      ClientErrorCode.EmailTaken,
      `Another active client already uses the email ${email ?? ''}`.trim(),
      { email: ['is already used by another active client'] },
    );
  }
}
