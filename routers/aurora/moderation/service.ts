// Moderation cases. Case ids come from a sequence, so concurrent cases never share one.
import { type EntityManager, LockMode } from '@mikro-orm/sql';
import { sql } from 'kysely';
import { ModerationCase } from '#entities/aurora/moderation-case.ts';
import { AppError } from '#src/errors.ts';
import { db } from '../../shared/database.ts';
import { caseNotFound } from '../errors.ts';
import { toCase } from './queries.ts';
import type { ClearCaseInput, CreateCaseInput } from './schemas.ts';

const STARTS_ACTIVE = new Set(['warn', 'timeout', 'ban']);

/** The next public case id: CASE-0001 onwards, more digits after 9999. */
const NEXT_CASE_ID = sql<string>`'CASE-' || lpad(nextval('aurora.moderation_case_number')::text, 4, '0')`;

export async function createCase(em: EntityManager, input: CreateCaseInput, now: Date) {
  const created = await db(em)
    .insertInto('ModerationCase')
    .values({
      caseId: NEXT_CASE_ID,
      type: input.type,
      userId: input.userId,
      username: input.username,
      moderatorId: input.moderatorId,
      moderatorName: input.moderatorName,
      reason: input.reason,
      metadata: input.metadata,
      active: STARTS_ACTIVE.has(input.type),
      createdAt: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { success: true as const, case: toCase(created) };
}

/** Clears an active case under its row lock, so of two clears one wins and the other learns it is cleared. */
export function clearCase(em: EntityManager, input: ClearCaseInput, now: Date) {
  return em.transactional(async (tx) => {
    const found = await tx.findOne(ModerationCase, { caseId: input.caseId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!found) throw caseNotFound(input.caseId);
    if (!found.active) throw AppError.explained('conflict', 'Case is already cleared', `${input.caseId} is not active`);
    tx.assign(found, {
      active: false,
      resolvedAt: now,
      resolvedBy: input.clearedBy,
      resolvedReason: input.reason ?? null,
      ...(input.clearedByName === undefined
        ? {}
        : { metadata: { ...found.metadata, clearedByName: input.clearedByName } }),
    });
    await tx.flush();
    return { success: true as const, case: toCase(found) };
  });
}
