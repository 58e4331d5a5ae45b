// The examples of Aurora classes: the document's own bodies.
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { classNotFound } from '../errors.ts';
import { CLASS } from '../example-values.ts';

const exists = AppError.explained(
  'already_exists',
  'Class already exists',
  `a class with id '${CLASS.id}' or the same name exists`,
);
const updated = { id: CLASS.id, name: 'Updated Name', balance: '10000', roleId: '111222333' };

export const classesExamples = {
  list: { response: { classes: [{ id: '1', name: 'Warrior', balance: '5000', roleId: '123456789' }, CLASS] } },
  create: { request: CLASS, response: { success: true, class: CLASS }, errors: [exists] },
  update: {
    parameters: { id: CLASS.id },
    request: { name: 'Updated Name', balance: '10000', roleId: '111222333' },
    response: { success: true, class: updated },
    errors: [classNotFound(CLASS.id), exists],
  },
  delete: { parameters: { id: CLASS.id }, errors: [classNotFound(CLASS.id)] },
} satisfies Record<string, RouteExample>;
