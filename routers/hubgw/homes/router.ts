// HubGW homes: PUT /homes/, POST /homes/get, GET /homes/{player_uuid}.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { homesExamples as examples } from './examples.ts';
import { getHomeInput, home, homeList, listHomesInput, upsertHomeInput } from './schemas.ts';
import { getHome, listHomes } from './queries.ts';
import { upsertHome } from './service.ts';

const route = restRoutes('hubgw: homes');

export const homesRouter = router({
  upsert: hubgwProcedure
    .meta(
      route('PUT /api/v1/homes/', 'Create or update a home', {
        errors: [400, 401, 409],
        example: examples.upsert,
        description:
          "Creates or updates a player's home, checking the limit. max_homes (optional) is the most homes the player may have; when it is given, the limit is checked when a new home is created.",
      }),
    )
    .input(upsertHomeInput)
    .output(home)
    .mutation(({ ctx, input }) => upsertHome(ctx.em, input, ctx.now())),

  get: hubgwProcedure
    .meta(
      route('POST /api/v1/homes/get', 'Get one home by name', {
        errors: [400, 401, 404],
        reads: true,
        example: examples.get,
      }),
    )
    .input(getHomeInput)
    .output(home)
    .mutation(({ ctx, input }) => getHome(ctx.em, input.player_uuid, input.name)),

  list: hubgwProcedure
    .meta(
      route('GET /api/v1/homes/{player_uuid}', "List a player's homes", { errors: [400, 401], example: examples.list }),
    )
    .input(listHomesInput)
    .output(homeList)
    .query(({ ctx, input }) => listHomes(ctx.em, input.player_uuid)),
});
