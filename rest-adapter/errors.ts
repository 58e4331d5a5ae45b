// Ends every failed REST request in its family's error format; internal failures are logged, never shown.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { AppError, toAppError } from '#src/errors.ts';
import { requestLocals } from '#src/http/request-log.ts';
import { errorBody } from './error-bodies.ts';
import { familyOf } from '#src/http/families.ts';

export const unknownRoute: RequestHandler = (req, _res, next) => {
  next(new AppError('not_found', `No route for ${req.method} ${req.path}`));
};

export const sendError: ErrorRequestHandler = (error, req, res, _next) => {
  const appError = toAppError(error);
  const log = requestLocals(res).log;
  if (appError.appCode === 'unavailable') log.warn({ err: error }, 'database unavailable');
  else if (appError.status >= 500) log.error({ err: appError.cause ?? error }, 'request failed');
  if (res.headersSent) {
    res.destroy();
    return;
  }
  res.status(appError.status).json(errorBody(familyOf(req.path), appError));
};
