// Moderation cases as the API shows them, newest first.
import type { EntityManager } from '@mikro-orm/sql';
import type { ModerationCase } from '#entities/aurora/moderation-case.ts';
import { db, type Stored } from '../../shared/database.ts';
import { pageWithTotal } from '#src/database/queries.ts';
import { caseNotFound } from '../errors.ts';
import { capped } from '../schemas.ts';
import type { CaseResponse, CaseType, ListCasesInput } from './schemas.ts';

export function toCase(entry: Stored<typeof ModerationCase>): CaseResponse {
  return {
    id: entry.id,
    caseId: entry.caseId,
    type: entry.type as CaseType,
    userId: entry.userId,
    username: entry.username,
    moderatorId: entry.moderatorId,
    moderatorName: entry.moderatorName,
    reason: entry.reason,
    metadata: entry.metadata,
    active: entry.active,
    createdAt: entry.createdAt.toISOString(),
    resolvedAt: entry.resolvedAt?.toISOString() ?? null,
    resolvedBy: entry.resolvedBy ?? null,
    resolvedReason: entry.resolvedReason ?? null,
  };
}

export async function getCase(em: EntityManager, caseId: string): Promise<CaseResponse> {
  const found = await db(em).selectFrom('ModerationCase').selectAll().where('caseId', '=', caseId).executeTakeFirst();
  if (!found) throw caseNotFound(caseId);
  return toCase(found);
}

export async function listCases(em: EntityManager, filter: ListCasesInput) {
  const filtered = db(em)
    .selectFrom('ModerationCase')
    .$if(filter.userId !== undefined, (query) => query.where('userId', '=', filter.userId!))
    .$if(filter.moderatorId !== undefined, (query) => query.where('moderatorId', '=', filter.moderatorId!))
    .$if(filter.type !== undefined, (query) => query.where('type', '=', filter.type!))
    .$if(filter.active !== undefined, (query) => query.where('active', '=', filter.active === 'true'));
  const { rows, total } = await pageWithTotal(filtered, (query) =>
    query
      .selectAll()
      .orderBy('createdAt', 'desc')
      .orderBy('id', 'desc')
      .limit(capped(filter.limit))
      .offset(filter.offset),
  );
  return { cases: rows.map(toCase), total };
}
