// Aurora items: list, get, create, update, delete.
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noContent } from '../../shared/schemas.ts';
import { getItem, listItems } from './queries.ts';
import { item, itemFields, itemIdInput, itemList, itemResult, listItemsInput, updateItemInput } from './schemas.ts';
import { createItemWithImage, deleteItem, replaceImage, updateItem } from './service.ts';

const tags = ['aurora: items'];

export const itemsRouter = router({
  list: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/items',
        tags,
        summary: 'Items, filtered',
        description: 'search matches name and description, case-insensitively.',
        errorResponses: [400],
      },
    })
    .input(listItemsInput)
    .output(itemList)
    .query(({ ctx, input }) => listItems(ctx.em, input)),

  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/items/{id}',
        description: 'Gets one item by id.',
        tags,
        summary: 'One item',
        errorResponses: [400, 404],
      },
    })
    .input(itemIdInput)
    .output(item)
    .query(({ ctx, input }) => getItem(ctx.em, input.id)),

  create: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/items',
        tags,
        summary: 'Create an item',
        description:
          'JSON, or multipart/form-data with `data` (the JSON fields) and `image` (PNG, JPEG, WebP or GIF, at most 15 MB, checked from its bytes). An uploaded image is served at /assets/items/<id>.<ext>, and iconUrl and imageUrl point to it.',
        contentTypes: ['application/json', 'multipart/form-data'],
        errorResponses: [400, 409],
      },
      status: 201,
    })
    .input(itemFields)
    .output(itemResult)
    .mutation(({ ctx, input }) => createItemWithImage(ctx.em, input, ctx, ctx.now())),

  uploadIcon: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/items/{id}/icon',
        description: "Uploads or replaces an item's image, sent as the multipart/form-data field `image`.",
        tags,
        summary: "Upload or replace an item's image (multipart field `image`)",
        contentTypes: ['multipart/form-data'],
        errorResponses: [400, 404],
      },
    })
    .input(itemIdInput)
    .output(itemResult)
    .mutation(({ ctx, input }) => replaceImage(ctx.em, input.id, ctx, ctx.now())),

  update: auroraProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/items/{id}',
        description: 'Updates an existing item: the fields given, as GET returns them.',
        tags,
        summary: 'Change given fields of an item',
        errorResponses: [400, 404, 409],
      },
    })
    .input(updateItemInput)
    .output(itemResult)
    .mutation(({ ctx, input }) => updateItem(ctx.em, input, ctx.now())),

  delete: auroraProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api/items/{id}',
        description: 'Deletes an item and its uploaded image.',
        tags,
        summary: 'Delete an item and its image',
        errorResponses: [400, 404],
      },
      status: 204,
    })
    .input(itemIdInput)
    .output(noContent)
    .mutation(({ ctx, input }) => deleteItem(ctx.em, input.id, ctx)),
});
