import { json, type Request, type RequestHandler } from 'express';
import { MAX_INPUT_DEPTH } from './input-guard';

/**
 * Body size limits by route family, decided before a byte is parsed. Public routes and the login form take
 * small bodies; staff routes take more, but only when the request carries an access token whose signature
 * verifies (cheap: one HMAC), so an anonymous caller never gets a large body parsed anywhere.
 */
export const BODY_LIMITS = {
  /** /api/public/*, /api/auth/login, and any request without a verifiable access token. */
  anonymous: 16 * 1024,
  /** Staff routes with a verifiable access token. */
  staff: 256 * 1024,
} as const;

/** Deepest JSON nesting accepted; no request DTO goes past a few levels. */
export const MAX_JSON_DEPTH = MAX_INPUT_DEPTH;

/** A body the JSON parser refused: too large, too deep, not JSON, or of a charset it cannot read. */
export class BodyParseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const ANONYMOUS_ROUTES = [/^\/api\/public(\/|$)/, /^\/api\/auth\/login\/?$/];

export function isAnonymousRoute(path: string): boolean {
  return ANONYMOUS_ROUTES.some((route) => route.test(path));
}

/**
 * The deepest `{`/`[` nesting of raw JSON bytes, counting only outside strings; stops counting past `max`.
 * One linear pass, no recursion: runs before JSON.parse so hostile depth is refused for the cost of a scan.
 * Only ASCII bytes matter, and in UTF-8 no byte of a multi-byte character is ASCII.
 */
export function jsonDepthExceeds(bytes: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i];
    if (inString) {
      if (byte === 0x5c) {
        i++; // skip the escaped character
      } else if (byte === 0x22) {
        inString = false;
      }
    } else if (byte === 0x22) {
      inString = true;
    } else if (byte === 0x7b || byte === 0x5b) {
      depth++;
      if (depth > max) {
        return true;
      }
    } else if (byte === 0x7d || byte === 0x5d) {
      depth--;
    }
  }
  return false;
}

class TooDeepError extends Error {
  readonly status = 400;
  readonly type = 'entity.too.deep';
}

class NotUtf8Error extends Error {
  readonly status = 415;
  readonly type = 'charset.unsupported';
}

function formatLimit(bytes: number): string {
  return `${bytes / 1024} KB`;
}

export interface BodyParserOptions {
  /** True when the request's bearer token has a valid signature and is unexpired (no database lookup). */
  hasVerifiedToken(req: Request): boolean;
}

/** Whether a request carries a body at all: the test body-parser makes before reading one. */
function hasBody(req: Request): boolean {
  return (
    req.headers['transfer-encoding'] !== undefined || !Number.isNaN(Number(req.headers['content-length']))
  );
}

/**
 * express.json with a limit per route family, a nesting limit checked on the raw bytes before parsing, UTF-8
 * only, and errors turned into BodyParseError, which the exception filter renders in our shape.
 */
export function jsonBodyParser(options: BodyParserOptions): RequestHandler {
  const verify = (_req: unknown, _res: unknown, buffer: Buffer, encoding: string) => {
    // The depth scan reads UTF-8 bytes; UTF-16 and UTF-32 bodies are refused rather than scanned wrongly.
    if (encoding && !/^utf-?8$/i.test(encoding)) {
      throw new NotUtf8Error('The request body must be UTF-8 JSON');
    }
    if (jsonDepthExceeds(buffer, MAX_JSON_DEPTH)) {
      throw new TooDeepError(`The request body is nested deeper than ${MAX_JSON_DEPTH} levels`);
    }
  };
  const small = json({ limit: BODY_LIMITS.anonymous, verify });
  const large = json({ limit: BODY_LIMITS.staff, verify });
  return (req, res, next) => {
    if (!hasBody(req)) {
      // Nothing to read (most GETs): the token's signature is checked once, by the sign-in guard.
      next();
      return;
    }
    const limit =
      !isAnonymousRoute(req.path) && options.hasVerifiedToken(req)
        ? BODY_LIMITS.staff
        : BODY_LIMITS.anonymous;
    const parse = limit === BODY_LIMITS.staff ? large : small;
    parse(req, res, (error?: unknown) => {
      if (!error) {
        next();
        return;
      }
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        next(
          new BodyParseError(
            413,
            'PAYLOAD_TOO_LARGE',
            `The request body is larger than ${formatLimit(limit)}`,
          ),
        );
      } else if (type === 'entity.too.deep') {
        next(
          new BodyParseError(
            400,
            'MALFORMED_JSON',
            `The request body is nested deeper than ${MAX_JSON_DEPTH} levels`,
          ),
        );
      } else if (type === 'entity.parse.failed') {
        next(new BodyParseError(400, 'MALFORMED_JSON', 'The request body is not valid JSON'));
      } else if (type === 'charset.unsupported' || type === 'encoding.unsupported') {
        next(new BodyParseError(415, 'UNSUPPORTED_MEDIA_TYPE', 'The request body must be UTF-8 JSON'));
      } else {
        const status = (error as { status?: number }).status ?? 400;
        next(
          new BodyParseError(
            status >= 400 && status < 500 ? status : 400,
            'BAD_REQUEST',
            'The request body could not be read',
          ),
        );
      }
    });
  };
}
