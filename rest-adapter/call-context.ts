// The tRPC context of a REST call: made when its credential is checked, completed by the body reader (an upload),
// and handed to the procedure. Kept per response, so no handler reaches it through an untyped `res.locals`.
import type { Response } from 'express';
import type { Context } from '#src/trpc/context.ts';

const contexts = new WeakMap<Response, Context>();

export function keepCallContext(res: Response, context: Context): void {
  contexts.set(res, context);
}

export function callContext(res: Response): Context {
  const context = contexts.get(res);
  if (!context) throw new Error('a REST handler ran before the call was authenticated');
  return context;
}
