// Aurora classes: GET/POST /api/classes, PUT/DELETE /api/classes/:id.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput, noContent } from '../../shared/schemas.ts';
import { listClasses } from './queries.ts';
import { classIdInput, classList, classResult, createClassInput, updateClassInput } from './schemas.ts';
import { createClass, deleteClass, updateClass } from './service.ts';
import { classesExamples } from './examples.ts';

const route = restRoutes('aurora: classes');

export const classesRouter = router({
  list: auroraProcedure
    .meta(route('GET /api/classes', 'All classes', { example: classesExamples.list }))
    .input(noInput)
    .output(classList)
    .query(({ ctx }) => listClasses(ctx.em)),

  create: announced(
    auroraProcedure
      .meta(
        route('POST /api/classes', 'Create a class', {
          example: classesExamples.create,
          status: 201,
          errors: [400, 409],
        }),
      )
      .input(createClassInput)
      .output(classResult)
      .mutation(({ ctx, input }) => createClass(ctx.em, input, ctx.now())),
  ),

  update: announced(
    auroraProcedure
      .meta(
        route('PUT /api/classes/{id}', 'Change a class', { example: classesExamples.update, errors: [400, 404, 409] }),
      )
      .input(updateClassInput)
      .output(classResult)
      .mutation(({ ctx, input }) => updateClass(ctx.em, input, ctx.now())),
  ),

  delete: announced(
    auroraProcedure
      .meta(
        route('DELETE /api/classes/{id}', "Delete a class; its members' classId becomes null", {
          example: classesExamples.delete,
          status: 204,
          errors: [400, 404],
        }),
      )
      .input(classIdInput)
      .output(noContent)
      .mutation(({ ctx, input }) => deleteClass(ctx.em, input.id)),
  ),
});
