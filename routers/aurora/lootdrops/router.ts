// Lootdrops: spawned by the bot in a channel, claimed by the first user to react (extensions; the document lists
// only the LOOTDROP_CLAIM transaction type).
import { z } from 'zod';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { timestamp } from '../../shared/schemas.ts';
import { discordId, positiveBigintString } from '../schemas.ts';
import { claimLootdrop, findLootdrop, spawnLootdrop } from './service.ts';

const tags = ['aurora: lootdrops'];

const lootdrop = z
  .object({
    id: z.string(),
    amount: z.string(),
    channelId: z.string().nullable(),
    createdAt: timestamp,
    expiresAt: timestamp,
    claimedBy: z.string().nullable(),
    claimedAt: timestamp.nullable(),
  })
  .meta({ id: 'Lootdrop' });

const lootdropId = z.string().regex(/^[1-9]\d{0,17}$/, 'must be a lootdrop id');

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
    .input(
      z.object({
        amount: positiveBigintString.optional(),
        channelId: discordId.nullable().optional(),
        expiresInMinutes: z.number().int().min(1).max(1440).optional(),
      }),
    )
    .output(z.object({ success: z.literal(true), lootdrop }))
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      lootdrop: await spawnLootdrop(ctx.em, input, ctx.now()),
    })),

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
    .input(z.object({ id: lootdropId }))
    .output(lootdrop)
    .query(({ ctx, input }) => findLootdrop(ctx.em, input.id)),

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
    .input(z.object({ id: lootdropId, userId: discordId }))
    .output(z.object({ success: z.literal(true), lootdrop, balance: z.string() }))
    .mutation(async ({ ctx, input }) => ({
      success: true as const,
      ...(await claimLootdrop(ctx.em, input.id, input.userId, ctx.now())),
    })),
});
