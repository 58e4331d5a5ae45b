// Classes: unique ids and names; deleting one leaves its members without a class (the foreign key does it).
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { translateViolations } from '../../shared/sql.ts';
import { AppError } from '#src/errors.ts';
import type { ClassResponse, CreateClassInput, UpdateClassInput } from './schemas.ts';

const CLASS_COLUMNS = 'id, name, balance::text as balance, role_id as "roleId"';

function duplicate(input: { id: string }) {
  const error = () =>
    new AppError('already_exists', 'Class already exists', {
      reason: `a class with id '${input.id}' or the same name exists`,
    });
  return { classes_pkey: error, classes_name_key: error };
}

export function listClasses(em: EntityManager): Promise<ClassResponse[]> {
  return em.execute<ClassResponse[]>(`select ${CLASS_COLUMNS} from aurora.classes order by lower(name), id`);
}

export async function createClass(em: EntityManager, input: CreateClassInput, now: Date): Promise<ClassResponse> {
  const rows = await translateViolations(
    () =>
      em.execute<ClassResponse[]>(
        `insert into aurora.classes (id, name, balance, role_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?) returning ${CLASS_COLUMNS}`,
        [input.id, input.name, input.balance, input.roleId ?? null, now, now],
      ),
    duplicate(input),
  );
  return rows[0]!;
}

export async function updateClass(em: EntityManager, input: UpdateClassInput, now: Date): Promise<ClassResponse> {
  const fields = { name: input.name, balance: input.balance, role_id: input.roleId };
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  const rows = await translateViolations(
    () =>
      em.execute<ClassResponse[]>(
        `update aurora.classes set ${[...given.map(([column]) => `${column} = ?`), 'updated_at = ?'].join(', ')} where id = ? returning ${CLASS_COLUMNS}`,
        [...given.map(([, value]) => value), now, input.id],
      ),
    duplicate(input),
  );
  if (!rows[0]) throw new AppError('not_found', 'Class not found');
  return rows[0];
}

export async function deleteClass(em: EntityManager, id: string): Promise<void> {
  const result = await em.execute<QueryResult>('delete from aurora.classes where id = ?', [id], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', 'Class not found');
}
