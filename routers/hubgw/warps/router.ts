// HubGW warps: create, owner-only update and delete, get by name, filtered list.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { noContent } from '../../shared/schemas.ts';
import {
  createWarpInput,
  deleteWarpInput,
  getWarpInput,
  listWarpsInput,
  updateWarpInput,
  warp,
  warpPage,
} from './schemas.ts';
import { getWarp, listWarps } from './queries.ts';
import { createWarp, deleteWarp, updateWarp } from './service.ts';
import { warpsExamples } from './examples.ts';

const route = restRoutes('hubgw: warps');

export const warpsRouter = router({
  create: announced(
    hubgwProcedure
      .meta(
        route('POST /api/v1/warps/', 'Create a warp', {
          example: warpsExamples.create,
          status: 201,
          errors: [400, 409],
        }),
      )
      .input(createWarpInput)
      .output(warp)
      .mutation(({ ctx, input }) => createWarp(ctx.em, input, ctx.now())),
  ),

  update: announced(
    hubgwProcedure
      .meta(
        route('PATCH /api/v1/warps/', "Change a warp's given fields (owner only)", {
          example: warpsExamples.update,
          errors: [400, 403, 404],
        }),
      )
      .input(updateWarpInput)
      .output(warp)
      .mutation(({ ctx, input }) => updateWarp(ctx.em, input, ctx.now())),
  ),

  delete: announced(
    hubgwProcedure
      .meta(
        route('DELETE /api/v1/warps/', 'Delete a warp (owner only); the body names it', {
          example: warpsExamples.delete,
          status: 204,
          errors: [400, 403, 404],
          jsonBody: true,
        }),
      )
      .input(deleteWarpInput)
      .output(noContent)
      .mutation(({ ctx, input }) => deleteWarp(ctx.em, input.name, input.player_uuid)),
  ),

  get: hubgwProcedure
    .meta(
      route('POST /api/v1/warps/get', 'One warp by name, open to every player', {
        example: warpsExamples.get,
        errors: [400, 404],
        reads: true,
      }),
    )
    .input(getWarpInput)
    .output(warp)
    .mutation(({ ctx, input }) => getWarp(ctx.em, input.name)),

  list: hubgwProcedure
    .meta(
      route('POST /api/v1/warps/list', 'Warps by filter, ordered by name', {
        example: warpsExamples.list,
        errors: [400],
        reads: true,
      }),
    )
    .input(listWarpsInput)
    .output(warpPage)
    .mutation(({ ctx, input }) => listWarps(ctx.em, input)),
});
