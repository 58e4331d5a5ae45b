// HubGW punishments: create, revoke, query, and a player's ban and mute status.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
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
import { punishmentsExamples } from './examples.ts';

const route = restRoutes('hubgw: punishments');

export const punishmentsRouter = router({
  create: announced(
    hubgwProcedure
      .meta(
        route('POST /api/v1/punishments/', 'Punish a player', {
          example: punishmentsExamples.create,
          status: 201,
          errors: [400, 409],
          description:
            'Creates a new punishment (a ban or a mute). A second active ban (ban or ip_ban) or mute for the same player answers 409 already_exists.',
        }),
      )
      .input(createPunishmentInput)
      .output(punishment)
      .mutation(({ ctx, input }) => createPunishment(ctx.em, input, ctx.now())),
  ),

  revoke: announced(
    hubgwProcedure
      .meta(
        route('POST /api/v1/punishments/revoke', 'Revoke a punishment', {
          example: punishmentsExamples.revoke,
          errors: [400, 404],
          description: 'Revokes a punishment. Revoking a revoked or expired punishment answers 400 invalid_state.',
        }),
      )
      .input(revokePunishmentInput)
      .output(punishment)
      .mutation(({ ctx, input }) =>
        revokePunishment(ctx.em, input.punishment_id, input.revoked_by, input.revoked_reason ?? null, ctx.now()),
      ),
  ),

  query: hubgwProcedure
    .meta(
      route('POST /api/v1/punishments/query', 'Punishments by filter, newest first', {
        example: punishmentsExamples.query,
        errors: [400],
        reads: true,
      }),
    )
    .input(queryPunishmentsInput)
    .output(punishmentPage)
    .mutation(({ ctx, input }) => queryPunishments(ctx.em, input, ctx.now())),

  banStatus: hubgwProcedure
    .meta(
      route('GET /api/v1/punishments/ban/{player_uuid}', "A player's active ban (ban or ip_ban)", {
        example: punishmentsExamples.banStatus,
        errors: [400],
      }),
    )
    .input(statusInput)
    .output(banStatus)
    .query(({ ctx, input }) => getBanStatus(ctx.em, input.player_uuid, ctx.now())),

  muteStatus: hubgwProcedure
    .meta(
      route('GET /api/v1/punishments/mute/{player_uuid}', "A player's active mute", {
        example: punishmentsExamples.muteStatus,
        errors: [400],
      }),
    )
    .input(statusInput)
    .output(muteStatus)
    .query(({ ctx, input }) => getMuteStatus(ctx.em, input.player_uuid, ctx.now())),
});
