// The error every game action gives for a Discord id with no user behind it.
import { AppError } from '#src/errors.ts';

export function userNotFound(userId: string): AppError {
  return new AppError('not_found', 'User not found', { reason: `no user with id '${userId}'` });
}
