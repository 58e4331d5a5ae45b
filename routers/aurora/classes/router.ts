// Aurora classes: GET/POST /api/classes, PUT/DELETE /api/classes/:id.
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput, noContent } from '../../shared/schemas.ts';
import { listClasses } from './queries.ts';
import { classIdInput, classList, classResult, createClassInput, updateClassInput } from './schemas.ts';
import { createClass, deleteClass, updateClass } from './service.ts';

const tags = ['aurora: classes'];

export const classesRouter = router({
  list: auroraProcedure
    .meta({
      openapi: { method: 'GET', path: '/api/classes', description: 'Lists all classes.', tags, summary: 'All classes' },
    })
    .input(noInput)
    .output(classList)
    .query(({ ctx }) => listClasses(ctx.em)),

  create: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/classes',
        description: 'Creates a new class.',
        tags,
        summary: 'Create a class',
        errorResponses: [400, 409],
      },
      status: 201,
    })
    .input(createClassInput)
    .output(classResult)
    .mutation(({ ctx, input }) => createClass(ctx.em, input, ctx.now())),

  update: auroraProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/classes/{id}',
        description: 'Updates a class: the fields given, as GET returns them.',
        tags,
        summary: 'Change a class',
        errorResponses: [400, 404, 409],
      },
    })
    .input(updateClassInput)
    .output(classResult)
    .mutation(({ ctx, input }) => updateClass(ctx.em, input, ctx.now())),

  delete: auroraProcedure
    .meta({
      openapi: {
        method: 'DELETE',
        path: '/api/classes/{id}',
        description: 'Deletes a class.',
        tags,
        summary: "Delete a class; its members' classId becomes null",
        errorResponses: [400, 404],
      },
      status: 204,
    })
    .input(classIdInput)
    .output(noContent)
    .mutation(({ ctx, input }) => deleteClass(ctx.em, input.id)),
});
