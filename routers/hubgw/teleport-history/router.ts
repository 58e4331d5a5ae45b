// HubGW teleport history: POST /teleport-history/, GET /teleport-history/players/{player_uuid}.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { listTeleports } from './queries.ts';
import { listTeleportsInput, recordTeleportInput, teleport, teleportList } from './schemas.ts';
import { recordTeleport } from './service.ts';
import { teleportHistoryExamples } from './examples.ts';

const route = restRoutes('hubgw: teleport history');

export const teleportHistoryRouter = router({
  create: hubgwProcedure
    .meta(
      route('POST /api/v1/teleport-history/', 'Record a teleport', {
        example: teleportHistoryExamples.create,
        status: 201,
        errors: [400],
      }),
    )
    .input(recordTeleportInput)
    .output(teleport)
    .mutation(({ ctx, input }) => recordTeleport(ctx.em, input, ctx.now())),

  list: hubgwProcedure
    .meta(
      route('GET /api/v1/teleport-history/players/{player_uuid}', "A player's teleports, newest first", {
        example: teleportHistoryExamples.list,
        errors: [400],
      }),
    )
    .input(listTeleportsInput)
    .output(teleportList)
    .query(({ ctx, input }) => listTeleports(ctx.em, input)),
});
