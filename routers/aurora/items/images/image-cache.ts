// The hot item images of this instance, bounded in bytes. Emptied whenever any instance changes an image: changes are
// rare (an admin's upload), so dropping them all costs little and needs no id in the signal.
import { LRUCache } from 'lru-cache';
import type { ImageExtension } from './image-rule.ts';

/** An item's image as the database holds it, and as this cache keeps it. */
export interface StoredImage {
  extension: ImageExtension;
  contentType: string;
  bytes: Buffer;
  size: number;
  etag: string;
}

export class ImageCache {
  readonly #images: LRUCache<number, StoredImage> | null;
  /**
   * Counts the drops, so that a read begun before a drop does not put back the image it replaced: the read then
   * may finish after the change's commit and its signal.
   */
  #generation = 0;

  /** `maxBytes` 0 caches nothing; an image larger than the whole cache is served, never kept. */
  constructor(maxBytes: number) {
    this.#images =
      maxBytes > 0 ? new LRUCache({ maxSize: maxBytes, sizeCalculation: (image) => Math.max(1, image.size) }) : null;
  }

  get(itemId: number): StoredImage | undefined {
    return this.#images?.get(itemId);
  }

  /** The moment a read starts, for `keep` to know whether a drop came since. */
  generation(): number {
    return this.#generation;
  }

  keep(itemId: number, image: StoredImage, readAt: number): void {
    if (readAt === this.#generation) this.#images?.set(itemId, image);
  }

  clear(): void {
    this.#generation++;
    this.#images?.clear();
  }
}
