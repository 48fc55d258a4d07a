import { randomUUID } from 'node:crypto';
import {
  Catch,
  HttpException,
  HttpStatus,
  Inject,
  Logger,
  Optional,
  type ArgumentsHost,
  type ExceptionFilter,
} from '@nestjs/common';
import type { Response } from 'express';
import { pgError } from '@app/database';
import { DomainError, type FieldErrors } from '@app/shared';
import { BodyParseError } from './body-parser';
import { databaseErrorAnswer } from './database-errors';
import {
  DependencyOutages,
  RETRY_AFTER_SECONDS,
  unavailableBody,
  unavailableDependency,
} from './dependency-outage';
import { HealthCheckFailedException } from './health-check-failed';
import { errorStatus, type ApiErrorCode } from './error-status';

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields: FieldErrors | null;
  errorId: string | null;
}

/** An error body and the Retry-After (seconds) to send with it, if any. */
export interface ErrorAnswer {
  body: ErrorBody;
  retryAfterSeconds?: number;
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

  constructor(
    @Optional() @Inject(DependencyOutages) private readonly outages: DependencyOutages = fallbackOutages,
  ) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<Response>(), exception, this.logger, this.outages);
  }
}

const fallbackLogger = new Logger('Errors');
const fallbackOutages = new DependencyOutages();

/** Answers any failure in the one error shape; for plain Express middleware outside Nest's filters too. */
export function sendError(
  response: Response,
  exception: unknown,
  logger: Logger = fallbackLogger,
  outages: DependencyOutages = fallbackOutages,
): void {
  const { body, retryAfterSeconds } = errorAnswer(exception, logger, outages);
  if (!response.headersSent) {
    if (retryAfterSeconds !== undefined) {
      response.setHeader('Retry-After', String(retryAfterSeconds));
    }
    response.status(body.statusCode).json(body);
  }
}

/** The error body for any failure (see errorAnswer). */
export function errorBody(
  exception: unknown,
  logger: Logger = fallbackLogger,
  outages: DependencyOutages = fallbackOutages,
): ErrorBody {
  return errorAnswer(exception, logger, outages).body;
}

/**
 * The answer to any failure: domain errors by code, HTTP errors below 500, a failed health check or an unreachable
 * dependency as a 503 with Retry-After (the outage logged once, not per request), database refusals, else a 500.
 */
export function errorAnswer(
  exception: unknown,
  logger: Logger = fallbackLogger,
  outages: DependencyOutages = fallbackOutages,
): ErrorAnswer {
  if (exception instanceof HealthCheckFailedException) {
    for (const { dependency, reason } of exception.failed) {
      outages.failed(dependency, reason);
    }
    return { body: exception.body(), retryAfterSeconds: RETRY_AFTER_SECONDS };
  }
  const unavailable = unavailableDependency(exception);
  if (unavailable) {
    outages.failed(unavailable.dependency, unavailable.reason);
    return { body: unavailableBody(unavailable.dependency), retryAfterSeconds: RETRY_AFTER_SECONDS };
  }
  return { body: plainErrorBody(exception, logger) };
}

function plainErrorBody(exception: unknown, logger: Logger): ErrorBody {
  if (exception instanceof DomainError) {
    const error = exception as DomainError;
    const statusCode = errorStatus(error.code as ApiErrorCode);
    return {
      statusCode,
      code: error.code,
      message: error.message,
      fields: error.fields ?? null,
      errorId: null,
    };
  }
  if (exception instanceof BodyParseError) {
    return {
      statusCode: exception.status,
      code: exception.code,
      message: exception.message,
      fields: null,
      errorId: null,
    };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    if (statusCode < 500) {
      const response = exception.getResponse();
      const message =
        typeof response === 'object' && response !== null && 'message' in response
          ? String(response.message)
          : exception.message;
      return {
        statusCode,
        code: CODE_BY_STATUS[statusCode] ?? 'BAD_REQUEST',
        message,
        fields: null,
        errorId: null,
      };
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
