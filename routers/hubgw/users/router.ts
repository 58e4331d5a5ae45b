// HubGW users: the game account linked to a website user name (read by the plugin, written by the website).
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { getGameId } from './queries.ts';
import { gameId, linkGameIdInput, userNameInput } from './schemas.ts';
import { linkGameId } from './service.ts';

const tags = ['hubgw: users'];

export const usersRouter = router({
  gameId: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/users/users/{name}/game-id',
        description: "Gets a user's game id by their name.",
        tags,
        summary: 'The game id linked to a user name',
        errorResponses: [400, 404],
      },
    })
    .input(userNameInput)
    .output(gameId)
    .query(({ ctx, input }) => getGameId(ctx.em, input.name)),

  linkGameId: hubgwProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/v1/users/users/{name}/game-id',
        description: 'Extension: writes the link that GET reads, for the website.',
        tags,
        summary: 'Link a user name to a game id (creates or replaces)',
        errorResponses: [400],
      },
    })
    .input(linkGameIdInput)
    .output(gameId)
    .mutation(({ ctx, input }) => linkGameId(ctx.em, input, ctx.now())),
});
