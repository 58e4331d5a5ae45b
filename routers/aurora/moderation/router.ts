// Aurora moderation cases: list, get by CASE-NNNN, create, clear.
import { z } from 'zod';
import { AppError } from '#src/errors.ts';
import { auroraProcedure, router } from '#src/trpc/procedures.ts';
import { caseIdParam, clearCaseInput, createCaseInput, listCasesInput, moderationCase } from './schemas.ts';
import { clearCase, createCase, findCase, listCases } from './service.ts';

const tags = ['aurora: moderation'];

const caseResult = z.object({ success: z.literal(true), case: moderationCase });

export const moderationRouter = router({
  list: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/moderation',
        description: 'Lists moderation cases, with optional filtering.',
        tags,
        summary: 'Cases, newest first',
        errorResponses: [400],
      },
    })
    .input(listCasesInput)
    .output(z.object({ cases: z.array(moderationCase), total: z.number().int() }))
    .query(({ ctx, input }) => listCases(ctx.em, input)),

  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/moderation/{caseId}',
        description: 'Gets one case by its case id (for example CASE-0001).',
        tags,
        summary: 'One case by its case id',
        errorResponses: [400, 404],
      },
    })
    .input(z.object({ caseId: caseIdParam }))
    .output(moderationCase)
    .query(async ({ ctx, input }) => {
      const found = await findCase(ctx.em, input.caseId);
      if (!found) throw new AppError('not_found', 'Case not found');
      return found;
    }),

  create: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/moderation',
        tags,
        summary: 'Open a case',
        description:
          'The case id is the next CASE-NNNN. warn, timeout and ban start active; kick, note and prune start inactive.',
        errorResponses: [400],
      },
      status: 201,
    })
    .input(createCaseInput)
    .output(caseResult)
    .mutation(async ({ ctx, input }) => ({ success: true as const, case: await createCase(ctx.em, input, ctx.now()) })),

  clear: auroraProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/moderation/{caseId}/clear',
        description: 'Clears (resolves) a moderation case.',
        tags,
        summary: 'Resolve a case; a cleared case answers 409',
        errorResponses: [400, 404, 409],
      },
    })
    .input(clearCaseInput)
    .output(caseResult)
    .mutation(async ({ ctx, input }) => ({ success: true as const, case: await clearCase(ctx.em, input, ctx.now()) })),
});
