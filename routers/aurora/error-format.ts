// Aurora's error body, as its document gives it: `{"error": "...", "details": "..."}`, the details a sentence.
import type { AppError, ValidationIssue } from '#src/errors.ts';
import type { ErrorFormat } from '#rest/error-format.ts';

function describeIssues(issues: ValidationIssue[]): string {
  return issues.map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message)).join('; ');
}

function details(error: AppError): string | undefined {
  const issues = error.details?.issues;
  return Array.isArray(issues) ? describeIssues(issues as ValidationIssue[]) : error.explanation;
}

export const auroraErrorFormat: ErrorFormat = {
  schemaName: 'AuroraError',
  schema: {
    type: 'object',
    required: ['error'],
    properties: { error: { type: 'string' }, details: { type: 'string' } },
  },
  body(error) {
    const sentence = details(error);
    return sentence === undefined ? { error: error.message } : { error: error.message, details: sentence };
  },
};
