// Every game action moves money through here: one conditional UPDATE of the balance and, in the same transaction,
// the transaction row that records it. Amounts in the ledger are signed, so a user's balance always equals their
// starting balance plus the sum of their rows.
import type { EntityManager } from '@mikro-orm/sql';
import type { TRANSACTION_TYPES } from '#entities/aurora/transaction.ts';
import { AppError } from '#src/errors.ts';
import { userNotFound } from '../users/errors.ts';

export type TransactionType = (typeof TRANSACTION_TYPES)[number];

export interface Movement {
  userId: string;
  type: TransactionType;
  description: string;
  relatedUserId?: string | null;
}

const NUMERIC_VALUE_OUT_OF_RANGE = '22003';

function isOutOfRange(error: unknown): boolean {
  return (error as { code?: unknown }).code === NUMERIC_VALUE_OUT_OF_RANGE;
}

async function record(tx: EntityManager, movement: Movement, signedAmount: bigint, now: Date): Promise<void> {
  await tx.execute(
    'insert into aurora.transactions (user_id, related_user_id, amount, type, description, created_at) values (?, ?, ?, ?, ?, ?)',
    [
      movement.userId,
      movement.relatedUserId ?? null,
      signedAmount.toString(),
      movement.type,
      movement.description,
      now,
    ],
  );
}

/** Adds `amount` to a balance and records it; answers the new balance. Must run inside a transaction. */
export async function credit(tx: EntityManager, movement: Movement, amount: bigint, now: Date): Promise<bigint> {
  let rows: { balance: string }[];
  try {
    rows = await tx.execute(
      'update aurora.users set balance = balance + ?, updated_at = ? where id = ? returning balance::text as balance',
      [amount.toString(), now, movement.userId],
    );
  } catch (error) {
    if (isOutOfRange(error))
      throw new AppError('invalid_state', 'Balance limit reached', {
        reason: `user ${movement.userId} cannot hold ${amount} more`,
      });
    throw error;
  }
  if (!rows[0]) throw userNotFound(movement.userId);
  await record(tx, movement, amount, now);
  return BigInt(rows[0].balance);
}

/**
 * Takes `amount` from a balance only if it is all there, and records it; answers the new balance. The condition is
 * in the UPDATE itself, so a concurrent debit waits for the row and then sees what is left.
 */
export async function debit(tx: EntityManager, movement: Movement, amount: bigint, now: Date): Promise<bigint> {
  const rows = await tx.execute<{ balance: string }[]>(
    'update aurora.users set balance = balance - ?, updated_at = ? where id = ? and balance >= ? returning balance::text as balance',
    [amount.toString(), now, movement.userId, amount.toString()],
  );
  if (!rows[0]) {
    const held = await tx.execute<{ balance: string }[]>(
      'select balance::text as balance from aurora.users where id = ?',
      [movement.userId],
    );
    if (!held[0]) throw userNotFound(movement.userId);
    throw new AppError('invalid_state', 'Insufficient funds', {
      reason: `balance is ${held[0].balance}, ${amount} needed`,
      balance: held[0].balance,
      required: amount.toString(),
    });
  }
  await record(tx, movement, -amount, now);
  return BigInt(rows[0].balance);
}
