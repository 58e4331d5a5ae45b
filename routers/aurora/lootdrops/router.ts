// Lootdrops: spawned by the bot in a channel, claimed by the first user to react (extensions; the document lists
// only the LOOTDROP_CLAIM transaction type).
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { getLootdrop } from './queries.ts';
import {
  claimLootdropInput,
  lootdrop,
  lootdropClaimed,
  lootdropIdInput,
  lootdropSpawned,
  spawnLootdropInput,
} from './schemas.ts';
import { claimLootdrop, spawnLootdrop } from './service.ts';

const tags = ['aurora: lootdrops'];

export const lootdropsRouter = router({
  spawn: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/lootdrops',
        tags,
        summary: 'Drop money for the first claimer',
        description:
          'Without an amount, one is picked from lootdrops.minAmount to maxAmount. The drop expires after expiresInMinutes, by default lootdrops.expiryMinutes (10).',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(spawnLootdropInput)
    .output(lootdropSpawned)
    .mutation(({ ctx, input }) => spawnLootdrop(ctx.em, input, ctx.now())),

  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/lootdrops/{id}',
        description: 'Extension: one lootdrop, claimed or not.',
        tags,
        summary: 'One lootdrop',
        errorResponses: [400, 404],
      },
    })
    .input(lootdropIdInput)
    .output(lootdrop)
    .query(({ ctx, input }) => getLootdrop(ctx.em, input.id)),

  claim: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/lootdrops/{id}/claim',
        tags,
        summary: 'Claim a lootdrop (LOOTDROP_CLAIM)',
        description: 'The first claimer is paid. A drop already claimed answers 409; an expired one answers 400.',
        errorResponses: [400, 404, 409],
      },
    })
    .input(claimLootdropInput)
    .output(lootdropClaimed)
    .mutation(({ ctx, input }) => claimLootdrop(ctx.em, input, ctx.now())),
});
