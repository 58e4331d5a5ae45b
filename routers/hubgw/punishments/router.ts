// HubGW punishments: create, revoke, query, and a player's ban and mute status.
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
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
import { getBanStatus, getMuteStatus, queryPunishments } from './queries.ts';
import { createPunishment, revokePunishment } from './service.ts';

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
      announced: true,
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
      announced: true,
    })
    .input(revokePunishmentInput)
    .output(punishment)
    .mutation(({ ctx, input }) =>
      revokePunishment(ctx.em, input.punishment_id, input.revoked_by, input.revoked_reason ?? null, ctx.now()),
    ),

  query: hubgwProcedure
    .meta({
      reads: true,
      openapi: {
        method: 'POST',
        path: '/api/v1/punishments/query',
        description: 'Searches punishments by filters.',
        tags,
        summary: 'Punishments by filter, newest first',
        errorResponses: [400],
      },
    })
    .input(queryPunishmentsInput)
    .output(punishmentPage)
    .mutation(({ ctx, input }) => queryPunishments(ctx.em, input, ctx.now())),

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
    .query(({ ctx, input }) => getBanStatus(ctx.em, input.player_uuid, ctx.now())),

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
    .query(({ ctx, input }) => getMuteStatus(ctx.em, input.player_uuid, ctx.now())),
});
