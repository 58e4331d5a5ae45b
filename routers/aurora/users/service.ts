// User writes: onboarding, and admin edits where a balance change is recorded as ADMIN_ADJUST in the same transaction.
import { type EntityManager, LockMode } from '@mikro-orm/sql';
import { User } from '#entities/aurora/user.ts';
import { AppError } from '#src/errors.ts';
import { givenFields, translateViolations } from '#src/database/queries.ts';
import { record } from '../economy/ledger.ts';
import { userNotFound } from '../errors.ts';
import { getUser } from './queries.ts';
import { type CreateUserInput, type UpdateUserInput, userColumns } from './schemas.ts';

function unknownClass(classId: string | null | undefined) {
  return AppError.explained('validation_error', 'Unknown class', `no class with id '${classId}'`);
}

export function createUser(em: EntityManager, input: CreateUserInput, now: Date) {
  return em.transactional(async (tx) => {
    tx.create(User, {
      ...userColumns(input),
      id: input.id,
      dailyStreak: 0,
      isActive: true,
      class: input.classId ?? null,
      createdAt: now,
      updatedAt: now,
    });
    await translateViolations(() => tx.flush(), {
      users_pkey: () =>
        AppError.explained('already_exists', 'User already exists', `a user with id '${input.id}' exists`),
      users_class_id_foreign: () => unknownClass(input.classId),
    });
    return { success: true as const, user: await getUser(tx, input.id) };
  });
}

export function updateUser(em: EntityManager, input: UpdateUserInput, now: Date) {
  return em.transactional(async (tx) => {
    const user = await tx.findOne(User, { id: input.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!user) throw userNotFound(input.id);
    const { balance } = input;
    const change = balance === undefined ? 0n : BigInt(balance) - BigInt(user.balance);
    tx.assign(user, { ...givenFields(userColumns(input)), updatedAt: now });
    await translateViolations(() => tx.flush(), { users_class_id_foreign: () => unknownClass(input.classId) });
    if (change !== 0n) {
      const movement = {
        userId: input.id,
        type: 'ADMIN_ADJUST' as const,
        description: `Balance set to ${balance} by an admin`,
      };
      await record(tx, movement, change, now);
    }
    return { success: true as const, user: await getUser(tx, input.id) };
  });
}
