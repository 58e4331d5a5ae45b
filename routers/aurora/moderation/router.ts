// Aurora moderation cases: list, get by CASE-NNNN, create, clear.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { getCase, listCases } from './queries.ts';
import {
  caseIdInput,
  caseList,
  caseResult,
  clearCaseInput,
  createCaseInput,
  listCasesInput,
  moderationCase,
} from './schemas.ts';
import { clearCase, createCase } from './service.ts';
import { moderationExamples } from './examples.ts';

const route = restRoutes('aurora: moderation');

export const moderationRouter = router({
  list: auroraProcedure
    .meta(route('GET /api/moderation', 'Cases, newest first', { example: moderationExamples.list, errors: [400] }))
    .input(listCasesInput)
    .output(caseList)
    .query(({ ctx, input }) => listCases(ctx.em, input)),

  get: auroraProcedure
    .meta(
      route('GET /api/moderation/{caseId}', 'One case by its case id', {
        example: moderationExamples.get,
        errors: [400, 404],
      }),
    )
    .input(caseIdInput)
    .output(moderationCase)
    .query(({ ctx, input }) => getCase(ctx.em, input.caseId)),

  create: announced(
    auroraProcedure
      .meta(
        route('POST /api/moderation', 'Open a case', {
          example: moderationExamples.create,
          status: 201,
          errors: [400],
          description:
            'The case id is the next CASE-NNNN. warn, timeout and ban start active; kick, note and prune start inactive.',
        }),
      )
      .input(createCaseInput)
      .output(caseResult)
      .mutation(({ ctx, input }) => createCase(ctx.em, input, ctx.now())),
  ),

  clear: announced(
    auroraProcedure
      .meta(
        route('PUT /api/moderation/{caseId}/clear', 'Resolve a case; a cleared case answers 409', {
          example: moderationExamples.clear,
          errors: [400, 404, 409],
        }),
      )
      .input(clearCaseInput)
      .output(caseResult)
      .mutation(({ ctx, input }) => clearCase(ctx.em, input, ctx.now())),
  ),
});
