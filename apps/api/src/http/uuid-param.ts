import { Param, ParseUUIDPipe } from '@nestjs/common';
import { ValidationFailedError } from '@app/shared';

/** A path parameter that must be a UUID; anything else is a 400 naming the parameter. */
export const UuidParam = (name = 'id') =>
  Param(
    name,
    new ParseUUIDPipe({
      exceptionFactory: () => ValidationFailedError.field(name, `${name} must be a UUID`),
    }),
  );
