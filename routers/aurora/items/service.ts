// Item writes. Names are unique case-insensitively; the database's index decides between concurrent creations.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import type { ItemAssets, StagedImage, Upload } from '#src/item-assets.ts';
import type { TransactionHooks } from '#src/trpc/transaction-hooks.ts';
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
        fields.name,
        fields.description ?? null,
        fields.type,
        fields.rarity,
        fields.price,
        fields.iconUrl ?? null,
        fields.imageUrl ?? null,
        fields.usageData == null ? null : JSON.stringify(fields.usageData),
        now,
        now,
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
  const values = given.map((field) =>
    field === 'usageData' && input.usageData !== null ? JSON.stringify(input.usageData) : input[field],
  );
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
async function pointAtImage(
  em: EntityManager,
  id: number,
  url: string,
  token: string,
  now: Date,
): Promise<ItemResponse> {
  const rows = await em.execute<ItemResponse[]>(
    `update aurora.items set icon_url = ?, image_url = ?, image_token = ?, updated_at = ? where id = ? returning ${ITEM_COLUMNS}`,
    [url, url, token, now, id],
  );
  if (!rows[0]) throw new AppError('not_found', 'Item not found');
  return rows[0];
}

/**
 * Stages the upload for the item `itemIdOf` names inside the transaction that points the row at it, and installs it
 * once the call's transaction has committed (`hooks`). A rolled-back transaction removes its staged file; a crash
 * leaves it for the next start to settle by the token the row does or does not hold.
 */
async function writeWithImage(
  em: EntityManager,
  upload: Upload,
  assets: ItemAssets,
  hooks: TransactionHooks,
  now: Date,
  itemIdOf: (tx: EntityManager) => Promise<number>,
): Promise<ItemResponse> {
  return em.transactional(async (tx) => {
    const id = await itemIdOf(tx);
    // Held until the image is installed or discarded, so two uploads for one item install in commit order.
    const release = await assets.lock(id);
    let staged: StagedImage;
    try {
      staged = await assets.stage(upload, id);
    } catch (error) {
      release();
      throw error;
    }
    hooks.onCommit(() => assets.install(staged).finally(release));
    hooks.onRollback(() => assets.discard(staged.path).finally(release));
    return pointAtImage(tx, id, assets.urlFor(id, upload.extension), staged.token, now);
  });
}

/** Creates the item, with its image when one was uploaded. */
export function createItemWithImage(
  em: EntityManager,
  fields: ItemFields,
  upload: Upload | null,
  assets: ItemAssets,
  hooks: TransactionHooks,
  now: Date,
): Promise<ItemResponse> {
  if (!upload) return createItem(em, fields, now);
  return writeWithImage(em, upload, assets, hooks, now, async (tx) => (await createItem(tx, fields, now)).id);
}

/** Replaces the item's image; the old file of another type is removed once the new one is in place. */
export function replaceImage(
  em: EntityManager,
  id: number,
  upload: Upload | null,
  assets: ItemAssets,
  hooks: TransactionHooks,
  now: Date,
): Promise<ItemResponse> {
  if (!upload)
    throw new AppError('validation_error', 'An image is required', {
      reason: "send it as the multipart field 'image'",
    });
  return writeWithImage(em, upload, assets, hooks, now, async () => id);
}

/** Deletes the item; its image files go once the deletion has committed. */
export async function deleteItem(
  em: EntityManager,
  id: number,
  assets: ItemAssets,
  hooks: TransactionHooks,
): Promise<void> {
  const result = await em.execute<QueryResult>('delete from aurora.items where id = ?', [id], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', 'Item not found');
  hooks.onCommit(() => assets.remove(id));
}
