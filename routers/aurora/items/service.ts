// Item writes. Names are unique case-insensitively; the database's index decides between concurrent creations.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import type { ItemAssets, Upload } from '#src/item-assets.ts';
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

/** Points the item's icon and image at its uploaded file. */
async function pointAtImage(em: EntityManager, id: number, url: string, now: Date): Promise<ItemResponse> {
  const rows = await em.execute<ItemResponse[]>(
    `update aurora.items set icon_url = ?, image_url = ?, updated_at = ? where id = ? returning ${ITEM_COLUMNS}`,
    [url, url, now, id],
  );
  if (!rows[0]) throw new AppError('not_found', 'Item not found');
  return rows[0];
}

/** Creates the item, with its image when one was uploaded; the file moves into place only after the commit. */
export async function createItemWithImage(em: EntityManager, fields: ItemFields, upload: Upload | null, assets: ItemAssets, now: Date): Promise<ItemResponse> {
  const item = await em.transactional(async (tx) => {
    const created = await createItem(tx, fields, now);
    return upload ? pointAtImage(tx, created.id, assets.urlFor(created.id, upload.extension), now) : created;
  });
  if (upload) await assets.install(upload, item.id);
  return item;
}

/** Replaces the item's image; the old file of another type is removed once the new one is in place. */
export async function replaceImage(em: EntityManager, id: number, upload: Upload | null, assets: ItemAssets, now: Date): Promise<ItemResponse> {
  if (!upload) throw new AppError('validation_error', 'An image is required', { reason: "send it as the multipart field 'image'" });
  const item = await pointAtImage(em, id, assets.urlFor(id, upload.extension), now);
  await assets.install(upload, id);
  return item;
}

export async function deleteItem(em: EntityManager, id: number, assets: ItemAssets): Promise<void> {
  const result = await em.execute<QueryResult>('delete from aurora.items where id = ?', [id], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', 'Item not found');
  await assets.remove(id);
}
