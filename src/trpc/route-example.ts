// A route's example, as the OpenAPI document shows it and Swagger UI's Try it out sends it. trpc-to-openapi has no
// place for examples, so the REST transport adds them to the document it generates.
import type { AppError } from '../errors.ts';

export interface RouteExample {
  /** The path and query parameters Try it out fills in, by name. */
  parameters?: Record<string, string | number | boolean>;
  /** The JSON body Try it out sends. */
  request?: unknown;
  /** The success answer to that request. */
  response?: unknown;
  /**
   * The errors this route answers with besides those every route of its kind has, as the server raises them: each
   * family's error format words them, so one example reads as the family's clients see it.
   */
  errors?: AppError[];
}
