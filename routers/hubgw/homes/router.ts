// HubGW homes: PUT /homes/, POST /homes/get, GET /homes/{player_uuid}.
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { getHomeInput, home, homeList, listHomesInput, upsertHomeInput } from './schemas.ts';
import { getHome, listHomes } from './queries.ts';
import { upsertHome } from './service.ts';

const tags = ['hubgw: homes'];

export const homesRouter = router({
  upsert: hubgwProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/v1/homes/',
        description:
          "Creates or updates a player's home, checking the limit. max_homes (optional) is the most homes the player may have; when it is given, the limit is checked when a new home is created.",
        tags,
        summary: 'Create or update a home',
        errorResponses: [400, 401, 409],
      },
    })
    .input(upsertHomeInput)
    .output(home)
    .mutation(({ ctx, input }) => upsertHome(ctx.em, input, ctx.now())),

  get: hubgwProcedure
    .meta({
      reads: true,
      openapi: {
        method: 'POST',
        path: '/api/v1/homes/get',
        description: "Gets one of a player's homes by name.",
        tags,
        summary: 'Get one home by name',
        errorResponses: [400, 401, 404],
      },
    })
    .input(getHomeInput)
    .output(home)
    .mutation(({ ctx, input }) => getHome(ctx.em, input.player_uuid, input.name)),

  list: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/homes/{player_uuid}',
        description: "Lists all of a player's homes.",
        tags,
        summary: "List a player's homes",
        errorResponses: [400, 401],
      },
    })
    .input(listHomesInput)
    .output(homeList)
    .query(({ ctx, input }) => listHomes(ctx.em, input.player_uuid)),
});
