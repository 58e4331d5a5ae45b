// Item writes. Names are unique case-insensitively; the database's index decides between concurrent creations.
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { ITEM_COLUMNS } from './queries.ts';
import type { ItemFields, ItemResponse, UpdateItemInput } from './schemas.ts';

function duplicateName(name: string | undefined): AppError {
  return new AppError('already_exists', 'Item name already exists', { reason: `an item named '${name}' exists` });
}

async function rethrowDuplicate<T>(name: string | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicateName(name);
    throw error;
  }
}

export function createItem(em: EntityManager, fields: ItemFields, now: Date): Promise<ItemResponse> {
  return rethrowDuplicate(fields.name, async () => {
    const rows = await em.execute<ItemResponse[]>(
      `insert into aurora.items (name, description, type, rarity, price, icon_url, image_url, usage_data, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning ${ITEM_COLUMNS}`,
      [
        fields.name, fields.description ?? null, fields.type, fields.rarity, fields.price, fields.iconUrl ?? null, fields.imageUrl ?? null,
        fields.usageData == null ? null : JSON.stringify(fields.usageData), now, now,
      ],
    );
    return rows[0]!;
  });
}

const COLUMNS = {
  name: 'name',
  description: 'description',
  type: 'type',
  rarity: 'rarity',
  price: 'price',
  iconUrl: 'icon_url',
  imageUrl: 'image_url',
  usageData: 'usage_data',
} as const;

export function updateItem(em: EntityManager, input: UpdateItemInput, now: Date): Promise<ItemResponse> {
  const given = (Object.keys(COLUMNS) as (keyof typeof COLUMNS)[]).filter((field) => input[field] !== undefined);
  const values = given.map((field) => (field === 'usageData' && input.usageData !== null ? JSON.stringify(input.usageData) : input[field]));
  return rethrowDuplicate(input.name, async () => {
    const rows = await em.execute<ItemResponse[]>(
      `update aurora.items set ${[...given.map((field) => `${COLUMNS[field]} = ?`), 'updated_at = ?'].join(', ')}
       where id = ? returning ${ITEM_COLUMNS}`,
      [...values, now, input.id],
    );
    if (!rows[0]) throw new AppError('not_found', 'Item not found');
    return rows[0];
  });
}

export async function deleteItem(em: EntityManager, id: number): Promise<void> {
  const result = await em.execute<QueryResult>('delete from aurora.items where id = ?', [id], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', 'Item not found');
}
