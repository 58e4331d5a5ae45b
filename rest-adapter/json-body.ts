// Reads a JSON request body of at most 1 MB; anything else is refused before a procedure runs.
import express, { type RequestHandler } from 'express';
import { AppError } from '#src/errors.ts';

export const MAX_JSON_BODY = '1mb';

const parseJson = express.json({ limit: MAX_JSON_BODY, strict: true });

function hasBody(headers: { 'content-length'?: string; 'transfer-encoding'?: string }): boolean {
  return (
    headers['transfer-encoding'] !== undefined ||
    (headers['content-length'] !== undefined && headers['content-length'] !== '0')
  );
}

/** body-parser reports its failures as http-errors with a `type`; they become our codes here. */
function translateParseError(error: { type?: string; status?: number }): AppError {
  switch (error.type) {
    case 'entity.parse.failed':
      return new AppError('validation_error', 'Malformed JSON body');
    case 'entity.too.large':
      return new AppError('payload_too_large', `Request body exceeds ${MAX_JSON_BODY}`);
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new AppError('unsupported_media_type', 'Unsupported body encoding');
    default:
      return error.status !== undefined && error.status < 500
        ? new AppError('validation_error', 'Unreadable request body')
        : new AppError('internal_error', 'Internal server error');
  }
}

export const jsonBody: RequestHandler = (req, res, next) => {
  if (!hasBody(req.headers)) return next();
  if (!req.is('application/json'))
    return next(new AppError('unsupported_media_type', 'Content-Type must be application/json'));
  parseJson(req, res, (error?: unknown) =>
    next(error ? translateParseError(error as { type?: string; status?: number }) : undefined),
  );
};
