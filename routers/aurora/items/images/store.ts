// Item images on disk: `<DATA_DIR>/assets/items/<id>.<ext>`. A received upload is staged next to its final place
// inside the transaction of the row that points at it, and takes its final name once that has committed.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Upload } from '#src/uploads.ts';
import { IMAGE_TYPES, type ImageExtension } from './image-rule.ts';

declare module '#src/trpc/context.ts' {
  interface DomainServices {
    itemImages: ItemImages;
  }
}

const PENDING = /^\.pending-(\d{1,10})-([0-9a-f-]{36})\.(png|jpg|webp|gif)$/;
export const ASSET_NAME = /^(\d{1,10})\.(png|jpg|webp|gif)$/;

/** An upload renamed next to its final place inside the item's transaction, waiting for the commit. */
export interface StagedImage {
  itemId: number;
  token: string;
  extension: ImageExtension;
  path: string;
}

/** What an item's committed row says of its image: the upload token it recorded, and the URLs it points at. */
export interface CommittedImage {
  token: string | null;
  urls: (string | null)[];
}

/**
 * The committed rows of the given items (an item without a row is missing): how a restart tells staged files that
 * committed from those that did not, and images a row names from leftovers.
 */
export type CommittedImages = (itemIds: number[]) => Promise<Map<number, CommittedImage>>;

/**
 * Image writes go: received upload → staged `.pending-<id>-<token>.<ext>` (inside the item's transaction, which
 * records the token) → `<id>.<ext>` after the commit → the item's image of another type removed. A crash at any
 * point leaves an upload, a staged file whose token the row does or does not hold, or an `<id>.<ext>` the row no
 * longer names (the old type of a replaced image, the image of a deleted item), and `prepare` finishes or removes
 * each: a row never points at a missing file, and neither an uncommitted upload nor a replaced image shows.
 */
export class ItemImages {
  readonly dir: string;
  readonly #locks = new Map<number, Promise<void>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'assets', 'items');
  }

  /** Creates the folder and settles staged images and leftover ones by their rows. */
  async prepare(committedImages: CommittedImages): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    const staged = names.flatMap((name) => {
      const match = PENDING.exec(name);
      return match
        ? [
            {
              itemId: Number(match[1]),
              token: match[2]!,
              extension: match[3] as ImageExtension,
              path: join(this.dir, name),
            },
          ]
        : [];
    });
    const installed = names.flatMap((name) => {
      const match = ASSET_NAME.exec(name);
      return match
        ? [{ itemId: Number(match[1]), extension: match[2] as ImageExtension, path: join(this.dir, name) }]
        : [];
    });
    if (staged.length === 0 && installed.length === 0) return;
    const rows = await committedImages([...new Set([...staged, ...installed].map((image) => image.itemId))]);
    for (const image of staged) {
      if (rows.get(image.itemId)?.token === image.token) await this.install(image);
      else await rm(image.path, { force: true });
    }
    for (const image of installed) {
      if (!rows.get(image.itemId)?.urls.includes(this.urlFor(image.itemId, image.extension)))
        await rm(image.path, { force: true });
    }
  }

  urlFor(itemId: number, extension: ImageExtension): string {
    return `/assets/items/${itemId}.${extension}`;
  }

  /**
   * Holds the item's image lock until the returned release is called, so two uploads for one item install in the
   * order they committed.
   */
  async lock(itemId: number): Promise<() => void> {
    const previous = this.#locks.get(itemId) ?? Promise.resolve();
    let release!: () => void;
    const current = new Promise<void>((resolve) => (release = resolve));
    const chained = previous.then(() => current);
    this.#locks.set(itemId, chained);
    await previous;
    return () => {
      release();
      if (this.#locks.get(itemId) === chained) this.#locks.delete(itemId);
    };
  }

  /** Moves a received upload next to its final place, under a token the item's row must record in the same transaction. */
  async stage(upload: Upload<ImageExtension>, itemId: number): Promise<StagedImage> {
    const token = randomUUID();
    const path = join(this.dir, `.pending-${itemId}-${token}.${upload.extension}`);
    await rename(upload.tempPath, path);
    return { itemId, token, extension: upload.extension, path };
  }

  /** Puts a committed image in place, removing the item's image of any other type. */
  async install(image: StagedImage): Promise<void> {
    await rename(image.path, join(this.dir, `${image.itemId}.${image.extension}`));
    await this.remove(image.itemId, image.extension);
  }

  async remove(itemId: number, keep?: ImageExtension): Promise<void> {
    const others = (Object.keys(IMAGE_TYPES) as ImageExtension[]).filter((extension) => extension !== keep);
    await Promise.all(others.map((extension) => rm(join(this.dir, `${itemId}.${extension}`), { force: true })));
  }

  /** Removes a staged image whose transaction rolled back. */
  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
