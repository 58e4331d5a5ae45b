// GET /assets/items/:filename: uploaded item images, from the database, cached for a day by clients. Only
// `<id>.<ext>` names are served, and only the extension of the type the item's image has.
import { Router } from 'express';
import { AppError } from '#src/errors.ts';
import { type ItemImages, parseAssetName } from './store.ts';

export function assetsRoute(images: ItemImages): Router {
  const router = Router();
  // express 5 hands a rejected handler's error (a database that cannot read the image) to next, as a thrown one.
  router.get('/assets/items/:filename', async (req, res, next) => {
    const asked = parseAssetName(req.params.filename);
    const image = asked ? await images.read(asked.itemId) : null;
    if (!asked || !image || image.extension !== asked.extension)
      return next(new AppError('not_found', 'Asset not found'));
    res.set({
      'Content-Type': image.contentType,
      'Cache-Control': 'public, max-age=86400',
      ETag: image.etag,
      // Item images are public: any page (a dashboard elsewhere, a wiki) may show one, which helmet's default
      // same-origin policy forbids.
      'Cross-Origin-Resource-Policy': 'cross-origin',
    });
    // express's freshness check: If-None-Match against the ETag just set.
    if (req.fresh) res.status(304).end();
    else res.end(image.bytes);
  });
  return router;
}
