// Ends every failed REST request in its family's error format; internal failures are logged, never shown.
import type { ServerResponse } from 'node:http';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Family } from '#src/auth.ts';
import { AppError, toAppError } from '#src/errors.ts';
import { requestLocals } from '#src/http/request-log.ts';
import { familyOf } from '#src/http/families.ts';
import type { Logger } from '#src/logger.ts';
import { errorBody, inFamilyTerms } from './error-bodies.ts';
import { sendJson } from './send-json.ts';

export function sendRestError(error: unknown, res: ServerResponse, family: Family, log: Logger): void {
  const appError = inFamilyTerms(family, toAppError(error));
  if (appError.details?.reason === 'disk_full') log.warn({ err: error }, 'disk full');
  else if (appError.appCode === 'unavailable') log.warn({ err: error }, 'database unavailable');
  else if (appError.status >= 500) log.error({ err: appError.cause ?? error }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, appError.status, errorBody(family, appError));
}

/** A known path asked for with a verb none of its routes has; the caller sets `Allow`. */
export function methodNotAllowed(method: string, path: string, allowed: string[]): AppError {
  return new AppError(
    'method_not_allowed',
    `Method ${method} is not allowed for ${path}`,
    { allowed },
    { explanation: `allowed: ${allowed.join(', ')}` },
  );
}

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
};

export const sendError: ErrorRequestHandler = (error, req, res, _next) =>
  sendRestError(error, res, familyOf(req.path), requestLocals(res).log);
