import { registerDecorator, type ValidationOptions } from 'class-validator';

export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) {
    return false;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
    return value.includes('/') || value === 'UTC';
  } catch {
    return false;
  }
}

export function IsIanaTimeZone(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isIanaTimeZone',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be an IANA time zone such as America/Toronto`, ...options },
      validator: { validate: isIanaTimeZone },
    });
}

export function IsServiceUrl(protocols: string[], options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isServiceUrl',
      target: target.constructor,
      propertyName,
      options: { message: `${propertyName} must be a URL starting with ${protocols.join(' or ')}//`, ...options },
      validator: {
        validate(value: unknown) {
          if (typeof value !== 'string') {
            return false;
          }
          try {
            return protocols.includes(new URL(value).protocol);
          } catch {
            return false;
          }
        },
      },
    });
}

export function IsBase64Key(bytes: number, options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isBase64Key',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be ${bytes} random bytes in base64 (e.g. \`openssl rand -base64 ${bytes}\`)`,
        ...options,
      },
      validator: {
        validate(value: unknown) {
          return (
            typeof value === 'string' &&
            /^[A-Za-z0-9+/]+={0,2}$/.test(value) &&
            Buffer.from(value, 'base64').length === bytes
          );
        },
      },
    });
}
