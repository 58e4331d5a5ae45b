// Request and response schemas of Aurora moderation cases.
import { z } from 'zod';
import { CASE_TYPES } from '#entities/aurora/moderation-case.ts';
import { jsonObject, name, text, timestamp } from '../../shared/schemas.ts';
import { booleanParam, discordId, pagination } from '../schemas.ts';

export const moderationCase = z
  .object({
    id: z.string(),
    caseId: z.string(),
    type: z.enum(CASE_TYPES),
    userId: z.string(),
    username: z.string(),
    moderatorId: z.string(),
    moderatorName: z.string(),
    reason: z.string(),
    metadata: z.record(z.string(), z.unknown()),
    active: z.boolean(),
    createdAt: timestamp,
    resolvedAt: timestamp.nullable(),
    resolvedBy: z.string().nullable(),
    resolvedReason: z.string().nullable(),
  })
  .meta({ id: 'ModerationCase' });

export const createCaseInput = z.object({
  type: z.enum(CASE_TYPES),
  userId: discordId,
  username: name(64),
  moderatorId: discordId,
  moderatorName: name(64),
  reason: text(2000).default(''),
  metadata: jsonObject().default({}),
});

export const listCasesInput = z.object({
  userId: discordId.optional(),
  moderatorId: discordId.optional(),
  type: z.enum(CASE_TYPES).optional(),
  active: booleanParam.optional(),
  ...pagination(50),
});

const caseIdParam = z.string().regex(/^CASE-\d{4,}$/, 'must look like CASE-0001');
export const clearCaseInput = z.object({
  caseId: caseIdParam,
  clearedBy: discordId,
  clearedByName: name(64).optional().meta({ description: 'Kept in the case metadata as clearedByName' }),
  reason: text(2000).optional(),
});

export const caseList = z.object({ cases: z.array(moderationCase), total: z.number().int() });

export const caseResult = z.object({ success: z.literal(true), case: moderationCase });

export const caseIdInput = z.object({ caseId: caseIdParam });

export type CaseResponse = z.infer<typeof moderationCase>;
export type CreateCaseInput = z.infer<typeof createCaseInput>;
export type ListCasesInput = z.infer<typeof listCasesInput>;
export type CaseType = (typeof CASE_TYPES)[number];
export type ClearCaseInput = z.infer<typeof clearCaseInput>;
