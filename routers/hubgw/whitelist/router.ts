// HubGW whitelist: add, remove, check, list, count.
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { noInput, noContent } from '../../shared/schemas.ts';
import {
  addWhitelistInput,
  playerNameInput,
  whitelistCount,
  whitelistEntry,
  whitelistList,
  whitelistStanding,
} from './schemas.ts';
import { countWhitelist, isWhitelisted, listWhitelist } from './queries.ts';
import { addToWhitelist, removeFromWhitelist } from './service.ts';

const tags = ['hubgw: whitelist'];

export const whitelistRouter = router({
  add: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/whitelist/add',
        tags,
        summary: 'Whitelist a player',
        description:
          'Adds a player to the whitelist. A name with an active, unexpired entry answers 409 already_exists; an inactive or expired entry is replaced.',
        errorResponses: [400, 409],
      },
      status: 201,
      announced: true,
    })
    .input(addWhitelistInput)
    .output(whitelistEntry)
    .mutation(({ ctx, input }) => addToWhitelist(ctx.em, input, ctx.now())),

  remove: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/whitelist/remove',
        description: 'Removes a player from the whitelist.',
        tags,
        summary: "Remove a player's entry",
        errorResponses: [400, 404],
      },
      status: 204,
      announced: true,
    })
    .input(playerNameInput)
    .output(noContent)
    .mutation(({ ctx, input }) => removeFromWhitelist(ctx.em, input.player_name)),

  check: hubgwProcedure
    .meta({
      reads: true,
      openapi: {
        method: 'POST',
        path: '/api/v1/whitelist/check',
        description: 'Checks whether a player is on the whitelist.',
        tags,
        summary: 'Whether a player has an active, unexpired entry',
        errorResponses: [400],
      },
    })
    .input(playerNameInput)
    .output(whitelistStanding)
    .mutation(({ ctx, input }) => isWhitelisted(ctx.em, input.player_name, ctx.now())),

  list: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/whitelist/',
        description: 'Lists every player on the whitelist.',
        tags,
        summary: 'Every stored entry, newest first',
      },
    })
    .input(noInput)
    .output(whitelistList)
    .query(({ ctx }) => listWhitelist(ctx.em)),

  count: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/whitelist/count',
        description: 'Counts the players on the whitelist.',
        tags,
        summary: 'How many entries are stored',
      },
    })
    .input(noInput)
    .output(whitelistCount)
    .query(({ ctx }) => countWhitelist(ctx.em)),
});
