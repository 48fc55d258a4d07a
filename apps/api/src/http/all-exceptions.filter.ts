import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Response } from 'express';
import { pgError } from '@app/database';
import { DomainError, type FieldErrors } from '@app/shared';
import { BodyParseError } from './body-parser';
import { databaseErrorAnswer } from './database-errors';
import { errorStatus, type ApiErrorCode } from './error-status';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields: FieldErrors | null;
  errorId: string | null;
}

const CODE_BY_STATUS: Record<number, string> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHORIZED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  405: 'METHOD_NOT_ALLOWED',
  409: 'CONFLICT',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
  429: 'TOO_MANY_REQUESTS',
};

/** One error shape for every failure; unknown errors become a 500 with an errorId that is also logged. */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<Response>(), exception, this.logger);
  }
}

const fallbackLogger = new Logger('Errors');

/** Answers any failure in the one error shape; for plain Express middleware outside Nest's filters too. */
export function sendError(response: Response, exception: unknown, logger: Logger = fallbackLogger): void {
  const body = errorBody(exception, logger);
  if (!response.headersSent) {
    response.status(body.statusCode).json(body);
  }
}

/** The error body for any failure: domain errors by code, HTTP errors below 500, database refusals, else a 500. */
export function errorBody(exception: unknown, logger: Logger = fallbackLogger): ErrorBody {
  if (exception instanceof DomainError) {
    const statusCode = errorStatus(exception.code as ApiErrorCode);
    return { statusCode, code: exception.code, message: exception.message, fields: exception.fields ?? null, errorId: null };
  }
  if (exception instanceof BodyParseError) {
    return { statusCode: exception.status, code: exception.code, message: exception.message, fields: null, errorId: null };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    if (statusCode < 500) {
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String((response as { message: unknown }).message)
          : exception.message;
      return { statusCode, code: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST', message, fields: null, errorId: null };
    }
  }
  // A value PostgreSQL refused that validation should have caught: still the caller's fault, not ours.
  const pg = pgError(exception);
  const answer = pg ? databaseErrorAnswer(pg) : null;
  if (answer) {
    return { ...answer, errorId: null };
  }
  const errorId = randomUUID();
  logger.error({ errorId, err: exception }, exception instanceof Error ? exception.stack : String(exception));
  return {
    statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
    code: 'INTERNAL_ERROR',
    message: `Something went wrong on our side. Quote error id ${errorId} when reporting it.`,
    fields: null,
    errorId,
  };
}
