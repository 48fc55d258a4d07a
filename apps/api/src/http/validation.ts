import { ValidationPipe, type ArgumentMetadata, type ValidationError } from '@nestjs/common';
import { ValidationFailedError, type FieldErrors } from '@app/shared';
import { findUnsafeInput } from './input-guard';

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

/**
 * The global pipe. Before any DTO sees a body, query or path value, refuses text that is not well-formed Unicode
 * (a lone surrogate breaks encoders further down), prototype keys (`__proto__`, `constructor`, `prototype`) and
 * runaway nesting, naming the field; then validates against the DTO.
 */
class RequestValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type !== 'custom') {
      const fields = findUnsafeInput(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
      if (fields) {
        throw new ValidationFailedError(fields, `Check these fields: ${Object.keys(fields).join(', ')}`);
      }
    }
    return super.transform(value, metadata);
  }
}

/** Field-keyed messages for every body, query and path value; unknown fields refused. */
export function createValidationPipe(): ValidationPipe {
  return new RequestValidationPipe({
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
