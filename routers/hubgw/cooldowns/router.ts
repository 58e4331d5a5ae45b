// HubGW cooldowns: POST /cooldowns/check, POST /cooldowns/.
import { hubgwProcedure, router } from '#src/trpc/procedures.ts';
import { checkCooldownInput, cooldownCreated, cooldownStatus, createCooldownInput } from './schemas.ts';
import { checkCooldown, setCooldown } from './service.ts';

const tags = ['hubgw: cooldowns'];

export const cooldownsRouter = router({
  check: hubgwProcedure
    .meta({ openapi: { method: 'POST', path: '/api/v1/cooldowns/check', tags, summary: "A player's cooldown status", errorResponses: [400] } })
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
        description: 'Give exactly one of expires_at (in the future) or cooldown_seconds (> 0). Replaces an earlier cooldown of the same type.',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(createCooldownInput)
    .output(cooldownCreated)
    .mutation(async ({ ctx, input }) => {
      await setCooldown(ctx.em, input, ctx.now());
      return { message: 'Cooldown created successfully' };
    }),
});
