import { ValidationPipe, type ValidationError } from '@nestjs/common';
import { ValidationFailedError, type FieldErrors } from '@app/shared';

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([rule, message]) =>
      rule === 'whitelistValidation' ? `${path} is not a known field` : message.replace(error.property, path),
    );
    if (messages.length > 0) {
      into[path] = messages;
    }
    if (error.children?.length) {
      collect(error.children, path, into);
    }
  }
  return into;
}

/** Field-keyed messages for every body, query and path value; unknown fields refused. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const fields = collect(errors, '', {});
      return new ValidationFailedError(fields, `Check these fields: ${Object.keys(fields).join(', ')}`);
    },
  });
}
