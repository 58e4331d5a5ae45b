// The one domain error type, and the table that maps its codes to tRPC codes and HTTP statuses.
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { isDatabaseUnavailable, isDiskFull } from './database/errors.ts';

export const errorCodes = {
  validation_error: { status: 400, trpc: 'BAD_REQUEST' },
  invalid_state: { status: 400, trpc: 'BAD_REQUEST' },
  cooldown_active: { status: 400, trpc: 'BAD_REQUEST' },
  unauthorized: { status: 401, trpc: 'UNAUTHORIZED' },
  permission_denied: { status: 403, trpc: 'FORBIDDEN' },
  // A page on another origin trying to change state or open a WebSocket, and a Host that open mode does not serve.
  forbidden_origin: { status: 403, trpc: 'FORBIDDEN' },
  forbidden_host: { status: 403, trpc: 'FORBIDDEN' },
  not_found: { status: 404, trpc: 'NOT_FOUND' },
  method_not_allowed: { status: 405, trpc: 'METHOD_NOT_SUPPORTED' },
  already_exists: { status: 409, trpc: 'CONFLICT' },
  limit_exceeded: { status: 409, trpc: 'CONFLICT' },
  conflict: { status: 409, trpc: 'CONFLICT' },
  // A live subscription resumed from before the oldest kept event: the client reloads instead of missing events.
  events_expired: { status: 410, trpc: 'PRECONDITION_FAILED' },
  // One resumed from past the newest event (ids kept across a reset or a restore): waiting would starve it.
  events_ahead: { status: 412, trpc: 'PRECONDITION_FAILED' },
  payload_too_large: { status: 413, trpc: 'PAYLOAD_TOO_LARGE' },
  unsupported_media_type: { status: 415, trpc: 'UNSUPPORTED_MEDIA_TYPE' },
  rate_limited: { status: 429, trpc: 'TOO_MANY_REQUESTS' },
  internal_error: { status: 500, trpc: 'INTERNAL_SERVER_ERROR' },
  unavailable: { status: 503, trpc: 'SERVICE_UNAVAILABLE' },
  // A full disk: tRPC has no code of its own for it, and a client may retry once space is freed.
  insufficient_storage: { status: 507, trpc: 'SERVICE_UNAVAILABLE' },
} as const satisfies Record<string, { status: number; trpc: TRPC_ERROR_CODE_KEY }>;

export type ErrorCode = keyof typeof errorCodes;

export type ErrorDetails = Record<string, unknown>;

/**
 * A failure the caller can act on; everything else is an internal error. `details` are facts a program reads
 * (HubGW shows them as its details object), `explanation` is one sentence a person reads (Aurora's details string):
 * each family's error body takes what its format has room for.
 */
export class AppError extends TRPCError {
  readonly appCode: ErrorCode;
  readonly details: ErrorDetails | undefined;
  readonly explanation: string | undefined;

  /** `cause` is for the log only: no error body ever shows it. */
  constructor(
    appCode: ErrorCode,
    message: string,
    details?: ErrorDetails,
    { explanation, cause }: { explanation?: string; cause?: unknown } = {},
  ) {
    super({ code: errorCodes[appCode].trpc, message, cause });
    this.appCode = appCode;
    this.details = details;
    this.explanation = explanation;
  }

  /** A failure told in words only: the message, and the sentence that says what about this request caused it. */
  static explained(appCode: ErrorCode, message: string, explanation: string): AppError {
    return new AppError(appCode, message, undefined, { explanation });
  }

  get status(): number {
    return errorCodes[this.appCode].status;
  }

  /** Input that is well-formed but wrong, named by the field at fault. */
  static validation(path: string, message: string): AppError {
    return AppError.invalid([{ path, message }]);
  }

  static invalid(issues: ValidationIssue[]): AppError {
    return new AppError('validation_error', 'Validation failed', { issues });
  }

  /** The 503 any route answers while the database does not. */
  static databaseUnavailable(): AppError {
    return new AppError('unavailable', 'The database is unavailable; try again shortly');
  }

  /** The disk that holds the data is full, or below the floor kept free for the database: writes wait for space. */
  static diskFull(cause?: unknown): AppError {
    return new AppError(
      'insufficient_storage',
      'The server is out of disk space; try again once space is freed',
      { reason: 'disk_full' },
      { cause },
    );
  }
}

export interface ValidationIssue {
  path: string;
  message: string;
}

interface RawIssue {
  path?: PropertyKey[];
  message: string;
  code?: string;
  errors?: RawIssue[][];
}

function joinPath(path: PropertyKey[] = []): string {
  return path
    .map((key) => (typeof key === 'object' ? String((key as { key: PropertyKey }).key) : String(key)))
    .join('.');
}

/**
 * A union that failed reports every branch's issues. The branch the input was meant for is the one whose
 * failures are not a type mismatch at its root (an object sent to `object | object[]` fails the array branch
 * at the root), so its issues are the ones that name the bad fields.
 */
function flatten(issue: RawIssue, prefix: PropertyKey[]): ValidationIssue[] {
  const path = [...prefix, ...(issue.path ?? [])];
  if (issue.code === 'invalid_union' && issue.errors?.length) {
    const meant = issue.errors.find(
      (branch) => !branch.some((inner) => inner.code === 'invalid_type' && (inner.path ?? []).length === 0),
    );
    if (meant) return meant.flatMap((inner) => flatten(inner, path));
  }
  return [{ path: joinPath(path), message: issue.message }];
}

/** Input validation failures from zod, whichever way tRPC wrapped them. */
function validationIssuesOf(error: unknown): ValidationIssue[] | null {
  const cause = error instanceof TRPCError ? error.cause : error;
  if (!cause || typeof cause !== 'object' || !('issues' in cause) || !Array.isArray(cause.issues)) return null;
  return (cause.issues as RawIssue[]).flatMap((issue) => flatten(issue, []));
}

/**
 * What tRPC's transports raise about the request itself (a malformed message, a query sent as a mutation, an unknown
 * procedure, an oversize batch): the caller's fault, reported with tRPC's own message.
 */
const CLIENT_ERRORS: Partial<Record<TRPC_ERROR_CODE_KEY, ErrorCode>> = {
  PARSE_ERROR: 'validation_error',
  BAD_REQUEST: 'validation_error',
  UNAUTHORIZED: 'unauthorized',
  NOT_FOUND: 'not_found',
  METHOD_NOT_SUPPORTED: 'method_not_allowed',
  PAYLOAD_TOO_LARGE: 'payload_too_large',
  UNSUPPORTED_MEDIA_TYPE: 'unsupported_media_type',
  TOO_MANY_REQUESTS: 'rate_limited',
};

/** Normalises anything thrown by a procedure into an AppError; unknown failures become internal_error. */
export function toAppError(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof TRPCError && error.cause instanceof AppError) return error.cause;
  const issues = validationIssuesOf(error);
  if (issues && error instanceof TRPCError && error.code === 'BAD_REQUEST') {
    return AppError.invalid(issues);
  }
  if (isDiskFull(error)) return AppError.diskFull(error);
  if (isDatabaseUnavailable(error)) return AppError.databaseUnavailable();
  const clientCode = error instanceof TRPCError ? CLIENT_ERRORS[error.code] : undefined;
  if (clientCode) return new AppError(clientCode, (error as TRPCError).message);
  return new AppError('internal_error', 'Internal server error');
}
