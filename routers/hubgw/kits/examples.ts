// The examples of HubGW kits: the document's claim, and the kit definition it needs (this project's extension).
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { AT, PLAYER_UUID, UNTIL } from '../example-values.ts';
import { kitNotFound } from './queries.ts';

const items = [
  { item: 'minecraft:stone_sword', amount: 1 },
  { item: 'minecraft:bread', amount: 16 },
];
const kit = { name: 'starter', cooldown_seconds: 3600, items, description: 'What every new player gets' };

export const kitsExamples = {
  upsert: { request: kit, response: { ...kit, created_at: AT, updated_at: AT } },
  list: { response: { kits: [{ ...kit, created_at: AT, updated_at: AT }], total: 1 } },
  claim: {
    request: { player_uuid: PLAYER_UUID, kit_name: 'starter' },
    response: { success: true, message: "Kit 'starter' claimed", cooldown_remaining: 3600, items },
    errors: [
      new AppError('cooldown_active', "Kit 'starter' is on cooldown for 3600 more seconds", {
        kit_name: 'starter',
        cooldown_remaining: 3600,
        expires_at: UNTIL,
      }),
      kitNotFound('starter'),
    ],
  },
  delete: { parameters: { name: 'starter' }, errors: [kitNotFound('starter')] },
} satisfies Record<string, RouteExample>;
