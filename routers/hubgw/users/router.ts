// HubGW users: the game account linked to a website user name (read by the plugin, written by the website).
import { z } from 'zod';
import { AppError } from '#src/errors.ts';
import { hubgwProcedure, router } from '#src/trpc/procedures.ts';
import { name } from '../../shared/schemas.ts';

const tags = ['hubgw: users'];
const gameId = z.object({ game_id: z.string() }).meta({ id: 'GameId' });

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
    .input(z.object({ name: name(64) }))
    .output(gameId)
    .query(async ({ ctx, input }) => {
      const rows = await ctx.em.execute<{ game_id: string }[]>(
        'select game_id from hubgw.user_links where lower(name) = lower(?)',
        [input.name],
      );
      if (!rows[0]) throw new AppError('not_found', `User '${input.name}' not found`, { name: input.name });
      return { game_id: rows[0].game_id };
    }),

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
    .input(z.object({ name: name(64), game_id: name(64) }))
    .output(gameId)
    .mutation(async ({ ctx, input }) => {
      const now = ctx.now();
      await ctx.em.execute(
        `insert into hubgw.user_links (id, name, game_id, created_at, updated_at) values (?, ?, ?, ?, ?)
         on conflict ((lower(name))) do update set name = excluded.name, game_id = excluded.game_id, updated_at = excluded.updated_at`,
        [crypto.randomUUID(), input.name, input.game_id, now, now],
      );
      return { game_id: input.game_id };
    }),
});
