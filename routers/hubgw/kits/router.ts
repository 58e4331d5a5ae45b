// HubGW kits: POST /kits/claim, and kit definitions as data (PUT /kits/, GET /kits/, DELETE /kits/{name}).
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { hubgwProcedure } from '../procedure.ts';
import { noInput, noContent } from '../../shared/schemas.ts';
import { claimKitInput, kit, kitClaimed, kitList, kitNameInput, upsertKitInput } from './schemas.ts';
import { listKits } from './queries.ts';
import { claimKit, deleteKit, upsertKit } from './service.ts';
import { kitsExamples } from './examples.ts';

const route = restRoutes('hubgw: kits');

export const kitsRouter = router({
  claim: hubgwProcedure
    .meta(
      route('POST /api/v1/kits/claim', 'Hand a kit to a player', {
        example: kitsExamples.claim,
        errors: [400, 404],
        description:
          "Gives a kit to a player, and starts the kit's cooldown (type `kit|<kit name in lower case>`). During it: 400 cooldown_active with details.cooldown_remaining and details.expires_at.",
      }),
    )
    .input(claimKitInput)
    .output(kitClaimed)
    .mutation(({ ctx, input }) => claimKit(ctx.em, input.player_uuid, input.kit_name, ctx.now())),

  upsert: hubgwProcedure
    .meta(
      route('PUT /api/v1/kits/', 'Create or replace a kit definition', { example: kitsExamples.upsert, errors: [400] }),
    )
    .input(upsertKitInput)
    .output(kit)
    .mutation(({ ctx, input }) => upsertKit(ctx.em, input, ctx.now())),

  list: hubgwProcedure
    .meta(route('GET /api/v1/kits/', 'All kit definitions', { example: kitsExamples.list }))
    .input(noInput)
    .output(kitList)
    .query(({ ctx }) => listKits(ctx.em)),

  delete: hubgwProcedure
    .meta(
      route('DELETE /api/v1/kits/{name}', 'Delete a kit definition', {
        example: kitsExamples.delete,
        status: 204,
        errors: [400, 404],
      }),
    )
    .input(kitNameInput)
    .output(noContent)
    .mutation(({ ctx, input }) => deleteKit(ctx.em, input.name)),
});
