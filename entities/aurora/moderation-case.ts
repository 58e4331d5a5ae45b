// A moderation case. Its public id (CASE-0001, …) comes from a sequence, so concurrent cases never share one.
import { defineEntity, p } from '@mikro-orm/core';

export const CASE_TYPES = ['warn', 'timeout', 'kick', 'ban', 'note', 'prune'] as const;

export const ModerationCase = defineEntity({
  name: 'ModerationCase',
  schema: 'aurora',
  tableName: 'moderation_cases',
  properties: {
    id: p.bigint('string').primary().autoincrement(),
    caseId: p.string().length(16).unique('moderation_cases_case_id_key'),
    type: p.string().length(16),
    userId: p.string().length(20).index('moderation_cases_user_id_idx'),
    username: p.string().length(64),
    moderatorId: p.string().length(20),
    moderatorName: p.string().length(64),
    reason: p.text(),
    metadata: p.json<Record<string, unknown>>(),
    active: p.boolean(),
    createdAt: p.datetime(),
    resolvedAt: p.datetime().nullable(),
    resolvedBy: p.string().length(20).nullable(),
    resolvedReason: p.text().nullable(),
  },
  checks: [
    { name: 'moderation_cases_type_check', expression: `type in ('warn', 'timeout', 'kick', 'ban', 'note', 'prune')` },
  ],
});
