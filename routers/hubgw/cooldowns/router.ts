// HubGW cooldowns: POST /cooldowns/check, POST /cooldowns/.
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { checkCooldownInput, cooldownCreated, cooldownStatus, createCooldownInput } from './schemas.ts';
import { checkCooldown } from './queries.ts';
import { setCooldown } from './service.ts';

const tags = ['hubgw: cooldowns'];

export const cooldownsRouter = router({
  check: hubgwProcedure
    .meta({
      reads: true,
      openapi: {
        method: 'POST',
        path: '/api/v1/cooldowns/check',
        description: "Checks a player's cooldown status.",
        tags,
        summary: "A player's cooldown status",
        errorResponses: [400],
      },
    })
    .input(checkCooldownInput)
    .output(cooldownStatus)
    .mutation(({ ctx, input }) => checkCooldown(ctx.em, input.player_uuid, input.cooldown_type, ctx.now())),

  create: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/cooldowns/',
        tags,
        summary: 'Set a cooldown',
        description:
          'Creates a new cooldown for a player. Give expires_at or cooldown_seconds (> 0); with both, expires_at wins, and one in the past stores the cooldown as already expired. Replaces an earlier cooldown of the same type. A kit cooldown type (`kit|<name>`) matches case-insensitively.',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(createCooldownInput)
    .output(cooldownCreated)
    .mutation(({ ctx, input }) => setCooldown(ctx.em, input, ctx.now())),
});
