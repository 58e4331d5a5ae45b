// HubGW LuckPerms: players by uuid or username, groups, permissions, and creating a player.
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

const tags = ['hubgw: luckperms'];

export const luckpermsRouter = router({
  player: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/luckperms/players/{uuid}',
        description: "Gets a player's information by UUID.",
        tags,
        summary: 'A player by UUID',
        errorResponses: [400, 404],
      },
    })
    .input(uuidInput)
    .output(player)
    .query(({ ctx, input }) => playerByUuid(ctx.em, input.uuid)),

  playerByUsername: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/luckperms/players/username/{username}',
        description: "Gets a player's information by name.",
        tags,
        summary: 'A player by name (case-insensitive)',
        errorResponses: [400, 404],
      },
    })
    .input(usernameInput)
    .output(player)
    .query(({ ctx, input }) => playerByUsername(ctx.em, input.username)),

  group: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/luckperms/groups/{name}',
        description: "Gets a group's information by name.",
        tags,
        summary: 'A group by name',
        errorResponses: [400, 404],
      },
    })
    .input(groupNameInput)
    .output(group)
    .query(({ ctx, input }) => groupByName(ctx.em, input.name)),

  permissions: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/luckperms/players/{uuid}/permissions',
        description: "Lists a player's permissions.",
        tags,
        summary: "A player's own permission nodes",
        errorResponses: [400, 404],
      },
    })
    .input(uuidInput)
    .output(permissionList)
    .query(({ ctx, input }) => playerPermissions(ctx.em, input.uuid)),

  playerWithPermissions: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/luckperms/players/{uuid}/with-permissions',
        description: "Gets a player's information with all of their permissions.",
        tags,
        summary: 'A player with their permission nodes',
        errorResponses: [400, 404],
      },
    })
    .input(uuidInput)
    .output(playerWithPermissions)
    .query(({ ctx, input }) => findPlayerWithPermissions(ctx.em, input.uuid)),

  createPlayer: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/luckperms/players',
        tags,
        summary: 'Create a player',
        description:
          'Creates a new player in LuckPerms. Without a uuid, the offline-mode UUID Minecraft derives from the name. Duplicate username or uuid: 409; unknown group: 400.',
        errorResponses: [400, 409],
      },
      status: 201,
    })
    .input(createPlayerInput)
    .output(player)
    .mutation(({ ctx, input }) => createPlayer(ctx.em, input, ctx.now())),
});
