// The examples of HubGW user links: the document's read, and the link it reads (this project's extension).
import type { RouteExample } from '#src/trpc/route-example.ts';
import { notFound } from '../errors.ts';
import { PLAYER_NAME, PLAYER_UUID } from '../example-values.ts';

export const usersExamples = {
  linkGameId: {
    parameters: { name: PLAYER_NAME },
    request: { game_id: PLAYER_UUID },
    response: { game_id: PLAYER_UUID },
  },
  gameId: {
    parameters: { name: PLAYER_NAME },
    response: { game_id: PLAYER_UUID },
    errors: [notFound('User', PLAYER_NAME, { name: PLAYER_NAME })],
  },
} satisfies Record<string, RouteExample>;
