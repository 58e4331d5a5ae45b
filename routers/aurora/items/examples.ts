// The examples of Aurora items: the document's own bodies.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { itemNotFound } from '../errors.ts';
import { ITEM } from '../example-values.ts';
import { duplicateName } from './service.ts';

const { id: _, ...fields } = ITEM;

export const itemsExamples = {
  list: { parameters: { search: 'potion', limit: 100, offset: 0 }, response: { items: [ITEM], total: 1 } },
  get: { parameters: { id: 1 }, response: ITEM, errors: [itemNotFound(1)] },
  create: {
    request: { ...fields, iconUrl: '/assets/items/placeholder.png', imageUrl: '/assets/items/placeholder.png' },
    response: {
      success: true,
      item: { ...ITEM, iconUrl: '/assets/items/placeholder.png', imageUrl: '/assets/items/placeholder.png' },
    },
    errors: [duplicateName(ITEM.name)],
  },
  update: {
    parameters: { id: 1 },
    request: { price: '150', description: 'Restores 50 HP' },
    response: { success: true, item: { ...ITEM, price: '150', description: 'Restores 50 HP' } },
    errors: [itemNotFound(1), duplicateName(ITEM.name)],
  },
  delete: { parameters: { id: 1 }, errors: [itemNotFound(1)] },
  uploadIcon: { parameters: { id: 1 }, response: { success: true, item: ITEM }, errors: [itemNotFound(1)] },
} satisfies Record<string, RouteExample>;
