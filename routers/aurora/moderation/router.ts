// Aurora moderation cases: list, get by CASE-NNNN, create, clear.
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

const tags = ['aurora: moderation'];

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
    .output(caseList)
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
    .input(caseIdInput)
    .output(moderationCase)
    .query(({ ctx, input }) => getCase(ctx.em, input.caseId)),

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
    .mutation(({ ctx, input }) => createCase(ctx.em, input, ctx.now())),

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
    .mutation(({ ctx, input }) => clearCase(ctx.em, input, ctx.now())),
});
