// HubGW teleport history: POST /teleport-history/, GET /teleport-history/players/{player_uuid}.
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { listTeleports } from './queries.ts';
import { listTeleportsInput, recordTeleportInput, teleport, teleportList } from './schemas.ts';
import { recordTeleport } from './service.ts';

const tags = ['hubgw: teleport history'];

export const teleportHistoryRouter = router({
  create: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/teleport-history/',
        description: 'Records a teleport in the history.',
        tags,
        summary: 'Record a teleport',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(recordTeleportInput)
    .output(teleport)
    .mutation(({ ctx, input }) => recordTeleport(ctx.em, input, ctx.now())),

  list: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/teleport-history/players/{player_uuid}',
        description: "Gets a player's teleport history.",
        tags,
        summary: "A player's teleports, newest first",
        errorResponses: [400],
      },
    })
    .input(listTeleportsInput)
    .output(teleportList)
    .query(({ ctx, input }) => listTeleports(ctx.em, input)),
});
