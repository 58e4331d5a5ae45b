// Item images as one module: the files, the /assets route that serves them, and the start that settles what a
// crash left behind, by what the committed rows hold.
import type { EntityManager } from '@mikro-orm/sql';
import type { Router } from 'express';
import type { DomainStart } from '#src/domain.ts';
import { db } from '../../../shared/database.ts';
import { assetsRoute } from './assets-route.ts';
import { type CommittedImage, ItemImages } from './store.ts';

/** The upload token each item's committed row holds, and the URLs it points at. */
async function committedImages(em: EntityManager, itemIds: number[]): Promise<Map<number, CommittedImage>> {
  const rows = await db(em)
    .selectFrom('Item')
    .select(['id', 'imageToken', 'iconUrl', 'imageUrl'])
    .where('id', 'in', itemIds)
    .execute();
  return new Map(rows.map((row) => [row.id, { token: row.imageToken, urls: [row.iconUrl, row.imageUrl] }]));
}

export async function startItemImages({ orm, dataDir }: DomainStart): Promise<{ images: ItemImages; route: Router }> {
  const images = new ItemImages(dataDir);
  await images.prepare((itemIds) => committedImages(orm.em.fork(), itemIds));
  return { images, route: assetsRoute(images) };
}
