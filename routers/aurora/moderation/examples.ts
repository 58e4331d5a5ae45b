// The examples of Aurora moderation: the document's own bodies.
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { caseNotFound } from '../errors.ts';
import { LATER, MODERATOR_ID } from '../example-values.ts';

const opened = {
  type: 'warn',
  userId: '123456789',
  username: 'User1',
  moderatorId: MODERATOR_ID,
  moderatorName: 'Mod1',
  reason: 'Rule violation',
  metadata: { duration: '24h' },
};
const moderationCase = {
  id: '1',
  caseId: 'CASE-0001',
  ...opened,
  active: true,
  createdAt: LATER,
  resolvedAt: null,
  resolvedBy: null,
  resolvedReason: null,
};
const cleared = {
  ...moderationCase,
  metadata: { ...opened.metadata, clearedByName: 'Mod1' },
  active: false,
  resolvedAt: LATER,
  resolvedBy: MODERATOR_ID,
  resolvedReason: 'Appeal accepted',
};

export const moderationExamples = {
  list: {
    parameters: { userId: '123456789', type: 'warn', active: 'true', limit: 50, offset: 0 },
    response: { cases: [moderationCase], total: 1 },
  },
  get: { parameters: { caseId: 'CASE-0001' }, response: moderationCase, errors: [caseNotFound('CASE-0001')] },
  create: { request: opened, response: { success: true, case: moderationCase } },
  clear: {
    parameters: { caseId: 'CASE-0001' },
    request: { clearedBy: MODERATOR_ID, clearedByName: 'Mod1', reason: 'Appeal accepted' },
    response: { success: true, case: cleared },
    errors: [
      caseNotFound('CASE-0001'),
      AppError.explained('conflict', 'Case is already cleared', 'CASE-0001 is not active'),
    ],
  },
} satisfies Record<string, RouteExample>;
