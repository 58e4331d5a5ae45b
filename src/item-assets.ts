// Item images on disk: `<DATA_DIR>/assets/items/<id>.<ext>`. Uploads land under a temporary name first, are staged
// inside the transaction of the row that points at them, and take their final name once it has committed.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';

export const IMAGE_TYPES = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
  gif: 'image/gif',
} as const;

export type ImageExtension = keyof typeof IMAGE_TYPES;

/** A file the REST adapter received and checked; only the adapter can put one in a procedure's context. */
export interface Upload {
  tempPath: string;
  extension: ImageExtension;
  size: number;
}

const TEMP_PREFIX = '.upload-';
const PENDING = /^\.pending-(\d{1,10})-([0-9a-f-]{36})\.(png|jpg|webp|gif)$/;
export const ASSET_NAME = /^(\d{1,10})\.(png|jpg|webp|gif)$/;

/** An upload renamed next to its final place inside the item's transaction, waiting for the commit. */
export interface StagedImage {
  itemId: number;
  token: string;
  extension: ImageExtension;
  path: string;
}

/** The token each item's committed row expects; how a restart tells staged files that committed from those that did not. */
export type CommittedTokens = (itemIds: number[]) => Promise<Map<number, string | null>>;

/**
 * Image writes go: temporary file → staged `.pending-<id>-<token>.<ext>` (inside the item's transaction, which
 * records the token) → `<id>.<ext>` after the commit. A crash at any point leaves either a temporary file, or a
 * staged one whose token the row does or does not hold, and `prepare` finishes or removes each: a row never points
 * at a missing file, and an uncommitted upload never shows.
 */
export class ItemAssets {
  readonly dir: string;
  readonly #locks = new Map<number, Promise<void>>();

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'assets', 'items');
  }

  /** Creates the folder, removes uploads a crash left half-received, and settles staged ones by their rows. */
  async prepare(committedTokens: CommittedTokens): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    await Promise.all(
      names.filter((name) => name.startsWith(TEMP_PREFIX)).map((name) => rm(join(this.dir, name), { force: true })),
    );
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
    if (staged.length === 0) return;
    const tokens = await committedTokens([...new Set(staged.map((image) => image.itemId))]);
    for (const image of staged) {
      if (tokens.get(image.itemId) === image.token) await this.install(image);
      else await rm(image.path, { force: true });
    }
  }

  tempPath(): string {
    return join(this.dir, `${TEMP_PREFIX}${randomUUID()}`);
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
  async stage(upload: Upload, itemId: number): Promise<StagedImage> {
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

  /** Removes an upload that will not be installed; harmless once it has been moved on. */
  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}

/** The image type from the file's first bytes, whatever its name or declared type says. */
export function sniffImage(head: Buffer): ImageExtension | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (head.length >= 6 && ['GIF87a', 'GIF89a'].includes(head.subarray(0, 6).toString('latin1'))) return 'gif';
  if (
    head.length >= 12 &&
    head.subarray(0, 4).toString('latin1') === 'RIFF' &&
    head.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'webp';
  return null;
}
