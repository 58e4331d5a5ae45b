// Items as the API shows them.
import type { EntityManager } from '@mikro-orm/sql';
import type { Item } from '#entities/aurora/item.ts';
import { compiledQuery, db, type Param, type Stored } from '../../shared/database.ts';
import { containing, pageWithTotal } from '#src/database/queries.ts';
import { itemNotFound } from '../errors.ts';
import { capped } from '../schemas.ts';
import type { ItemResponse, ListItemsInput, Rarity } from './schemas.ts';

export function toItem(item: Stored<typeof Item>): ItemResponse {
  return {
    id: item.id,
    name: item.name,
    description: item.description ?? null,
    type: item.type,
    rarity: item.rarity as Rarity,
    price: item.price,
    iconUrl: item.iconUrl ?? null,
    imageUrl: item.imageUrl ?? null,
    usageData: item.usageData ?? null,
  };
}

const itemById = compiledQuery((db, param: Param<{ id: number }>) =>
  db.selectFrom('Item').selectAll().where('id', '=', param('id')),
);

export async function getItem(em: EntityManager, id: number): Promise<ItemResponse> {
  const found = await itemById.executeTakeFirst(em, { id });
  if (!found) throw itemNotFound(id);
  return toItem(found);
}

export async function listItems(em: EntityManager, filter: ListItemsInput) {
  const pattern = filter.search === undefined ? null : containing(filter.search);
  const filtered = db(em)
    .selectFrom('Item')
    .$if(pattern !== null, (query) =>
      query.where((where) => where.or([where('name', 'ilike', pattern!), where('description', 'ilike', pattern!)])),
    )
    .$if(filter.type !== undefined, (query) => query.where('type', '=', filter.type!))
    .$if(filter.rarity !== undefined, (query) => query.where('rarity', '=', filter.rarity!));
  const { rows, total } = await pageWithTotal(filtered, (query) =>
    query.selectAll().orderBy('id').limit(capped(filter.limit)).offset(filter.offset),
  );
  return { items: rows.map(toItem), total };
}
