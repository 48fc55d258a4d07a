import { applyDecorators } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiResponse, DECORATORS, getSchemaPath } from '@nestjs/swagger';
import { ErrorResponse } from '../http/error.response';

/** The error statuses the API documents; every one answers the ErrorResponse shape. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 429 | 503;

const ERRORS: Record<ErrorStatus, { description: string; example: ErrorResponse }> = {
  400: {
    description: 'VALIDATION_FAILED: `fields` names each refused field',
    example: {
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'email must be an email',
      fields: { email: ['email must be an email'] },
      errorId: null,
    },
  },
  401: {
    description: 'UNAUTHORIZED: no access token, or its session has ended',
    example: { statusCode: 401, code: 'UNAUTHORIZED', message: 'Unauthorized', fields: null, errorId: null },
  },
  403: {
    description: 'FORBIDDEN',
    example: { statusCode: 403, code: 'FORBIDDEN', message: 'Forbidden', fields: null, errorId: null },
  },
  404: {
    description: 'NOT_FOUND: no such record, or not one the caller’s role may see',
    example: { statusCode: 404, code: 'NOT_FOUND', message: 'Not found', fields: null, errorId: null },
  },
  409: {
    description: 'The request conflicts with the record’s current state',
    example: {
      statusCode: 409,
      code: 'CONFLICT',
      message: 'The record changed; read it again',
      fields: null,
      errorId: null,
    },
  },
  413: {
    description: 'PAYLOAD_TOO_LARGE: the body is over the size limit',
    example: {
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'Request body too large',
      fields: null,
      errorId: null,
    },
  },
  429: {
    description: 'TOO_MANY_REQUESTS: the Retry-After header says how many seconds to wait',
    example: {
      statusCode: 429,
      code: 'TOO_MANY_REQUESTS',
      message: 'Too many requests; try again later',
      fields: null,
      errorId: null,
    },
  },
  503: {
    description:
      'DATABASE_UNAVAILABLE or QUEUE_UNAVAILABLE: the Retry-After header says how many seconds to wait',
    example: {
      statusCode: 503,
      code: 'DATABASE_UNAVAILABLE',
      message: 'The database cannot be reached; try again shortly',
      fields: null,
      errorId: null,
    },
  },
};

/**
 * Documents the error answers of a route (or of every route of a controller), all in the ErrorResponse shape
 * with an example. Give a status for its usual meaning, or `[status, description]` to name the route's codes:
 * `@ApiErrors(400, [409, 'CLIENT_EMAIL_TAKEN: another active client has this email'])`.
 */
export function ApiErrors(...errors: Array<ErrorStatus | [ErrorStatus, string]>) {
  return applyDecorators(
    ApiExtraModels(ErrorResponse),
    ...errors.map((error) => {
      const [status, description] = Array.isArray(error) ? error : [error, ERRORS[error].description];
      // A description that starts with a code (`CLIENT_EMAIL_TAKEN: ...`) gives the example its code.
      const code = /^[A-Z][A-Z0-9_]+\b/.exec(description)?.[0];
      const example = { ...ERRORS[status].example, ...(code ? { code } : {}) };
      return ApiResponse({
        status,
        description,
        content: { 'application/json': { schema: { $ref: getSchemaPath(ErrorResponse) }, example } },
      });
    }),
  );
}

/** A route for signed-in staff: the bearer token, and the 401 when it is missing or its session ended. */
export function ApiStaffRoute() {
  return applyDecorators(ApiBearerAuth(), ApiErrors(401));
}

/** A client portal route: the portal session's bearer token, and the 401 when it is missing, a staff token, or ended. */
export function ApiPortalRoute() {
  return applyDecorators(
    ApiBearerAuth('portal'),
    ApiErrors([401, 'UNAUTHORIZED: no portal session token, a staff token, or a session that has ended']),
  );
}

/** A route (or every route of a controller) anyone may call: `security: []`, no credentials. */
export function ApiPublicRoute(): ClassDecorator & MethodDecorator {
  // Swagger's own decorators cannot write an empty list: an empty requirement would read "optional auth".
  const decorator = (target: object, _key?: string | symbol, descriptor?: PropertyDescriptor): void => {
    if (descriptor) {
      const handler = descriptor.value as object;
      const operation = Reflect.getMetadata(DECORATORS.API_OPERATION, handler) as object | undefined;
      Reflect.defineMetadata(DECORATORS.API_OPERATION, { ...operation, security: [] }, handler);
    } else {
      Reflect.defineMetadata(DECORATORS.API_SECURITY, [], target);
    }
  };
  return decorator;
}
