// The ledger as the API shows it: newest first, by user and type.
import type { EntityManager } from '@mikro-orm/sql';
import { db, type Row } from '../../shared/database.ts';
import { pageWithTotal } from '#src/database/queries.ts';
import { capped } from '../schemas.ts';
import type { ListTransactionsInput, TransactionResponse } from './schemas.ts';

function toTransaction(row: Row<'Transaction'>): TransactionResponse {
  return {
    id: row.id,
    userId: row.user,
    relatedUserId: row.relatedUser,
    amount: row.amount,
    type: row.type as TransactionResponse['type'],
    description: row.description,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listTransactions(em: EntityManager, filter: ListTransactionsInput) {
  const filtered = db(em)
    .selectFrom('Transaction')
    .$if(filter.userId !== undefined, (query) => query.where('user', '=', filter.userId!))
    .$if(filter.type !== undefined, (query) => query.where('type', '=', filter.type!));
  const { rows, total } = await pageWithTotal(filtered, (query) =>
    query
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(capped(filter.limit))
      .offset(filter.offset),
  );
  return { transactions: rows.map(toTransaction), total };
}
