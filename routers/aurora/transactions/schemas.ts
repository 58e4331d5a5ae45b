// Request and response schemas of Aurora transactions.
import { z } from 'zod';
import { TRANSACTION_TYPES } from '#entities/aurora/transaction.ts';
import { timestamp } from '../../shared/schemas.ts';
import { discordId, pagination } from '../schemas.ts';

export const transaction = z
  .object({
    id: z.string(),
    userId: z.string(),
    relatedUserId: z.string().nullable(),
    amount: z.string(),
    type: z.enum(TRANSACTION_TYPES),
    description: z.string().nullable(),
    createdAt: timestamp,
  })
  .meta({ id: 'Transaction' });

export const listTransactionsInput = z.object({
  userId: discordId.optional(),
  type: z.enum(TRANSACTION_TYPES).optional(),
  ...pagination(50),
});

export const transactionList = z.object({ transactions: z.array(transaction), total: z.number().int() });

export type TransactionResponse = z.infer<typeof transaction>;
export type ListTransactionsInput = z.infer<typeof listTransactionsInput>;
