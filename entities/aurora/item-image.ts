// An item's uploaded image: its bytes, the type read from them, and a strong ETag of them. Written in the item's own
// transaction, so a row and its image commit or roll back together, and it goes with its item.
import { defineEntity, p } from '@mikro-orm/core';
import { Item } from './item.ts';

export const ItemImage = defineEntity({
  name: 'ItemImage',
  schema: 'aurora',
  tableName: 'item_images',
  properties: {
    item: () => p.oneToOne(Item).owner().primary().deleteRule('cascade'),
    contentType: p.string().length(32),
    bytes: p.blob(),
    size: p.integer(),
    /** A quoted strong ETag of the bytes: `"<sha256 in base64url>"`. */
    etag: p.string().length(64),
    updatedAt: p.datetime(),
  },
  checks: [{ name: 'item_images_size_check', expression: 'size = octet_length(bytes)' }],
});
