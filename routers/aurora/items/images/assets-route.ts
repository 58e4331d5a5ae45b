// GET /assets/items/:filename: uploaded item images, cached for a day. Only `<id>.<ext>` names are served, so no
// path outside the images folder can be named, however it is encoded.
import { Router } from 'express';
import { AppError } from '#src/errors.ts';
import { IMAGE_TYPES, type ImageExtension } from './image-rule.ts';
import { ASSET_NAME, type ItemImages } from './store.ts';

export function assetsRoute(images: ItemImages): Router {
  const router = Router();
  router.get('/assets/items/:filename', (req, res, next) => {
    const match = ASSET_NAME.exec(req.params.filename);
    if (!match) return next(new AppError('not_found', 'Asset not found'));
    res.sendFile(
      req.params.filename,
      {
        root: images.dir,
        dotfiles: 'deny',
        headers: {
          'Content-Type': IMAGE_TYPES[match[2] as ImageExtension],
          'Cache-Control': 'public, max-age=86400',
          // Item images are public: any page (a dashboard elsewhere, a wiki) may show one, which helmet's default
          // same-origin policy forbids.
          'Cross-Origin-Resource-Policy': 'cross-origin',
        },
        cacheControl: false,
      },
      (error) => error && next(new AppError('not_found', 'Asset not found')),
    );
  });
  return router;
}
