// HubGW kits: POST /kits/claim, and kit definitions as data (PUT /kits/, GET /kits/, DELETE /kits/{name}).
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { noInput, noContent } from '../../shared/schemas.ts';
import { claimKitInput, kit, kitClaimed, kitList, kitNameInput, upsertKitInput } from './schemas.ts';
import { listKits } from './queries.ts';
import { claimKit, deleteKit, upsertKit } from './service.ts';

const tags = ['hubgw: kits'];

export const kitsRouter = router({
  claim: hubgwProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/v1/kits/claim',
        tags,
        summary: 'Hand a kit to a player',
        description:
          "Gives a kit to a player, and starts the kit's cooldown (type `kit|<kit name in lower case>`). During it: 400 cooldown_active with details.cooldown_remaining and details.expires_at.",
        errorResponses: [400, 404],
      },
    })
    .input(claimKitInput)
    .output(kitClaimed)
    .mutation(({ ctx, input }) => claimKit(ctx.em, input.player_uuid, input.kit_name, ctx.now())),

  upsert: hubgwProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/v1/kits/',
        description: 'Extension: creates or replaces a kit definition (kits are data).',
        tags,
        summary: 'Create or replace a kit definition',
        errorResponses: [400],
      },
    })
    .input(upsertKitInput)
    .output(kit)
    .mutation(({ ctx, input }) => upsertKit(ctx.em, input, ctx.now())),

  list: hubgwProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/v1/kits/',
        description: 'Extension: lists the kit definitions.',
        tags,
        summary: 'All kit definitions',
      },
    })
    .input(noInput)
    .output(kitList)
    .query(({ ctx }) => listKits(ctx.em)),

  delete: hubgwProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api/v1/kits/{name}',
        description: 'Extension: deletes a kit definition.',
        tags,
        summary: 'Delete a kit definition',
        errorResponses: [400, 404],
      },
      status: 204,
    })
    .input(kitNameInput)
    .output(noContent)
    .mutation(({ ctx, input }) => deleteKit(ctx.em, input.name)),
});
