import { json, type RequestHandler } from 'express';

export const MAX_BODY = '1mb';

/** A body the JSON parser refused: too large, not JSON, or of a charset it cannot read. */
export class BodyParseError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** express.json with errors turned into BodyParseError, which the exception filter renders in our shape. */
export function jsonBodyParser(): RequestHandler {
  const parse = json({ limit: MAX_BODY });
  return (req, res, next) =>
    parse(req, res, (error?: unknown) => {
      if (!error) {
        next();
        return;
      }
      const type = (error as { type?: string }).type;
      if (type === 'entity.too.large') {
        next(new BodyParseError(413, 'PAYLOAD_TOO_LARGE', `The request body is larger than ${MAX_BODY}`));
      } else if (type === 'entity.parse.failed') {
        next(new BodyParseError(400, 'MALFORMED_JSON', 'The request body is not valid JSON'));
      } else {
        const status = (error as { status?: number }).status ?? 400;
        next(new BodyParseError(status >= 400 && status < 500 ? status : 400, 'BAD_REQUEST', 'The request body could not be read'));
      }
    });
}
