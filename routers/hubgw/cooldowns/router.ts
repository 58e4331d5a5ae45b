// HubGW cooldowns: POST /cooldowns/check, POST /cooldowns/.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { checkCooldownInput, cooldownCreated, cooldownStatus, createCooldownInput } from './schemas.ts';
import { checkCooldown } from './queries.ts';
import { setCooldown } from './service.ts';
import { cooldownsExamples } from './examples.ts';

const route = restRoutes('hubgw: cooldowns');

export const cooldownsRouter = router({
  check: hubgwProcedure
    .meta(
      route('POST /api/v1/cooldowns/check', "A player's cooldown status", {
        example: cooldownsExamples.check,
        errors: [400],
        reads: true,
      }),
    )
    .input(checkCooldownInput)
    .output(cooldownStatus)
    .mutation(({ ctx, input }) => checkCooldown(ctx.em, input.player_uuid, input.cooldown_type, ctx.now())),

  create: hubgwProcedure
    .meta(
      route('POST /api/v1/cooldowns/', 'Set a cooldown', {
        example: cooldownsExamples.create,
        status: 201,
        errors: [400],
        description:
          'Creates a new cooldown for a player. Give expires_at or cooldown_seconds (> 0); with both, expires_at wins, and one in the past stores the cooldown as already expired. Replaces an earlier cooldown of the same type. A kit cooldown type (`kit|<name>`) matches case-insensitively.',
      }),
    )
    .input(createCooldownInput)
    .output(cooldownCreated)
    .mutation(({ ctx, input }) => setCooldown(ctx.em, input, ctx.now())),
});
