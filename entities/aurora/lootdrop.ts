// Money dropped in a channel for the first claimer. A drop is claimed at most once: the claimer and the time are
// set together, and only while the drop is unclaimed and unexpired. A claimer's row going later keeps the claim time.
import { defineEntity, p } from '@mikro-orm/core';
import { User } from './user.ts';

export const Lootdrop = defineEntity({
  name: 'Lootdrop',
  schema: 'aurora',
  tableName: 'lootdrops',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    amount: p.bigint('string'),
    channelId: p.string().length(20).nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    claimedBy: () => p.manyToOne(User).fieldName('claimed_by').nullable().deleteRule('set null'),
    claimedAt: p.datetime().nullable(),
  },
  checks: [
    { name: 'lootdrops_amount_check', expression: 'amount > 0' },
    { name: 'lootdrops_expiry_check', expression: 'expires_at > created_at' },
    { name: 'lootdrops_claim_check', expression: 'claimed_by is null or claimed_at is not null' },
  ],
});
