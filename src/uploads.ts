// Images the REST adapter receives: streamed to a temporary file under `<DATA_DIR>/uploads`, typed by their bytes,
// and handed to the procedure, which moves the file on or leaves it to be discarded after the call.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
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

/** The folder received files wait in; on the data directory's file system, so moving one on is a rename. */
export class UploadDir {
  readonly dir: string;

  constructor(dataDir: string) {
    this.dir = join(dataDir, 'uploads');
  }

  /** Creates the folder and removes what a crash left half-received. */
  async prepare(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    await Promise.all(names.map((name) => rm(join(this.dir, name), { force: true })));
  }

  tempPath(): string {
    return join(this.dir, randomUUID());
  }

  /** Removes an upload that will not be kept; harmless once it has been moved on. */
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
