// Gives each request an id and a child logger, and logs one line when the response ends. No headers are logged.
import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from '../logger.ts';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

export interface RequestLocals {
  requestId: string;
  log: Logger;
}

export function requestLocals(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}

function incomingId(req: Request): string | null {
  const id = req.headers['x-request-id'];
  return typeof id === 'string' && REQUEST_ID.test(id) ? id : null;
}

export function requestLog(log: Logger): RequestHandler {
  return (req, res, next) => {
    const requestId = incomingId(req) ?? randomUUID();
    const started = process.hrtime.bigint();
    const child = log.child({ reqId: requestId });
    Object.assign(res.locals, { requestId, log: child } satisfies RequestLocals);
    res.setHeader('X-Request-Id', requestId);
    res.on('finish', () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      child.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms * 10) / 10 }, 'request');
    });
    next();
  };
}
