// HubGW warps: create, owner-only update and delete, get by name, filtered list.
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

const tags = ['hubgw: warps'];

export const warpsRouter = router({
  create: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/warps/',
        description: 'Creates a new warp, checking the per-player limit.',
        tags,
        summary: 'Create a warp',
        errorResponses: [400, 409],
      },
      status: 201,
      announced: true,
    })
    .input(createWarpInput)
    .output(warp)
    .mutation(({ ctx, input }) => createWarp(ctx.em, input, ctx.now())),

  update: hubgwProcedure
    .meta({
      openapi: {
        method: 'PATCH',
        path: '/api/v1/warps/',
        description: 'Updates an existing warp. Only its owner may edit a warp.',
        tags,
        summary: "Change a warp's given fields (owner only)",
        errorResponses: [400, 403, 404],
      },
      announced: true,
    })
    .input(updateWarpInput)
    .output(warp)
    .mutation(({ ctx, input }) => updateWarp(ctx.em, input, ctx.now())),

  delete: hubgwProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api/v1/warps/',
        description: 'Deletes a warp. Only its owner may delete a warp.',
        tags,
        summary: 'Delete a warp (owner only); the body names it',
        errorResponses: [400, 403, 404],
      },
      status: 204,
      jsonBody: true,
      announced: true,
    })
    .input(deleteWarpInput)
    .output(noContent)
    .mutation(({ ctx, input }) => deleteWarp(ctx.em, input.name, input.player_uuid)),

  get: hubgwProcedure
    .meta({
      reads: true,
      openapi: {
        method: 'POST',
        path: '/api/v1/warps/get',
        description: 'Gets one warp by name. Open to every player.',
        tags,
        summary: 'One warp by name',
        errorResponses: [400, 404],
      },
    })
    .input(getWarpInput)
    .output(warp)
    .mutation(({ ctx, input }) => getWarp(ctx.em, input.name)),

  list: hubgwProcedure
    .meta({
      reads: true,
      openapi: {
        method: 'POST',
        path: '/api/v1/warps/list',
        description: 'Lists warps, with filters.',
        tags,
        summary: 'Warps by filter, ordered by name',
        errorResponses: [400],
      },
    })
    .input(listWarpsInput)
    .output(warpPage)
    .mutation(({ ctx, input }) => listWarps(ctx.em, input)),
});
