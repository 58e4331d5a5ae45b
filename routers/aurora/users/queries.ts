// Users as the API shows them: each with its class joined.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { db, type Row } from '../../shared/database.ts';
import { containing } from '#src/database/queries.ts';
import { userNotFound } from '../errors.ts';
import { capped } from '../schemas.ts';
import type { ListUsersInput, UserResponse } from './schemas.ts';

type UserWithClass = Row<'User'> & { className: string | null; classBalance: string | null };

function toUser({ className, classBalance, ...user }: UserWithClass): UserResponse {
  return {
    id: user.id,
    username: user.username,
    balance: user.balance,
    xp: user.xp,
    level: user.level,
    dailyStreak: user.dailyStreak,
    isActive: user.isActive,
    classId: user.class,
    class:
      user.class !== null && className !== null ? { id: user.class, name: className, balance: classBalance! } : null,
    settings: user.settings,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

function usersWithClass(em: EntityManager) {
  return db(em)
    .selectFrom('User as u')
    .leftJoin('Class as c', 'c.id', 'u.class')
    .selectAll('u')
    .select(['c.name as className', sql<string>`c.balance::text`.as('classBalance')]);
}

export async function userExists(em: EntityManager, id: string): Promise<boolean> {
  return (await db(em).selectFrom('User').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function getUser(em: EntityManager, id: string): Promise<UserResponse> {
  const found = await usersWithClass(em).where('u.id', '=', id).executeTakeFirst();
  if (!found) throw userNotFound(id);
  return toUser(found);
}

// Whitelisted so the sort never comes from the request text itself.
const SORT_KEYS = {
  balance: sql`u.balance`,
  level: sql`u.level`,
  xp: sql`u.xp`,
  username: sql`lower(u.username)`,
} as const;

/**
 * One statement for a page and its total: unfiltered, the trigger-kept count rides on each row; with a search, a
 * window count. Past the last page there is no row to ride on, so the total is read on its own.
 */
export async function listUsers(em: EntityManager, filter: ListUsersInput) {
  const order = filter.sortOrder === 'asc' ? 'asc' : 'desc';
  const search = filter.search === undefined ? null : containing(filter.search);
  const rows = await usersWithClass(em)
    .$if(search !== null, (query) => query.where('u.username', 'ilike', search!))
    .select((select) =>
      search === null
        ? select.selectFrom('RowCount').select('rowCount').where('tableName', '=', 'users').as('total')
        : sql<string>`count(*) over ()`.as('total'),
    )
    .orderBy(SORT_KEYS[filter.sortBy], order)
    .orderBy('u.id', order)
    .limit(capped(filter.limit))
    .offset(filter.offset)
    .execute();
  const total = rows[0]
    ? Number(rows[0].total)
    : await (search === null ? countAllUsers(em) : countMatching(em, search));
  return { users: rows.map(toUser), total };
}

/** Unfiltered, the trigger-kept count answers at once, where count(*) would read every row. */
async function countAllUsers(em: EntityManager): Promise<number> {
  const kept = await db(em)
    .selectFrom('RowCount')
    .select('rowCount')
    .where('tableName', '=', 'users')
    .executeTakeFirstOrThrow();
  return Number(kept.rowCount);
}

async function countMatching(em: EntityManager, search: ReturnType<typeof containing>): Promise<number> {
  const counted = await db(em)
    .selectFrom('User')
    .select((select) => select.fn.countAll<string>().as('count'))
    .where('username', 'ilike', search)
    .executeTakeFirstOrThrow();
  return Number(counted.count);
}
