// HubGW's not-found error, worded as its document words it: `Warp 'spawn' not found`.
import { AppError, type ErrorDetails } from '#src/errors.ts';

/** `what` is the kind (`Warp`), `name` what the request called it, `details` the facts that name what was looked for. */
export function notFound(what: string, name: string, details: ErrorDetails): AppError {
  return new AppError('not_found', `${what} '${name}' not found`, details);
}
