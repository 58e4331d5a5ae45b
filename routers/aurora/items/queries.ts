// Items as the API shows them.
import type { EntityManager } from '@mikro-orm/sql';
import { containsPattern, countRows, whereOf } from '../../shared/sql.ts';
import { capped } from '../schemas.ts';
import type { ItemResponse, ListItemsInput } from './schemas.ts';

export const ITEM_COLUMNS =
  'id, name, description, type, rarity, price::text as price, icon_url as "iconUrl", image_url as "imageUrl", usage_data as "usageData"';

export async function findItem(em: EntityManager, id: number): Promise<ItemResponse | null> {
  const rows = await em.execute<ItemResponse[]>(`select ${ITEM_COLUMNS} from aurora.items where id = ?`, [id]);
  return rows[0] ?? null;
}

export async function listItems(
  em: EntityManager,
  filter: ListItemsInput,
): Promise<{ items: ItemResponse[]; total: number }> {
  const pattern = filter.search === undefined ? null : containsPattern(filter.search);
  const { where, params } = whereOf([
    pattern === null ? null : [`(name ilike ? escape '\\' or description ilike ? escape '\\')`, pattern, pattern],
    filter.type === undefined ? null : ['type = ?', filter.type],
    filter.rarity === undefined ? null : ['rarity = ?', filter.rarity],
  ]);
  const items = await em.execute<ItemResponse[]>(
    `select ${ITEM_COLUMNS} from aurora.items ${where} order by id limit ? offset ?`,
    [...params, capped(filter.limit), filter.offset],
  );
  return { items, total: await countRows(em, `select count(*) from aurora.items ${where}`, params) };
}

/** The upload token each item's committed row holds, for settling staged images at start. */
export async function committedImageTokens(em: EntityManager, itemIds: number[]): Promise<Map<number, string | null>> {
  const rows = await em.execute<{ id: number; token: string | null }[]>(
    `select id, image_token as token from aurora.items where id in (${itemIds.map(() => '?').join(', ')})`,
    itemIds,
  );
  return new Map(rows.map((row) => [row.id, row.token]));
}
