// A procedure's REST route in one line: its verb and path, what it does, and the few facts the REST adapter and the
// OpenAPI document need beyond that. It builds the `meta` trpc-to-openapi reads, so a router reads top to bottom as
// route, input, output, call.
import type { RouteMeta } from './init.ts';
import type { RouteExample } from './route-example.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
type ContentType = 'application/json' | 'multipart/form-data';

export interface RouteFacts extends Pick<RouteMeta, 'status' | 'jsonBody' | 'reads' | 'upload'> {
  /** The error statuses the route documents besides those every route has (401, 429, 500, 503). */
  errors?: number[];
  /** What the summary leaves out; the summary stands for it when the summary says it all. */
  description?: string;
  /** The bodies the route reads; JSON alone when absent. multipart/form-data needs the `upload` rule. */
  contentTypes?: ContentType[];
  /** What Swagger UI's Try it out sends and the answers the document shows; see route-example.ts. */
  example?: RouteExample;
}

/** The route declarer for one tag of the document: `route('POST /api/things', 'Create a thing', { status: 201 })`. */
export function restRoutes(tag: string) {
  return (route: `${Method} /${string}`, summary: string, facts: RouteFacts = {}): RouteMeta => {
    const [method, path] = route.split(' ') as [Method, `/${string}`];
    const { errors, description = summary, contentTypes, ...meta } = facts;
    return {
      ...meta,
      openapi: {
        method,
        path,
        summary,
        description,
        tags: [tag],
        ...(errors && { errorResponses: errors }),
        ...(contentTypes && { contentTypes }),
      },
    };
  };
}
