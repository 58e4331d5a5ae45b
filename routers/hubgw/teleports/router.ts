// HubGW teleport history: POST /teleport-history/, GET /teleport-history/players/{player_uuid}.
import { z } from 'zod';
import { hubgwProcedure, router } from '#src/trpc/procedures.ts';
import { name, text, timestamp } from '../../shared/schemas.ts';
import { withIsoTimestamps } from '../../shared/sql.ts';
import { coordinate, playerUuid } from '../schemas.ts';

const tags = ['hubgw: teleport history'];

const COLUMNS =
  'id, player_uuid, from_world, from_x, from_y, from_z, to_world, to_x, to_y, to_z, tp_type, target_name, created_at';

const createTeleportInput = z.object({
  player_uuid: playerUuid,
  from_world: name(64),
  from_x: coordinate,
  from_y: coordinate,
  from_z: coordinate,
  to_world: name(64),
  to_x: coordinate,
  to_y: coordinate,
  to_z: coordinate,
  tp_type: name(32),
  target_name: text(64).nullable().optional(),
});

const teleport = z
  .object({
    id: z.string(),
    player_uuid: z.string(),
    from_world: z.string(),
    from_x: z.number(),
    from_y: z.number(),
    from_z: z.number(),
    to_world: z.string(),
    to_x: z.number(),
    to_y: z.number(),
    to_z: z.number(),
    tp_type: z.string(),
    target_name: z.string().nullable(),
    created_at: timestamp,
  })
  .meta({ id: 'Teleport' });

type TeleportResponse = z.infer<typeof teleport>;

function toTeleport(row: TeleportResponse): TeleportResponse {
  return withIsoTimestamps(row, ['created_at']);
}

export const teleportsRouter = router({
  create: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/teleport-history/',
        description: 'Records a teleport in the history.',
        tags,
        summary: 'Record a teleport',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(createTeleportInput)
    .output(teleport)
    .mutation(async ({ ctx, input }) => {
      const rows = await ctx.em.execute<TeleportResponse[]>(
        `insert into hubgw.teleport_history (${COLUMNS}) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${COLUMNS}`,
        [
          crypto.randomUUID(),
          input.player_uuid,
          input.from_world,
          input.from_x,
          input.from_y,
          input.from_z,
          input.to_world,
          input.to_x,
          input.to_y,
          input.to_z,
          input.tp_type,
          input.target_name ?? null,
          ctx.now(),
        ],
      );
      return toTeleport(rows[0]!);
    }),

  list: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/teleport-history/players/{player_uuid}',
        description: "Gets a player's teleport history.",
        tags,
        summary: "A player's teleports, newest first",
        errorResponses: [400],
      },
    })
    .input(z.object({ player_uuid: playerUuid, limit: z.coerce.number().int().min(1).max(1000).default(100) }))
    .output(z.array(teleport))
    .query(async ({ ctx, input }) => {
      const rows = await ctx.em.execute<TeleportResponse[]>(
        `select ${COLUMNS} from hubgw.teleport_history where player_uuid = ? order by created_at desc, id limit ?`,
        [input.player_uuid, input.limit],
      );
      return rows.map(toTeleport);
    }),
});
