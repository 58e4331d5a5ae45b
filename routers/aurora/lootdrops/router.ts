// Lootdrops: spawned by the bot in a channel, claimed by the first user to react (extensions; the document lists
// only the LOOTDROP_CLAIM transaction type).
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
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
import { lootdropsExamples } from './examples.ts';

const route = restRoutes('aurora: lootdrops');

export const lootdropsRouter = router({
  spawn: announced(
    auroraProcedure
      .meta(
        route('POST /api/lootdrops', 'Drop money for the first claimer', {
          example: lootdropsExamples.spawn,
          status: 201,
          errors: [400],
          description:
            'Without an amount, one is picked from lootdrops.minAmount to maxAmount. The drop expires after expiresInMinutes, by default lootdrops.expiryMinutes (10).',
        }),
      )
      .input(spawnLootdropInput)
      .output(lootdropSpawned)
      .mutation(({ ctx, input }) => spawnLootdrop(ctx.em, input, ctx.now())),
  ),

  get: auroraProcedure
    .meta(route('GET /api/lootdrops/{id}', 'One lootdrop', { example: lootdropsExamples.get, errors: [400, 404] }))
    .input(lootdropIdInput)
    .output(lootdrop)
    .query(({ ctx, input }) => getLootdrop(ctx.em, input.id)),

  claim: announced(
    auroraProcedure
      .meta(
        route('POST /api/lootdrops/{id}/claim', 'Claim a lootdrop (LOOTDROP_CLAIM)', {
          example: lootdropsExamples.claim,
          errors: [400, 404, 409],
          description: 'The first claimer is paid. A drop already claimed answers 409; an expired one answers 400.',
        }),
      )
      .input(claimLootdropInput)
      .output(lootdropClaimed)
      .mutation(({ ctx, input }) => claimLootdrop(ctx.em, input, ctx.now())),
  ),
});
