// The hot item images one instance keeps: bounded in bytes, never holding an image larger than the whole cache, and
// never putting back an image that a read fetched before a change dropped the cache.
import { expect, it } from 'vitest';
import { ImageCache } from '#routers/aurora/items/images/image-cache.ts';
import type { StoredImage } from '#routers/aurora/items/images/image-cache.ts';

function image(size: number): StoredImage {
  return { extension: 'png', contentType: 'image/png', bytes: Buffer.alloc(size), size, etag: `"${size}"` };
}

it('keeps images up to its size in bytes, dropping the least recently used first', () => {
  const cache = new ImageCache(1000);
  cache.keep(1, image(400), cache.generation());
  cache.keep(2, image(400), cache.generation());
  cache.get(1);
  cache.keep(3, image(400), cache.generation());
  expect([cache.get(1)?.size, cache.get(2), cache.get(3)?.size]).toEqual([400, undefined, 400]);
});

it('serves an image larger than the whole cache without keeping it, and keeps nothing at size 0', () => {
  const cache = new ImageCache(1000);
  cache.keep(1, image(1001), cache.generation());
  expect(cache.get(1)).toBeUndefined();
  const none = new ImageCache(0);
  none.keep(1, image(1), none.generation());
  expect(none.get(1)).toBeUndefined();
});

it('does not keep what a read begun before a drop fetched: it may be the image the change replaced', () => {
  const cache = new ImageCache(1000);
  const readAt = cache.generation();
  cache.clear();
  cache.keep(1, image(10), readAt);
  expect(cache.get(1)).toBeUndefined();
  cache.keep(1, image(10), cache.generation());
  expect(cache.get(1)?.size).toBe(10);
});
