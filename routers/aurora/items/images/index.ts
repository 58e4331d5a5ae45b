// Item images as one module: the store in the database, the /assets route that serves them with a cache every
// instance empties when an image changes or an admin clears the caches (after images were changed in SQL or
// restored, say), and the one-time import of the images older servers kept on disk.
import type { Router } from 'express';
import type { DomainStart } from '#src/domain.ts';
import { assetsRoute } from './assets-route.ts';
import { importDiskImages } from './disk-import.ts';
import { ImageCache } from './image-cache.ts';
import { IMAGES_CHANGED, ItemImages } from './store.ts';

export async function startItemImages({
  orm,
  dataDir,
  log,
  onSignal,
  onClearCaches,
  signalIn,
  assetCacheBytes,
}: DomainStart): Promise<{ images: ItemImages; route: Router }> {
  await importDiskImages(orm.em.fork(), dataDir, log);
  const images = new ItemImages(new ImageCache(assetCacheBytes), () => orm.em.fork(), signalIn);
  onSignal(IMAGES_CHANGED, () => images.dropCache());
  onClearCaches(() => images.dropCache());
  return { images, route: assetsRoute(images) };
}
