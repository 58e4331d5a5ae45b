// Aurora's not-found errors, one per thing a request can name, each worded once.
import { AppError } from '#src/errors.ts';

/** `User not found`, and which id was looked for when the request named one. */
function notFound(what: string, explanation?: string): AppError {
  const message = `${what} not found`;
  return explanation === undefined
    ? new AppError('not_found', message)
    : AppError.explained('not_found', message, explanation);
}

export function userNotFound(userId: string): AppError {
  return notFound('User', `no user with id '${userId}'`);
}

export function itemNotFound(itemId: number): AppError {
  return notFound('Item', `no item with id ${itemId}`);
}

export function classNotFound(classId: string): AppError {
  return notFound('Class', `no class with id '${classId}'`);
}

export function questNotFound(questId: number): AppError {
  return notFound('Quest', `no quest with id ${questId}`);
}

export function lootdropNotFound(lootdropId: string): AppError {
  return notFound('Lootdrop', `no lootdrop with id ${lootdropId}`);
}

export function caseNotFound(caseId: string): AppError {
  return notFound('Case', `no case with id ${caseId}`);
}

export function notInInventory(): AppError {
  return new AppError('not_found', 'Item not in inventory');
}
