// Item writes. Names are unique case-insensitively; the database's index decides between concurrent creations.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import type { ItemAssets, StagedImage, Upload } from '#src/item-assets.ts';
import { translateViolations } from '../../shared/sql.ts';
import { ITEM_COLUMNS } from './queries.ts';
import type { ItemFields, ItemResponse, UpdateItemInput } from './schemas.ts';

function duplicateName(name: string | undefined): AppError {
  return new AppError('already_exists', 'Item name already exists', { reason: `an item named '${name}' exists` });
}

function rethrowDuplicate<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  return translateViolations(write, { items_name_key: () => duplicateName(name) });
}

export function createItem(em: EntityManager, fields: ItemFields, now: Date): Promise<ItemResponse> {
  return rethrowDuplicate(fields.name, async () => {
    const rows = await em.execute<ItemResponse[]>(
      `insert into aurora.items (name, description, type, rarity, price, icon_url, image_url, usage_data, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${ITEM_COLUMNS}`,
      [
        fields.name, fields.description ?? null, fields.type, fields.rarity, fields.price, fields.iconUrl ?? null, fields.imageUrl ?? null,
        fields.usageData == null ? null : JSON.stringify(fields.usageData), now, now,
      ],
    );
    return rows[0]!;
  });
}

const COLUMNS = {
  name: 'name',
  description: 'description',
  type: 'type',
  rarity: 'rarity',
  price: 'price',
  iconUrl: 'icon_url',
  imageUrl: 'image_url',
  usageData: 'usage_data',
} as const;

export function updateItem(em: EntityManager, input: UpdateItemInput, now: Date): Promise<ItemResponse> {
  const given = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((field) => input[field] !== undefined);
  const values = given.map((field) => (field === 'usageData' && input.usageData !== null ? JSON.stringify(input.usageData) : input[field]));
  return rethrowDuplicate(input.name, async () => {
    const rows = await em.execute<ItemResponse[]>(
      `update aurora.items set ${[...given.map((field) => `${COLUMNS[field]} = ?`), 'updated_at = ?'].join(', ')}
       where id = ? returning ${ITEM_COLUMNS}`,
      [...values, now, input.id],
    );
    if (!rows[0]) throw new AppError('not_found', 'Item not found');
    return rows[0];
  });
}

/** Points the item's icon and image at its uploaded file, and records which staged upload that is. */
async function pointAtImage(em: EntityManager, id: number, url: string, token: string, now: Date): Promise<ItemResponse> {
  const rows = await em.execute<ItemResponse[]>(
    `update aurora.items set icon_url = ?, image_url = ?, image_token = ?, updated_at = ? where id = ? returning ${ITEM_COLUMNS}`,
    [url, url, token, now, id],
  );
  if (!rows[0]) throw new AppError('not_found', 'Item not found');
  return rows[0];
}

/**
 * Stages the upload for the item `itemIdOf` names inside the transaction that points the row at it, and installs it
 * once that has committed. A failed transaction removes its staged file; a crash leaves it for the next start to settle.
 */
async function writeWithImage(em: EntityManager, upload: Upload, assets: ItemAssets, now: Date, itemIdOf: (tx: EntityManager) => Promise<number>): Promise<ItemResponse> {
  let release: (() => void) | undefined;
  let staged: StagedImage | undefined;
  let committed = false;
  try {
    const item = await em.transactional(async (tx) => {
      const id = await itemIdOf(tx);
      release = await assets.lock(id);
      staged = await assets.stage(upload, id);
      return pointAtImage(tx, id, assets.urlFor(id, upload.extension), staged.token, now);
    });
    committed = true;
    await assets.install(staged!);
    return item;
  } catch (error) {
    if (staged && !committed) await assets.discard(staged.path);
    throw error;
  } finally {
    release?.();
  }
}

/** Creates the item, with its image when one was uploaded. */
export function createItemWithImage(em: EntityManager, fields: ItemFields, upload: Upload | null, assets: ItemAssets, now: Date): Promise<ItemResponse> {
  if (!upload) return createItem(em, fields, now);
  return writeWithImage(em, upload, assets, now, async (tx) => (await createItem(tx, fields, now)).id);
}

/** Replaces the item's image; the old file of another type is removed once the new one is in place. */
export function replaceImage(em: EntityManager, id: number, upload: Upload | null, assets: ItemAssets, now: Date): Promise<ItemResponse> {
  if (!upload) throw new AppError('validation_error', 'An image is required', { reason: "send it as the multipart field 'image'" });
  return writeWithImage(em, upload, assets, now, async () => id);
}

export async function deleteItem(em: EntityManager, id: number, assets: ItemAssets): Promise<void> {
  const result = await em.execute<QueryResult>('delete from aurora.items where id = ?', [id], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', 'Item not found');
  await assets.remove(id);
}
