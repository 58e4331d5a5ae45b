// Files the REST adapter receives: streamed to a temporary file under `<DATA_DIR>/uploads` (so a 15 MB upload never
// waits in memory while it arrives), held to their route's rule, and handed to the procedure, which reads what it
// keeps; the file is removed after the call, whatever its outcome.
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * What a route takes as its one uploaded file: the multipart field it comes in, its largest size, and its type,
 * read from its first bytes by the route's own rule, never from its name or declared type.
 */
export interface UploadRule<Extension extends string = string> {
  /** What the file is, in the refusals' words: `image`. */
  noun: string;
  field: string;
  maxBytes: number;
  /** How many of the first bytes `typeOf` reads. */
  headBytes: number;
  /** The file's type from its first bytes; null refuses it. */
  typeOf: (head: Buffer) => Extension | null;
  /** What the rule accepts, in words, for the OpenAPI document: `PNG or GIF, at most 1 MB`. */
  described: string;
  /** The refusals' messages: a file past `maxBytes`, and one whose bytes `typeOf` refuses. */
  tooLarge: string;
  wrongType: string;
}

/** A file the REST adapter received and checked; only the adapter can put one in a procedure's context. */
export interface Upload<Extension extends string = string> {
  tempPath: string;
  /** The type its rule read from its bytes. */
  extension: Extension;
  size: number;
}

/** The folder received files wait in until their call ends. */
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

  /** Removes a received file once its call has ended. */
  async discard(path: string): Promise<void> {
    await rm(path, { force: true });
  }
}
