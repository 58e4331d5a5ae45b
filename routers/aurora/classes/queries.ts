// Classes as the API shows them, ordered by name.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import type { Class } from '#entities/aurora/class.ts';
import { db, type Stored } from '../../shared/database.ts';
import type { ClassResponse } from './schemas.ts';

export function toClass(entry: Stored<typeof Class>): ClassResponse {
  return { id: entry.id, name: entry.name, balance: entry.balance, roleId: entry.roleId ?? null };
}

export async function listClasses(em: EntityManager) {
  const rows = await db(em).selectFrom('Class').selectAll().orderBy(sql`lower(name)`).orderBy('id').execute();
  return { classes: rows.map(toClass) };
}
