// Classes: unique ids and names; deleting one leaves its members without a class (the foreign key does it).
import type { EntityManager } from '@mikro-orm/sql';
import { Class } from '#entities/aurora/class.ts';
import { AppError } from '#src/errors.ts';
import { expectTouched, givenFields, translateViolations } from '#src/database/queries.ts';
import { classNotFound } from '../errors.ts';
import { toClass } from './queries.ts';
import type { CreateClassInput, UpdateClassInput } from './schemas.ts';

/** The id's primary key and the name's unique index decide between concurrent writes. */
function saveUnique(em: EntityManager, id: string) {
  const duplicate = () =>
    AppError.explained('already_exists', 'Class already exists', `a class with id '${id}' or the same name exists`);
  return translateViolations(() => em.flush(), { classes_pkey: duplicate, classes_name_key: duplicate });
}

export async function createClass(em: EntityManager, input: CreateClassInput, now: Date) {
  const created = em.create(Class, { ...input, createdAt: now, updatedAt: now });
  await saveUnique(em, input.id);
  return { success: true as const, class: toClass(created) };
}

export async function updateClass(em: EntityManager, input: UpdateClassInput, now: Date) {
  const { id, ...fields } = input;
  const found = await em.findOne(Class, { id });
  if (!found) throw classNotFound(id);
  em.assign(found, { ...givenFields(fields), updatedAt: now });
  await saveUnique(em, id);
  return { success: true as const, class: toClass(found) };
}

export async function deleteClass(em: EntityManager, id: string): Promise<void> {
  expectTouched(await em.nativeDelete(Class, { id }), () => classNotFound(id));
}
