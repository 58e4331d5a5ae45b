// HubGW whitelist: add, remove, check, list, count.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
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
import { whitelistExamples } from './examples.ts';

const route = restRoutes('hubgw: whitelist');

export const whitelistRouter = router({
  add: announced(
    hubgwProcedure
      .meta(
        route('POST /api/v1/whitelist/add', 'Whitelist a player', {
          example: whitelistExamples.add,
          status: 201,
          errors: [400, 409],
          description:
            'Adds a player to the whitelist. A name with an active, unexpired entry answers 409 already_exists; an inactive or expired entry is replaced.',
        }),
      )
      .input(addWhitelistInput)
      .output(whitelistEntry)
      .mutation(({ ctx, input }) => addToWhitelist(ctx.em, input, ctx.now())),
  ),

  remove: announced(
    hubgwProcedure
      .meta(
        route('POST /api/v1/whitelist/remove', "Remove a player's entry", {
          example: whitelistExamples.remove,
          status: 204,
          errors: [400, 404],
        }),
      )
      .input(playerNameInput)
      .output(noContent)
      .mutation(({ ctx, input }) => removeFromWhitelist(ctx.em, input.player_name)),
  ),

  check: hubgwProcedure
    .meta(
      route('POST /api/v1/whitelist/check', 'Whether a player has an active, unexpired entry', {
        example: whitelistExamples.check,
        errors: [400],
        reads: true,
      }),
    )
    .input(playerNameInput)
    .output(whitelistStanding)
    .mutation(({ ctx, input }) => isWhitelisted(ctx.em, input.player_name, ctx.now())),

  list: hubgwProcedure
    .meta(route('GET /api/v1/whitelist/', 'Every stored entry, newest first', { example: whitelistExamples.list }))
    .input(noInput)
    .output(whitelistList)
    .query(({ ctx }) => listWhitelist(ctx.em)),

  count: hubgwProcedure
    .meta(route('GET /api/v1/whitelist/count', 'How many entries are stored', { example: whitelistExamples.count }))
    .input(noInput)
    .output(whitelistCount)
    .query(({ ctx }) => countWhitelist(ctx.em)),
});
