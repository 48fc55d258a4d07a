import { registerDecorator, type ValidationOptions } from 'class-validator';
import { isIP } from 'node:net';

/**
 * Zones already found valid: asking Intl costs a formatter (about 0.1 ms), and the slots page and every booking
 * check the visitor's zone. Bounded, since the values come from the public.
 */
const knownZones = new Set<string>();
const KNOWN_ZONES_MAX = 1000;

export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || value.length === 0) {
    return false;
  }
  if (knownZones.has(value)) {
    return true;
  }
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: value });
  } catch {
    return false;
  }
  const valid = value.includes('/') || value === 'UTC';
  if (valid && knownZones.size < KNOWN_ZONES_MAX) {
    knownZones.add(value);
  }
  return valid;
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
      options: {
        message: `${propertyName} must be a URL starting with ${protocols.join(' or ')}//`,
        ...options,
      },
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

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/**
 * What express's `trust proxy` setting should get from a TRUST_PROXY value: `false` (trust no proxy: the default),
 * `true` (trust every hop: only behind a proxy that overwrites X-Forwarded-For), a hop count, or a comma-separated
 * list of loopback / linklocal / uniquelocal / addresses / CIDR ranges. Returns undefined for anything else.
 */
export function parseTrustProxy(value: string): boolean | number | string | undefined {
  const text = value.trim().toLowerCase();
  if (text === '' || text === 'false') {
    return false;
  }
  if (text === 'true') {
    return true;
  }
  if (/^\d+$/.test(text)) {
    return Number(text);
  }
  const items = text.split(',').map((item) => item.trim());
  const valid = items.every((item) => {
    if (PROXY_NAMES.has(item)) {
      return true;
    }
    const [address, prefix, extra] = item.split('/');
    const family = isIP(address);
    if (family === 0 || extra !== undefined) {
      return false;
    }
    return prefix === undefined || (/^\d+$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
  });
  return valid ? items.join(',') : undefined;
}

export function IsTrustProxy(options?: ValidationOptions) {
  return (target: object, propertyName: string) =>
    registerDecorator({
      name: 'isTrustProxy',
      target: target.constructor,
      propertyName,
      options: {
        message: `${propertyName} must be false, true, a hop count, or a comma-separated list of loopback, linklocal, uniquelocal, addresses and CIDR ranges`,
        ...options,
      },
      validator: {
        validate: (value: unknown) => typeof value === 'string' && parseTrustProxy(value) !== undefined,
      },
    });
}
