// HubGW users: the game account linked to a website user name (read by the plugin, written by the website).
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { getGameId } from './queries.ts';
import { gameId, linkGameIdInput, userNameInput } from './schemas.ts';
import { linkGameId } from './service.ts';
import { usersExamples } from './examples.ts';

const route = restRoutes('hubgw: users');

export const usersRouter = router({
  gameId: hubgwProcedure
    .meta(
      route('GET /api/v1/users/users/{name}/game-id', 'The game id linked to a user name', {
        example: usersExamples.gameId,
        errors: [400, 404],
      }),
    )
    .input(userNameInput)
    .output(gameId)
    .query(({ ctx, input }) => getGameId(ctx.em, input.name)),

  linkGameId: hubgwProcedure
    .meta(
      route('PUT /api/v1/users/users/{name}/game-id', 'Link a user name to a game id (creates or replaces)', {
        example: usersExamples.linkGameId,
        errors: [400],
      }),
    )
    .input(linkGameIdInput)
    .output(gameId)
    .mutation(({ ctx, input }) => linkGameId(ctx.em, input, ctx.now())),
});
