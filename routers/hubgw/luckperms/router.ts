// HubGW LuckPerms: players by uuid or username, groups, permissions, and creating a player.
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import {
  createPlayerInput,
  group,
  groupNameInput,
  permissionList,
  player,
  playerWithPermissions,
  usernameInput,
  uuidInput,
} from './schemas.ts';
import {
  findPlayerWithPermissions,
  groupByName,
  playerByUsername,
  playerByUuid,
  playerPermissions,
} from './queries.ts';
import { createPlayer } from './service.ts';
import { luckpermsExamples } from './examples.ts';

const route = restRoutes('hubgw: luckperms');

export const luckpermsRouter = router({
  player: hubgwProcedure
    .meta(
      route('GET /api/v1/luckperms/players/{uuid}', 'A player by UUID', {
        example: luckpermsExamples.player,
        errors: [400, 404],
      }),
    )
    .input(uuidInput)
    .output(player)
    .query(({ ctx, input }) => playerByUuid(ctx.em, input.uuid)),

  playerByUsername: hubgwProcedure
    .meta(
      route('GET /api/v1/luckperms/players/username/{username}', 'A player by name (case-insensitive)', {
        example: luckpermsExamples.playerByUsername,
        errors: [400, 404],
      }),
    )
    .input(usernameInput)
    .output(player)
    .query(({ ctx, input }) => playerByUsername(ctx.em, input.username)),

  group: hubgwProcedure
    .meta(
      route('GET /api/v1/luckperms/groups/{name}', 'A group by name', {
        example: luckpermsExamples.group,
        errors: [400, 404],
      }),
    )
    .input(groupNameInput)
    .output(group)
    .query(({ ctx, input }) => groupByName(ctx.em, input.name)),

  permissions: hubgwProcedure
    .meta(
      route('GET /api/v1/luckperms/players/{uuid}/permissions', "A player's own permission nodes", {
        example: luckpermsExamples.permissions,
        errors: [400, 404],
      }),
    )
    .input(uuidInput)
    .output(permissionList)
    .query(({ ctx, input }) => playerPermissions(ctx.em, input.uuid)),

  playerWithPermissions: hubgwProcedure
    .meta(
      route('GET /api/v1/luckperms/players/{uuid}/with-permissions', 'A player with their permission nodes', {
        example: luckpermsExamples.playerWithPermissions,
        errors: [400, 404],
      }),
    )
    .input(uuidInput)
    .output(playerWithPermissions)
    .query(({ ctx, input }) => findPlayerWithPermissions(ctx.em, input.uuid)),

  createPlayer: hubgwProcedure
    .meta(
      route('POST /api/v1/luckperms/players', 'Create a player', {
        example: luckpermsExamples.createPlayer,
        status: 201,
        errors: [400, 409],
        description:
          'Creates a new player in LuckPerms. Without a uuid, the offline-mode UUID Minecraft derives from the name. Duplicate username or uuid: 409; unknown group: 400.',
      }),
    )
    .input(createPlayerInput)
    .output(player)
    .mutation(({ ctx, input }) => createPlayer(ctx.em, input, ctx.now())),
});
