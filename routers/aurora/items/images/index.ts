// Item images as one module: the files, the /assets route that serves them, and the start that settles what a
// crash left staged, by the tokens the committed rows hold.
import type { EntityManager } from '@mikro-orm/sql';
import type { Router } from 'express';
import type { DomainStart } from '#src/domain.ts';
import { db } from '../../../shared/database.ts';
import { assetsRoute } from './assets-route.ts';
import { ItemImages } from './store.ts';

/** The upload token each item's committed row holds. */
async function committedImageTokens(em: EntityManager, itemIds: number[]): Promise<Map<number, string | null>> {
  const rows = await db(em).selectFrom('Item').select(['id', 'imageToken']).where('id', 'in', itemIds).execute();
  return new Map(rows.map((row) => [row.id, row.imageToken]));
}

export async function startItemImages({ orm, dataDir }: DomainStart): Promise<{ images: ItemImages; route: Router }> {
  const images = new ItemImages(dataDir);
  await images.prepare((itemIds) => committedImageTokens(orm.em.fork(), itemIds));
  return { images, route: assetsRoute(images) };
}
