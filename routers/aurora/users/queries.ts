// Users as the API shows them: each with its class joined.
import type { EntityManager } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { compiledPerShape, compiledQuery, db, type Db, type Param, type Row } from '../../shared/database.ts';
import { containingPattern, escapedPattern } from '#src/database/queries.ts';
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

function usersWithClass(query: Db) {
  return query
    .selectFrom('User as u')
    .leftJoin('Class as c', 'c.id', 'u.class')
    .selectAll('u')
    .select(['c.name as className', sql<string>`c.balance::text`.as('classBalance')]);
}

export async function userExists(em: EntityManager, id: string): Promise<boolean> {
  return (await db(em).selectFrom('User').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function getUser(em: EntityManager, id: string): Promise<UserResponse> {
  const found = await usersWithClass(db(em)).where('u.id', '=', id).executeTakeFirst();
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

/** A page's values; whether it searches, and its order, decide its SQL, so each such shape is compiled apart. */
interface UserPage {
  pattern: string;
  limit: number;
  offset: number;
}

/** Whether a call searches, and its order. */
interface UserListShape extends Record<string, boolean | string> {
  search: boolean;
  sortBy: ListUsersInput['sortBy'];
  sortOrder: ListUsersInput['sortOrder'];
}

/**
 * One statement for a page and its total: unfiltered, the trigger-kept count rides on each row; with a search, a
 * window count. Past the last page there is no row to ride on, so the total is read on its own.
 */
function userListQuery({ search, sortBy, sortOrder }: UserListShape) {
  return compiledQuery((db, param: Param<UserPage>) =>
    usersWithClass(db)
      .$if(search, (query) => query.where('u.username', 'ilike', escapedPattern(param('pattern'))))
      .select((select) =>
        !search
          ? select.selectFrom('RowCount').select('rowCount').where('tableName', '=', 'users').as('total')
          : sql<string>`count(*) over ()`.as('total'),
      )
      .orderBy(SORT_KEYS[sortBy], sortOrder)
      .orderBy('u.id', sortOrder)
      .limit(param('limit'))
      .offset(param('offset')),
  );
}

/** At most sixteen: with a search or not, by each of four keys, in either order. */
const listQueryFor = compiledPerShape(userListQuery);

export async function listUsers(em: EntityManager, filter: ListUsersInput) {
  const pattern = filter.search === undefined ? null : containingPattern(filter.search);
  const shape = { search: pattern !== null, sortBy: filter.sortBy, sortOrder: filter.sortOrder };
  const rows = await listQueryFor(shape).execute(em, {
    pattern: pattern ?? '',
    limit: capped(filter.limit),
    offset: filter.offset,
  });
  const total = rows[0]
    ? Number(rows[0].total)
    : await (pattern === null ? countAllUsers(em) : countMatching(em, pattern));
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

async function countMatching(em: EntityManager, pattern: string): Promise<number> {
  const counted = await db(em)
    .selectFrom('User')
    .select((select) => select.fn.countAll<string>().as('count'))
    .where('username', 'ilike', escapedPattern(pattern))
    .executeTakeFirstOrThrow();
  return Number(counted.count);
}
