// What a procedure that writes item images is given, instead of the whole call context: the image the REST adapter
// received for it (if any), the image store, and the call's transaction, at whose commit the caches drop the old one.
import type { TransactionHooks } from '#src/trpc/transaction-hooks.ts';
import type { Upload } from '#src/uploads.ts';
import { auroraProcedure } from '../../procedure.ts';
import type { ImageExtension } from './image-rule.ts';
import type { ItemImages } from './store.ts';

export interface ImageCall {
  /** Held to ITEM_IMAGE by the REST adapter, so its extension is an image type. */
  upload: Upload<ImageExtension> | null;
  images: ItemImages;
  transaction: TransactionHooks;
}

/** Aurora's procedure for the routes that take an item image (declared by `upload: ITEM_IMAGE` on their route). */
export const imageProcedure = auroraProcedure.use(({ ctx, next }) => {
  const image: ImageCall = {
    upload: ctx.upload as Upload<ImageExtension> | null,
    images: ctx.services.domain.itemImages,
    transaction: ctx.transaction,
  };
  return next({ ctx: { image } });
});
