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
import type { StagedImage } from './images/store.ts';
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
    const item = em.create(Item, { ...fields, imageToken: null, createdAt: now, updatedAt: now });
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

/** Points the item's icon and image at its uploaded file, and records which staged upload that is. */
function pointAtImage(em: EntityManager, id: number, url: string, token: string, now: Date): Promise<ItemResponse> {
  return changeItem(em, id, { iconUrl: url, imageUrl: url, imageToken: token, updatedAt: now });
}

/**
 * Stages the upload for the item `itemIdOf` names inside the transaction that points the row at it, and installs it
 * once the call's transaction has committed. A rolled-back transaction removes its staged file; a crash leaves it
 * for the next start to settle by the token the row does or does not hold.
 */
async function writeWithImage(
  em: EntityManager,
  upload: Upload<ImageExtension>,
  call: ImageCall,
  now: Date,
  itemIdOf: (tx: EntityManager) => Promise<number>,
): Promise<ItemResponse> {
  const { images } = call;
  return em.transactional(async (tx) => {
    const id = await itemIdOf(tx);
    // Held until the image is installed or discarded, so two uploads for one item install in commit order.
    const release = await images.lock(id);
    let staged: StagedImage;
    try {
      staged = await images.stage(upload, id);
    } catch (error) {
      release();
      throw error;
    }
    call.transaction.onCommit(() => images.install(staged).finally(release));
    call.transaction.onRollback(() => images.discard(staged.path).finally(release));
    return pointAtImage(tx, id, images.urlFor(id, upload.extension), staged.token, now);
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

/** Replaces the item's image; the old file of another type is removed once the new one is in place. */
export async function replaceImage(em: EntityManager, id: number, call: ImageCall, now: Date) {
  if (!call.upload)
    throw AppError.explained('validation_error', 'An image is required', "send it as the multipart field 'image'");
  return { success: true as const, item: await writeWithImage(em, call.upload, call, now, async () => id) };
}

/** Deletes the item; its image files go once the deletion has committed. */
export async function deleteItem(em: EntityManager, id: number, call: ImageCall): Promise<void> {
  expectTouched(await em.nativeDelete(Item, { id }), () => itemNotFound(id));
  call.transaction.onCommit(() => call.images.remove(id));
}
