// Item writes. Names are unique case-insensitively; the database's index decides between concurrent creations.
import type { EntityManager } from '@mikro-orm/sql';
import { Item } from '#entities/aurora/item.ts';
import { AppError } from '#src/errors.ts';
import type { Upload } from '#src/uploads.ts';
import { db, type Stored } from '../../shared/database.ts';
import { expectTouched, givenFields, translateViolations } from '#src/database/queries.ts';
import { itemNotFound } from '../errors.ts';
import type { ImageCall } from './images/image-call.ts';
import type { ImageExtension } from './images/image-rule.ts';
import { toItem } from './queries.ts';
import type { ItemFields, ItemResponse, UpdateItemInput } from './schemas.ts';

export function duplicateName(name: string | undefined): AppError {
  return AppError.explained('already_exists', 'Item name already exists', `an item named '${name}' exists`);
}

function rethrowDuplicate<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  return translateViolations(write, { items_name_key: () => duplicateName(name) });
}

function createItem(em: EntityManager, fields: ItemFields, now: Date): Promise<ItemResponse> {
  return rethrowDuplicate(fields.name, async () => {
    const item = em.create(Item, { ...fields, createdAt: now, updatedAt: now });
    await em.flush();
    return toItem(item);
  });
}

/** Changes the given fields in one statement, which also tells whether the item exists. */
function changeItem(em: EntityManager, id: number, changes: Partial<Stored<typeof Item>>, name?: string) {
  return rethrowDuplicate(name, async () => {
    const row = await db(em).updateTable('Item').set(changes).where('id', '=', id).returningAll().executeTakeFirst();
    if (!row) throw itemNotFound(id);
    return toItem(row);
  });
}

export async function updateItem(em: EntityManager, input: UpdateItemInput, now: Date) {
  const { id, ...fields } = input;
  const changes = { ...givenFields(fields), updatedAt: now };
  return { success: true as const, item: await changeItem(em, id, changes, fields.name) };
}

/**
 * Stores the upload as the image of the item `itemIdOf` names, and points its icon and image at it, in one
 * transaction: the row and its image commit or roll back together.
 */
function writeWithImage(
  em: EntityManager,
  upload: Upload<ImageExtension>,
  call: ImageCall,
  now: Date,
  itemIdOf: (tx: EntityManager) => Promise<number>,
): Promise<ItemResponse> {
  const { images } = call;
  return em.transactional(async (tx) => {
    const id = await itemIdOf(tx);
    const url = images.urlFor(id, upload.extension);
    const item = await changeItem(tx, id, { iconUrl: url, imageUrl: url, updatedAt: now });
    await images.write(tx, id, upload, call.transaction);
    return item;
  });
}

/** Creates the item, with its image when one was uploaded. */
export async function createItemWithImage(em: EntityManager, fields: ItemFields, call: ImageCall, now: Date) {
  const { upload } = call;
  const item = upload
    ? await writeWithImage(em, upload, call, now, async (tx) => (await createItem(tx, fields, now)).id)
    : await createItem(em, fields, now);
  return { success: true as const, item };
}

/** Replaces the item's image, whatever type the old one had. */
export async function replaceImage(em: EntityManager, id: number, call: ImageCall, now: Date) {
  if (!call.upload)
    throw AppError.explained('validation_error', 'An image is required', "send it as the multipart field 'image'");
  return { success: true as const, item: await writeWithImage(em, call.upload, call, now, async () => id) };
}

/** Deletes the item; its image goes with it (the foreign key cascades), and every cache drops it at the commit. */
export async function deleteItem(em: EntityManager, id: number, call: ImageCall): Promise<void> {
  expectTouched(await em.nativeDelete(Item, { id }), () => itemNotFound(id));
  await call.images.changedIn(em, call.transaction);
}
