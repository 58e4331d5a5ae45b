// Users as the API shows them: one row per user with its class joined, in the response's shape.
import type { EntityManager } from '@mikro-orm/sql';
import { containsPattern, countRows, withIsoTimestamps } from '../../shared/sql.ts';
import { capped } from '../schemas.ts';
import type { ListUsersInput, UserResponse } from './schemas.ts';

const USER_SELECT = `
  select u.id, u.username, u.balance::text as balance, u.xp::text as xp, u.level, u.daily_streak as "dailyStreak",
         u.is_active as "isActive", u.class_id as "classId", c.name as "className", c.balance::text as "classBalance",
         u.settings, u.created_at as "createdAt", u.updated_at as "updatedAt"
  from aurora.users u left join aurora.classes c on c.id = u.class_id`;

type UserRow = Omit<UserResponse, 'class'> & { className: string | null; classBalance: string | null };

function toUser({ className, classBalance, ...row }: UserRow): UserResponse {
  const user = withIsoTimestamps(row, ['createdAt', 'updatedAt']);
  return {
    ...user,
    class: row.classId && className !== null ? { id: row.classId, name: className, balance: classBalance! } : null,
  };
}

export async function userExists(em: EntityManager, id: string): Promise<boolean> {
  return (await countRows(em, 'select count(*) from aurora.users where id = ?', [id])) > 0;
}

export async function findUser(em: EntityManager, id: string): Promise<UserResponse | null> {
  const rows = await em.execute<UserRow[]>(`${USER_SELECT} where u.id = ?`, [id]);
  return rows[0] ? toUser(rows[0]) : null;
}

// Whitelisted so the sort column never comes from the request text itself.
const SORT_COLUMNS = { balance: 'u.balance', level: 'u.level', xp: 'u.xp', username: 'lower(u.username)' } as const;

export async function listUsers(
  em: EntityManager,
  filter: ListUsersInput,
): Promise<{ users: UserResponse[]; total: number }> {
  const where = filter.search === undefined ? '' : `where u.username ilike ? escape '\\'`;
  const params = filter.search === undefined ? [] : [containsPattern(filter.search)];
  const order = filter.sortOrder === 'asc' ? 'asc' : 'desc';
  const rows = await em.execute<UserRow[]>(
    `${USER_SELECT} ${where} order by ${SORT_COLUMNS[filter.sortBy]} ${order}, u.id ${order} limit ? offset ?`,
    [...params, capped(filter.limit), filter.offset],
  );
  // Unfiltered, the trigger-kept count answers at once; a search has to count its matches.
  const total =
    filter.search === undefined
      ? await countRows(em, `select row_count as count from aurora.row_counts where table_name = 'users'`)
      : await countRows(em, `select count(*) from aurora.users u ${where}`, params);
  return { users: rows.map(toUser), total };
}
