// HubGW homes: PUT /homes/, POST /homes/get, GET /homes/{player_uuid}.
import { hubgwProcedure, router } from '#src/trpc/procedures.ts';
import { getHomeInput, home, homeList, listHomesInput, upsertHomeInput } from './schemas.ts';
import { AppError } from '#src/errors.ts';
import { findHome, listHomes } from './queries.ts';
import { homeEntityToResponse, upsertHome } from './service.ts';

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
    .mutation(async ({ ctx, input }) => homeEntityToResponse(await upsertHome(ctx.em, input, ctx.now()))),

  get: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/homes/get',
        description: "Gets one of a player's homes by name.",
        tags,
        summary: 'Get one home by name',
        errorResponses: [400, 401, 404],
      },
      readOnly: true,
    })
    .input(getHomeInput)
    .output(home)
    .mutation(async ({ ctx, input }) => {
      const found = await findHome(ctx.em, input.player_uuid, input.name);
      if (!found)
        throw new AppError('not_found', `Home '${input.name}' not found`, {
          player_uuid: input.player_uuid,
          name: input.name,
        });
      return found;
    }),

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
    .query(async ({ ctx, input }) => {
      const homes = await listHomes(ctx.em, input.player_uuid);
      return { homes, total: homes.length };
    }),
});
