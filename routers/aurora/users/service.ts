// User writes: onboarding, and admin edits where a balance change is recorded as ADMIN_ADJUST in the same transaction.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { translateViolations } from '../../shared/sql.ts';
import { findUser } from './queries.ts';
import type { CreateUserInput, UpdateUserInput, UserResponse } from './schemas.ts';

function unknownClass(classId: string | null | undefined) {
  return {
    users_class_id_foreign: () =>
      new AppError('validation_error', 'Unknown class', { reason: `no class with id '${classId}'` }),
  };
}

export function createUser(em: EntityManager, input: CreateUserInput, now: Date): Promise<UserResponse> {
  return em.transactional(async (tx) => {
    const rows = await translateViolations(
      () =>
        tx.execute(
          `insert into aurora.users (id, username, balance, xp, level, daily_streak, is_active, class_id, settings, created_at, updated_at)
           values (?, ?, ?, ?, ?, 0, true, ?, ?, ?, ?) on conflict (id) do nothing returning id`,
          [
            input.id,
            input.username,
            input.balance,
            input.xp,
            input.level,
            input.classId ?? null,
            JSON.stringify(input.settings),
            now,
            now,
          ],
        ),
      unknownClass(input.classId),
    );
    if (rows.length === 0)
      throw new AppError('already_exists', 'User already exists', { reason: `a user with id '${input.id}' exists` });
    return (await findUser(tx, input.id))!;
  });
}

const COLUMNS = {
  username: 'username',
  balance: 'balance',
  xp: 'xp',
  level: 'level',
  dailyStreak: 'daily_streak',
  classId: 'class_id',
  isActive: 'is_active',
  settings: 'settings',
} as const;

export function updateUser(em: EntityManager, input: UpdateUserInput, now: Date): Promise<UserResponse> {
  return em.transactional(async (tx) => {
    const current = await tx.execute<{ balance: string }[]>(
      'select balance::text as balance from aurora.users where id = ? for update',
      [input.id],
    );
    if (!current[0]) throw new AppError('not_found', 'User not found');
    const given = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((field) => input[field] !== undefined);
    const values = given.map((field) => (field === 'settings' ? JSON.stringify(input.settings) : input[field]));
    await translateViolations(
      () =>
        tx.execute(
          `update aurora.users set ${[...given.map((field) => `${COLUMNS[field]} = ?`), 'updated_at = ?'].join(', ')} where id = ?`,
          [...values, now, input.id],
        ),
      unknownClass(input.classId),
    );
    const change = input.balance === undefined ? 0n : BigInt(input.balance) - BigInt(current[0].balance);
    if (change !== 0n) {
      await tx.execute(
        `insert into aurora.transactions (user_id, related_user_id, amount, type, description, created_at) values (?, null, ?, 'ADMIN_ADJUST', ?, ?)`,
        [input.id, change.toString(), `Balance set to ${input.balance} by an admin`, now],
      );
    }
    return (await findUser(tx, input.id))!;
  });
}
