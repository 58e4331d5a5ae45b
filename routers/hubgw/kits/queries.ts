// Kit definitions as the API shows them.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Kit } from '#entities/hubgw/kit.ts';
import type { AppError } from '#src/errors.ts';
import { db, type Stored } from '../../shared/database.ts';
import type { KitResponse } from './schemas.ts';
import { notFound } from '../errors.ts';

export function toKit(kit: Stored<typeof Kit>): KitResponse {
  return {
    name: kit.name,
    cooldown_seconds: kit.cooldownSeconds,
    items: kit.items,
    description: kit.description ?? null,
    created_at: kit.createdAt.toISOString(),
    updated_at: kit.updatedAt.toISOString(),
  };
}

export function kitNotFound(name: string): AppError {
  return notFound('Kit', name, { kit_name: name });
}

export async function listKits(em: EntityManager) {
  const rows = await db(em).selectFrom('Kit').selectAll().orderBy(sql`lower(name)`).execute();
  return { kits: rows.map(toKit), total: rows.length };
}

/** Names match without regard to case, through the unique index on lower(name). */
export async function getKit(em: EntityManager, name: string): Promise<KitResponse> {
  const found = await db(em)
    .selectFrom('Kit')
    .selectAll()
    .where(sql`lower(name)`, '=', name.toLowerCase())
    .executeTakeFirst();
  if (!found) throw kitNotFound(name);
  return toKit(found);
}
