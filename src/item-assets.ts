// Item images on disk: `<DATA_DIR>/assets/items/<id>.<ext>`. Uploads land under a temporary name first and are
// renamed into place only once the row that points at them has committed.
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
export const ASSET_NAME = /^(\d{1,10})\.(png|jpg|webp|gif)$/;

export class ItemAssets {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'assets', 'items');
  }

  /** Creates the folder and removes uploads a crash left half-done. */
  async prepare(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    await Promise.all(names.filter((name) => name.startsWith(TEMP_PREFIX)).map((name) => rm(join(this.dir, name), { force: true })));
  }

  tempPath(): string {
    return join(this.dir, `${TEMP_PREFIX}${randomUUID()}`);
  }

  urlFor(itemId: number, extension: ImageExtension): string {
    return `/assets/items/${itemId}.${extension}`;
  }

  /** Moves a committed upload into place, removing the item's image of any other type. */
  async install(upload: Upload, itemId: number): Promise<void> {
    await rename(upload.tempPath, join(this.dir, `${itemId}.${upload.extension}`));
    await this.remove(itemId, upload.extension);
  }

  async remove(itemId: number, keep?: ImageExtension): Promise<void> {
    const others = (Object.keys(IMAGE_TYPES) as ImageExtension[]).filter((extension) => extension !== keep);
    await Promise.all(others.map((extension) => rm(join(this.dir, `${itemId}.${extension}`), { force: true })));
  }

  /** Removes an upload that will not be installed; harmless once it has been. */
  async discard(tempPath: string): Promise<void> {
    await rm(tempPath, { force: true });
  }
}

/** The image type from the file's first bytes, whatever its name or declared type says. */
export function sniffImage(head: Buffer): ImageExtension | null {
  if (head.length >= 8 && head.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'jpg';
  if (head.length >= 6 && ['GIF87a', 'GIF89a'].includes(head.subarray(0, 6).toString('latin1'))) return 'gif';
  if (head.length >= 12 && head.subarray(0, 4).toString('latin1') === 'RIFF' && head.subarray(8, 12).toString('latin1') === 'WEBP') return 'webp';
  return null;
}
