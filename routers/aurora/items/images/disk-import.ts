// Images that servers before the database kept them left under `$DATA_DIR/assets/items`: each one its item's row
// still names, and whose item has no image in the database yet, is imported at a start. The files are left alone
// (the README says how to remove them), and a second start imports nothing again.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { EntityManager } from '@mikro-orm/sql';
import type { Logger } from '#src/logger.ts';
import { db } from '../../../shared/database.ts';
import { sniffImage, IMAGE_TYPES } from './image-rule.ts';
import { parseAssetName, strongEtag } from './store.ts';

/** Where servers before the database kept item images. */
export function legacyImageDir(dataDir: string): string {
  return join(dataDir, 'assets', 'items');
}

async function imageFiles(dir: string): Promise<{ itemId: number; name: string }[]> {
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [];
    throw error;
  });
  return names.flatMap((name) => {
    const asset = parseAssetName(name);
    return asset ? [{ itemId: asset.itemId, name }] : [];
  });
}

export async function importDiskImages(em: EntityManager, dataDir: string, log: Logger): Promise<void> {
  const dir = legacyImageDir(dataDir);
  const files = await imageFiles(dir);
  if (files.length === 0) return;
  const waiting = await db(em)
    .selectFrom('Item')
    .leftJoin('ItemImage', 'ItemImage.item', 'Item.id')
    .select(['Item.id', 'Item.imageUrl'])
    .where('Item.id', 'in', [...new Set(files.map((file) => file.itemId))])
    .where('ItemImage.item', 'is', null)
    .execute();
  const named = new Map(waiting.map((item) => [item.id, item.imageUrl]));
  let imported = 0;
  for (const { itemId, name } of files) {
    if (named.get(itemId) !== `/assets/items/${name}`) continue;
    const bytes = await readFile(join(dir, name));
    const extension = sniffImage(bytes.subarray(0, 12));
    if (extension === null || !name.endsWith(`.${extension}`)) continue;
    const { numInsertedOrUpdatedRows } = await db(em)
      .insertInto('ItemImage')
      .values({
        item: itemId,
        contentType: IMAGE_TYPES[extension],
        bytes,
        size: bytes.length,
        etag: strongEtag(bytes),
        updatedAt: new Date(),
      })
      // Another instance importing the same folder at the same start.
      .onConflict((conflict) => conflict.column('item').doNothing())
      .executeTakeFirstOrThrow();
    if (numInsertedOrUpdatedRows) imported++;
  }
  if (imported > 0) log.info({ imported, dir }, 'imported item images from disk into the database');
}
