// How a family's REST errors are worded: the body, the OpenAPI schema that describes it, and the errors its clients
// know under another code. Each family brings its own; the codes and statuses come from the one table in src/errors.ts.
import type { SchemaObject } from 'openapi3-ts/oas31';
import { AppError } from '#src/errors.ts';

export interface ErrorFormat {
  /** The OpenAPI component that describes the body: `#/components/schemas/<schemaName>`. */
  schemaName: string;
  schema: SchemaObject;
  body(error: AppError): unknown;
  /** The error as the family's document can say it; a family without it says every error as it is. */
  inTerms?(error: AppError): AppError;
}

export interface ErrorFormats {
  byFamily: Record<string, ErrorFormat>;
  /** For every other family, and for paths no family claims. */
  fallback: ErrorFormat;
}

export function formatOf(formats: ErrorFormats, family: string): ErrorFormat {
  return formats.byFamily[family] ?? formats.fallback;
}

export function inTermsOf(format: ErrorFormat, error: AppError): AppError {
  return format.inTerms ? format.inTerms(error) : error;
}

/** The status a family's clients hear when the disk is full, for the OpenAPI document to list. */
export function diskFullStatus(format: ErrorFormat): number {
  return inTermsOf(format, new AppError('insufficient_storage', 'disk full')).status;
}
