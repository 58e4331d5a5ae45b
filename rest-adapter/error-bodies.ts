// The two REST error formats. Codes and statuses come from the one table in src/errors.ts.
import type { Family } from '#src/auth.ts';
import type { AppError, ValidationIssue } from '#src/errors.ts';

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

export function errorBody(family: Family, error: AppError): HubgwErrorBody | AuroraErrorBody {
  if (family === 'hubgw') {
    return error.details
      ? { message: error.message, code: error.appCode, details: error.details }
      : { message: error.message, code: error.appCode };
  }
  const details = auroraDetails(error);
  return details === undefined ? { error: error.message } : { error: error.message, details };
}
