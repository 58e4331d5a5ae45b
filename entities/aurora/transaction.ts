// One movement of money, written in the same database transaction as the balance change it records.
import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

export const TRANSACTION_TYPES = [
  'DAILY_REWARD',
  'TRANSFER_IN',
  'TRANSFER_OUT',
  'LOOTDROP_CLAIM',
  'SHOP_BUY',
  'QUEST_REWARD',
  'ADMIN_ADJUST',
] as const;

export const Transaction = defineEntity({
  name: 'Transaction',
  schema: 'aurora',
  tableName: 'transactions',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    user: () => p.manyToOne(User),
    relatedUser: () => p.manyToOne(User).nullable(),
    amount: p.bigint('string'),
    type: p.string().length(32),
    description: p.text().nullable(),
    createdAt: p.datetime(),
  },
  indexes: [
    { name: 'transactions_user_created_idx', properties: ['user', 'createdAt'] },
    { name: 'transactions_created_idx', properties: ['createdAt'] },
  ],
});
