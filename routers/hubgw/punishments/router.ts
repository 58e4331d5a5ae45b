// HubGW punishments: create, revoke, query, and a player's ban and mute status.
import { hubgwProcedure, router } from '#src/trpc/procedures.ts';
import { pageMeta } from '../schemas.ts';
import {
  banStatus,
  createPunishmentInput,
  muteStatus,
  punishment,
  punishmentPage,
  queryPunishmentsInput,
  revokePunishmentInput,
  statusInput,
} from './schemas.ts';
import { activeBan, activeMute, createPunishment, queryPunishments, revokePunishment } from './service.ts';

const tags = ['hubgw: punishments'];

export const punishmentsRouter = router({
  create: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/punishments/',
        tags,
        summary: 'Punish a player',
        description:
          'Creates a new punishment (a ban or a mute). A second active ban (ban or ip_ban) or mute for the same player answers 409 already_exists.',
        errorResponses: [400, 409],
      },
      status: 201,
    })
    .input(createPunishmentInput)
    .output(punishment)
    .mutation(({ ctx, input }) => createPunishment(ctx.em, input, ctx.now())),

  revoke: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/punishments/revoke',
        tags,
        summary: 'Revoke a punishment',
        description: 'Revokes a punishment. Revoking a revoked or expired punishment answers 400 invalid_state.',
        errorResponses: [400, 404],
      },
    })
    .input(revokePunishmentInput)
    .output(punishment)
    .mutation(({ ctx, input }) =>
      revokePunishment(ctx.em, input.punishment_id, input.revoked_by, input.revoked_reason ?? null, ctx.now()),
    ),

  query: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/punishments/query',
        description: 'Searches punishments by filters.',
        tags,
        summary: 'Punishments by filter, newest first',
        errorResponses: [400],
      },
      readOnly: true,
    })
    .input(queryPunishmentsInput)
    .output(punishmentPage)
    .mutation(async ({ ctx, input }) => {
      const { punishments, total } = await queryPunishments(ctx.em, input, ctx.now());
      return { punishments, ...pageMeta(total, input.page, input.size) };
    }),

  banStatus: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/punishments/ban/{player_uuid}',
        description: "Gets a player's active ban status.",
        tags,
        summary: "A player's active ban (ban or ip_ban)",
        errorResponses: [400],
      },
    })
    .input(statusInput)
    .output(banStatus)
    .query(async ({ ctx, input }) => {
      const found = await activeBan(ctx.em, input.player_uuid, ctx.now());
      return { is_banned: found !== null, punishment: found };
    }),

  muteStatus: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/punishments/mute/{player_uuid}',
        description: "Gets a player's active mute status.",
        tags,
        summary: "A player's active mute",
        errorResponses: [400],
      },
    })
    .input(statusInput)
    .output(muteStatus)
    .query(async ({ ctx, input }) => {
      const found = await activeMute(ctx.em, input.player_uuid, ctx.now());
      return { is_muted: found !== null, punishment: found };
    }),
});
