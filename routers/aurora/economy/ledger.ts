// Every game action moves money through here: one conditional UPDATE of the balance and, in the same transaction,
// the transaction row that records it. Amounts in the ledger are signed, so a user's balance always equals their
// starting balance plus the sum of their rows.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { TRANSACTION_TYPES } from '#entities/aurora/transaction.ts';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { userNotFound } from '../errors.ts';

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

/** Records a movement in the ledger; its amount is signed. */
export async function record(tx: EntityManager, movement: Movement, signedAmount: bigint, now: Date): Promise<void> {
  await db(tx)
    .insertInto('Transaction')
    .values({
      user: movement.userId,
      relatedUser: movement.relatedUserId ?? null,
      amount: signedAmount.toString(),
      type: movement.type,
      description: movement.description,
      createdAt: now,
    })
    .execute();
}

/** Adds `amount` to a balance and records it; answers the new balance. Must run inside a transaction. */
export async function credit(tx: EntityManager, movement: Movement, amount: bigint, now: Date): Promise<bigint> {
  let updated: { balance: string } | undefined;
  try {
    updated = await db(tx)
      .updateTable('User')
      .set((set) => ({ balance: set('balance', '+', amount.toString()), updatedAt: now }))
      .where('id', '=', movement.userId)
      .returning('balance')
      .executeTakeFirst();
  } catch (error) {
    if (isOutOfRange(error))
      throw AppError.explained(
        'invalid_state',
        'Balance limit reached',
        `user ${movement.userId} cannot hold ${amount} more`,
      );
    throw error;
  }
  if (!updated) throw userNotFound(movement.userId);
  await record(tx, movement, amount, now);
  return BigInt(updated.balance);
}

/**
 * Takes `amount` from a balance only if it is all there, and records it; answers the new balance. The condition is
 * in the UPDATE itself, so a concurrent debit waits for the row and then sees what is left.
 */
export async function debit(tx: EntityManager, movement: Movement, amount: bigint, now: Date): Promise<bigint> {
  const updated = await db(tx)
    .updateTable('User')
    .set((set) => ({ balance: set('balance', '-', amount.toString()), updatedAt: now }))
    .where('id', '=', movement.userId)
    .where('balance', '>=', sql<string>`${amount.toString()}::bigint`)
    .returning('balance')
    .executeTakeFirst();
  if (!updated) {
    const held = await db(tx).selectFrom('User').select('balance').where('id', '=', movement.userId).executeTakeFirst();
    if (!held) throw userNotFound(movement.userId);
    throw new AppError(
      'invalid_state',
      'Insufficient funds',
      { balance: held.balance, required: amount.toString() },
      { explanation: `balance is ${held.balance}, ${amount} needed` },
    );
  }
  await record(tx, movement, -amount, now);
  return BigInt(updated.balance);
}
