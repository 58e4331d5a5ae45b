// Classes: unique ids and names; deleting one leaves its members without a class (the foreign key does it).
import type { EntityManager, QueryResult } from '@mikro-orm/sql';
import { UniqueConstraintViolationException } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import type { ClassResponse, CreateClassInput, UpdateClassInput } from './schemas.ts';

const CLASS_COLUMNS = 'id, name, balance::text as balance, role_id as "roleId"';

function duplicate(input: { id: string; name?: string }): AppError {
  return new AppError('already_exists', 'Class already exists', { reason: `a class with id '${input.id}' or the same name exists` });
}

export function listClasses(em: EntityManager): Promise<ClassResponse[]> {
  return em.execute<ClassResponse[]>(`select ${CLASS_COLUMNS} from aurora.classes order by lower(name), id`);
}

export async function createClass(em: EntityManager, input: CreateClassInput, now: Date): Promise<ClassResponse> {
  try {
    const rows = await em.execute<ClassResponse[]>(
      `insert into aurora.classes (id, name, balance, role_id, created_at, updated_at) values (?, ?, ?, ?, ?, ?) returning ${CLASS_COLUMNS}`,
      [input.id, input.name, input.balance, input.roleId ?? null, now, now],
    );
    return rows[0]!;
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate(input);
    throw error;
  }
}

export async function updateClass(em: EntityManager, input: UpdateClassInput, now: Date): Promise<ClassResponse> {
  const fields = { name: input.name, balance: input.balance, role_id: input.roleId };
  const given = Object.entries(fields).filter(([, value]) => value !== undefined);
  try {
    const rows = await em.execute<ClassResponse[]>(
      `update aurora.classes set ${[...given.map(([column]) => `${column} = ?`), 'updated_at = ?'].join(', ')} where id = ? returning ${CLASS_COLUMNS}`,
      [...given.map(([, value]) => value), now, input.id],
    );
    if (!rows[0]) throw new AppError('not_found', 'Class not found');
    return rows[0];
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw duplicate(input);
    throw error;
  }
}

export async function deleteClass(em: EntityManager, id: string): Promise<void> {
  const result = await em.execute<QueryResult>('delete from aurora.classes where id = ?', [id], 'run');
  if (result.affectedRows === 0) throw new AppError('not_found', 'Class not found');
}
