// Item images in the database (aurora.item_images): written by the item's own transaction, read for /assets through
// this instance's byte-bounded cache, which every instance empties when an image changes.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { EntityManager } from '@mikro-orm/sql';
import type { TransactionHooks } from '#src/trpc/transaction-hooks.ts';
import type { Upload } from '#src/uploads.ts';
import { db } from '../../../shared/database.ts';
import { serialId } from '../../../shared/schemas.ts';
import type { ImageCache, StoredImage } from './image-cache.ts';
import { IMAGE_TYPES, type ImageExtension } from './image-rule.ts';

declare module '#src/trpc/context.ts' {
  interface DomainServices {
    itemImages: ItemImages;
  }
}

const ASSET_NAME = /^(\d{1,10})\.(png|jpg|webp|gif)$/;

/**
 * An item image's file name, `<id>.<ext>`: its item's id and extension, or null for any other name, an id no item can
 * have included (the items' serial ids are PostgreSQL integers, and a bound value past them fails the query).
 */
export function parseAssetName(name: string): { itemId: number; extension: ImageExtension } | null {
  const match = ASSET_NAME.exec(name);
  const itemId = serialId.safeParse(Number(match?.[1]));
  return match && itemId.success ? { itemId: itemId.data, extension: match[2] as ImageExtension } : null;
}

/** The signal every instance empties its image cache on. */
export const IMAGES_CHANGED = 'item-images-changed';

const EXTENSION_OF: Record<string, ImageExtension> = Object.fromEntries(
  Object.entries(IMAGE_TYPES).map(([extension, type]) => [type, extension as ImageExtension]),
);

/** A quoted strong ETag: the bytes' SHA-256, so equal bytes give equal tags on every instance. */
export function strongEtag(bytes: Buffer): string {
  return `"${createHash('sha256').update(bytes).digest('base64url')}"`;
}

/** PGlite hands bytea back as a Uint8Array, PostgreSQL as a Buffer. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export class ItemImages {
  readonly #cache: ImageCache;
  readonly #read: () => EntityManager;
  readonly #signalIn: (em: EntityManager, name: string) => Promise<void>;

  constructor(
    cache: ImageCache,
    read: () => EntityManager,
    signalIn: (em: EntityManager, name: string) => Promise<void>,
  ) {
    this.#cache = cache;
    this.#read = read;
    this.#signalIn = signalIn;
  }

  urlFor(itemId: number, extension: ImageExtension): string {
    return `/assets/items/${itemId}.${extension}`;
  }

  /** Stores the upload as the item's image, in `tx`'s transaction; every cache drops its images once that commits. */
  async write(tx: EntityManager, itemId: number, upload: Upload<ImageExtension>, hooks: TransactionHooks) {
    const bytes = await readFile(upload.tempPath);
    const image = {
      contentType: IMAGE_TYPES[upload.extension],
      bytes,
      size: bytes.length,
      etag: strongEtag(bytes),
      updatedAt: new Date(),
    };
    await db(tx)
      .insertInto('ItemImage')
      .values({ item: itemId, ...image })
      .onConflict((conflict) => conflict.column('item').doUpdateSet(image))
      .execute();
    await this.changedIn(tx, hooks);
  }

  /** Announces, in `tx`'s transaction, that an image changed or went (with its item, by the foreign key's cascade). */
  async changedIn(tx: EntityManager, hooks: TransactionHooks): Promise<void> {
    hooks.onCommit(async () => this.#cache.clear());
    await this.#signalIn(tx, IMAGES_CHANGED);
  }

  /** Drops every cached image: another instance changed one, or its announcement may have been missed. */
  dropCache(): void {
    this.#cache.clear();
  }

  /** The item's image, from the cache or else the database; null when it has none. */
  async read(itemId: number): Promise<StoredImage | null> {
    const cached = this.#cache.get(itemId);
    if (cached) return cached;
    const readAt = this.#cache.generation();
    const row = await db(this.#read())
      .selectFrom('ItemImage')
      .select(['contentType', 'bytes', 'size', 'etag'])
      .where('item', '=', itemId)
      .executeTakeFirst();
    if (!row) return null;
    const extension = EXTENSION_OF[row.contentType];
    if (!extension) return null;
    const image = { ...row, extension, bytes: asBuffer(row.bytes) };
    this.#cache.keep(itemId, image, readAt);
    return image;
  }
}
