// The examples of an operation in the OpenAPI document: the route's own (its parameters, its body, its answer and the
// errors it declares), and the errors every route of its kind can answer, each one built as the server builds it
// and worded by the family's error format, so that what the document shows is what a client gets.
import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { accessRefusal } from '#src/auth.ts';
import { AppError, toAppError } from '#src/errors.ts';
import { rateLimitRefusal } from '#src/rate-limiter.ts';
import type { RouteMeta } from '#src/trpc/init.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { type ErrorFormat, inTermsOf } from './error-format.ts';
import { notJson, tooLarge } from './json-body.ts';
import type { RestRoute } from './routes.ts';

type Media = { schema?: unknown; example?: unknown; examples?: Record<string, { summary: string; value: unknown }> };
type Content = { content?: unknown };
export type ExampleOperation = {
  responses: Record<string, Content>;
  requestBody?: unknown;
  parameters?: { name: string; example?: unknown }[];
};

/** The refusal a client over the default limit (600 requests a minute) hears, as the limiter words it. */
const rateLimited = rateLimitRefusal({ max: 600, windowSeconds: 60 }, { allowed: false, remaining: 0, reset: 42 });

/** The input that fails the route's schema first: nothing at all, or else one field of the wrong type. */
function validationError(input: z.ZodType): AppError | null {
  const fields = input instanceof z.ZodObject ? Object.keys(input.shape) : [];
  for (const candidate of [{}, ...fields.map((field) => ({ [field]: {} }))]) {
    const parsed = input.safeParse(candidate);
    if (!parsed.success) return toAppError(new TRPCError({ code: 'BAD_REQUEST', cause: parsed.error }));
  }
  return null;
}

/** What any route like this one can answer, whatever its procedure does. */
function sharedErrors(route: RestRoute): AppError[] {
  const errors: AppError[] = [];
  const invalid = route.input && validationError(route.input);
  if (invalid) errors.push(invalid);
  if (route.policy.credential !== null) errors.push(accessRefusal(route.policy.credential));
  errors.push(route.upload ? new AppError('payload_too_large', route.upload.tooLarge) : tooLarge(), notJson());
  if (route.policy.rateLimited) errors.push(rateLimited);
  errors.push(new AppError('internal_error', 'Internal server error'), AppError.databaseUnavailable());
  // Reads go on while the disk is full; changes and uploads are refused.
  if (route.upload || route.type === 'mutation') errors.push(AppError.diskFull());
  return errors;
}

/** A name for the example in its status's list: the reason a details object gives, else the code. */
function exampleName(error: AppError, taken: Record<string, unknown>): string {
  const reason = error.details?.reason;
  const base = typeof reason === 'string' ? reason : error.appCode;
  let name = base;
  for (let n = 2; name in taken; n++) name = `${base}_${n}`;
  return name;
}

/** The `examples` of an error response that answers these errors, for paths that no procedure describes. */
export function errorExamples(format: ErrorFormat, ...errors: AppError[]): NonNullable<Media['examples']> {
  const examples: NonNullable<Media['examples']> = {};
  for (const error of errors) addErrorExample(examples, format, error);
  return examples;
}

function addErrorExample(examples: NonNullable<Media['examples']>, format: ErrorFormat, error: AppError): void {
  examples[exampleName(error, examples)] = { summary: error.message, value: format.body(error) };
}

function jsonOf(target: Content | undefined): Media | undefined {
  return (target?.content as Record<string, Media> | undefined)?.['application/json'];
}

/** Each documented error status gets the examples of the errors that answer with it, its route's first. */
function addErrorExamples(route: RestRoute, operation: ExampleOperation, format: ErrorFormat, own: AppError[]): void {
  for (const raised of [...own, ...sharedErrors(route)]) {
    const error = inTermsOf(format, raised);
    const media = jsonOf(operation.responses[error.status]);
    if (!media) {
      if (own.includes(raised))
        throw new Error(`${route.procedurePath}'s example error ${error.appCode} has no documented ${error.status}`);
      continue;
    }
    media.examples ??= {};
    addErrorExample(media.examples, format, error);
  }
}

export function addExamples(route: RestRoute, operation: ExampleOperation, format: ErrorFormat): void {
  const example: RouteExample = (route.procedure._def.meta as RouteMeta).example ?? {};
  for (const parameter of operation.parameters ?? []) {
    const value = example.parameters?.[parameter.name];
    if (value !== undefined) parameter.example = value;
  }
  const body = jsonOf(operation.requestBody as Content | undefined);
  if (body && example.request !== undefined) body.example = example.request;
  const success = jsonOf(operation.responses[route.status]);
  if (success && example.response !== undefined) success.example = example.response;
  addErrorExamples(route, operation, format, example.errors ?? []);
}
