// The two REST error formats. Codes and statuses come from the one table in src/errors.ts.
import type { Family } from '#src/auth.ts';
import { AppError, type ValidationIssue } from '#src/errors.ts';

export interface HubgwErrorBody {
  message: string;
  code: string;
  details?: Record<string, unknown>;
}

export interface AuroraErrorBody {
  error: string;
  details?: string;
}

function describeIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

function auroraDetails(error: AppError): string | undefined {
  const issues = error.details?.issues;
  return Array.isArray(issues) ? describeIssues(issues as ValidationIssue[]) : error.explanation;
}

/**
 * The error as the family's document can say it. HubGW's codes have no full disk: it hears 503 `unavailable`, a
 * status its plugin already retries, with the reason in `details`.
 */
export function inFamilyTerms(family: Family, error: AppError): AppError {
  if (family === 'hubgw' && error.appCode === 'insufficient_storage')
    return new AppError('unavailable', error.message, error.details, { cause: error.cause });
  return error;
}

export function errorBody(family: Family, error: AppError): HubgwErrorBody | AuroraErrorBody {
  if (family === 'hubgw') {
    return error.details
      ? { message: error.message, code: error.appCode, details: error.details }
      : { message: error.message, code: error.appCode };
  }
  const details = auroraDetails(error);
  return details === undefined ? { error: error.message } : { error: error.message, details };
}
