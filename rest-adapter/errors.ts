// Ends every failed REST request in its family's error format; internal failures are logged, never shown.
import type { ServerResponse } from 'node:http';
import type { RequestHandler } from 'express';
import { AppError, toAppError } from '#src/errors.ts';
import type { Logger } from '#src/logger.ts';
import { type ErrorFormat, inTermsOf } from './error-format.ts';
import { sendJson } from './send-json.ts';

export function sendRestError(error: unknown, res: ServerResponse, format: ErrorFormat, log: Logger): void {
  const appError = inTermsOf(format, toAppError(error));
  if (appError.details?.reason === 'disk_full') log.warn({ err: error }, 'disk full');
  else if (appError.appCode === 'unavailable') log.warn({ err: error }, 'database unavailable');
  else if (appError.status >= 500) log.error({ err: appError.cause ?? error }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  sendJson(res, appError.status, format.body(appError));
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
