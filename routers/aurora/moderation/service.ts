// Moderation cases. Case ids come from a sequence, so concurrent cases never share one.
import type { EntityManager } from '@mikro-orm/sql';
import { AppError } from '#src/errors.ts';
import { countRows, whereOf, withIsoTimestamps } from '../../shared/sql.ts';
import { capped } from '../schemas.ts';
import type { CaseResponse, ClearCaseInput, CreateCaseInput, ListCasesInput } from './schemas.ts';

const CASE_COLUMNS = `id::text as id, case_id as "caseId", type, user_id as "userId", username, moderator_id as "moderatorId",
  moderator_name as "moderatorName", reason, metadata, active, created_at as "createdAt", resolved_at as "resolvedAt",
  resolved_by as "resolvedBy", resolved_reason as "resolvedReason"`;

const STARTS_ACTIVE = new Set(['warn', 'timeout', 'ban']);

function toCase(row: CaseResponse): CaseResponse {
  return withIsoTimestamps(row, ['createdAt', 'resolvedAt']);
}

export async function findCase(em: EntityManager, caseId: string): Promise<CaseResponse | null> {
  const rows = await em.execute<CaseResponse[]>(
    `select ${CASE_COLUMNS} from aurora.moderation_cases where case_id = ?`,
    [caseId],
  );
  return rows[0] ? toCase(rows[0]) : null;
}

export async function listCases(em: EntityManager, filter: ListCasesInput) {
  const { where, params } = whereOf([
    filter.userId === undefined ? null : ['user_id = ?', filter.userId],
    filter.moderatorId === undefined ? null : ['moderator_id = ?', filter.moderatorId],
    filter.type === undefined ? null : ['type = ?', filter.type],
    filter.active === undefined ? null : ['active = ?', filter.active === 'true'],
  ]);
  const rows = await em.execute<CaseResponse[]>(
    `select ${CASE_COLUMNS} from aurora.moderation_cases ${where} order by created_at desc, id desc limit ? offset ?`,
    [...params, capped(filter.limit), filter.offset],
  );
  return {
    cases: rows.map(toCase),
    total: await countRows(em, `select count(*) from aurora.moderation_cases ${where}`, params),
  };
}

export async function createCase(em: EntityManager, input: CreateCaseInput, now: Date): Promise<CaseResponse> {
  const rows = await em.execute<CaseResponse[]>(
    `insert into aurora.moderation_cases (case_id, type, user_id, username, moderator_id, moderator_name, reason, metadata, active, created_at)
     values ('CASE-' || lpad(nextval('aurora.moderation_case_number')::text, 4, '0'), ?, ?, ?, ?, ?, ?, ?, ?, ?)
     returning ${CASE_COLUMNS}`,
    [
      input.type,
      input.userId,
      input.username,
      input.moderatorId,
      input.moderatorName,
      input.reason,
      JSON.stringify(input.metadata),
      STARTS_ACTIVE.has(input.type),
      now,
    ],
  );
  return toCase(rows[0]!);
}

export async function clearCase(em: EntityManager, input: ClearCaseInput, now: Date): Promise<CaseResponse> {
  const rows = await em.execute<CaseResponse[]>(
    `update aurora.moderation_cases set active = false, resolved_at = ?, resolved_by = ?, resolved_reason = ?,
       metadata = case when ?::text is null then metadata else metadata || jsonb_build_object('clearedByName', ?::text) end
     where case_id = ? and active returning ${CASE_COLUMNS}`,
    [
      now,
      input.clearedBy,
      input.reason ?? null,
      input.clearedByName ?? null,
      input.clearedByName ?? null,
      input.caseId,
    ],
  );
  if (rows[0]) return toCase(rows[0]);
  if (await findCase(em, input.caseId))
    throw new AppError('conflict', 'Case is already cleared', { reason: `${input.caseId} is not active` });
  throw new AppError('not_found', 'Case not found');
}
