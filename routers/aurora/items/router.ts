// Aurora items: list, get, create, update, delete.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { imageProcedure } from './images/image-call.ts';
import { ITEM_IMAGE } from './images/image-rule.ts';
import { noContent } from '../../shared/schemas.ts';
import { getItem, listItems } from './queries.ts';
import { item, itemFields, itemIdInput, itemList, itemResult, listItemsInput, updateItemInput } from './schemas.ts';
import { createItemWithImage, deleteItem, replaceImage, updateItem } from './service.ts';
import { itemsExamples } from './examples.ts';

const route = restRoutes('aurora: items');

export const itemsRouter = router({
  list: auroraProcedure
    .meta(
      route('GET /api/items', 'Items, filtered', {
        example: itemsExamples.list,
        errors: [400],
        description: 'search matches name and description, case-insensitively.',
      }),
    )
    .input(listItemsInput)
    .output(itemList)
    .query(({ ctx, input }) => listItems(ctx.em, input)),

  get: auroraProcedure
    .meta(route('GET /api/items/{id}', 'One item', { example: itemsExamples.get, errors: [400, 404] }))
    .input(itemIdInput)
    .output(item)
    .query(({ ctx, input }) => getItem(ctx.em, input.id)),

  create: announced(
    imageProcedure
      .meta(
        route('POST /api/items', 'Create an item', {
          example: itemsExamples.create,
          status: 201,
          errors: [400, 409],
          contentTypes: ['application/json', 'multipart/form-data'],
          upload: ITEM_IMAGE,
          description:
            'JSON, or multipart/form-data with `data` (the JSON fields) and `image` (PNG, JPEG, WebP or GIF, at most 15 MB, checked from its bytes). An uploaded image is served at /assets/items/<id>.<ext>, and iconUrl and imageUrl point to it.',
        }),
      )
      .input(itemFields)
      .output(itemResult)
      .mutation(({ ctx, input }) => createItemWithImage(ctx.em, input, ctx.image, ctx.now())),
  ),

  uploadIcon: announced(
    imageProcedure
      .meta(
        route('POST /api/items/{id}/icon', "Upload or replace an item's image (multipart field `image`)", {
          example: itemsExamples.uploadIcon,
          errors: [400, 404],
          contentTypes: ['multipart/form-data'],
          upload: ITEM_IMAGE,
        }),
      )
      .input(itemIdInput)
      .output(itemResult)
      .mutation(({ ctx, input }) => replaceImage(ctx.em, input.id, ctx.image, ctx.now())),
  ),

  update: announced(
    auroraProcedure
      .meta(
        route('PUT /api/items/{id}', 'Change given fields of an item', {
          example: itemsExamples.update,
          errors: [400, 404, 409],
          description: 'Updates an existing item: the fields given, as GET returns them.',
        }),
      )
      .input(updateItemInput)
      .output(itemResult)
      .mutation(({ ctx, input }) => updateItem(ctx.em, input, ctx.now())),
  ),

  delete: announced(
    imageProcedure
      .meta(
        route('DELETE /api/items/{id}', 'Delete an item and its image', {
          example: itemsExamples.delete,
          status: 204,
          errors: [400, 404],
        }),
      )
      .input(itemIdInput)
      .output(noContent)
      .mutation(({ ctx, input }) => deleteItem(ctx.em, input.id, ctx.image)),
  ),
});
