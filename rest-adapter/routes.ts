// The REST route table, read from the procedures' `meta.openapi`.
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { z } from 'zod';
import type { RouteMeta } from '#src/trpc/init.ts';
import { type CallPolicy, policyOf } from '#src/trpc/policy.ts';
import type { UploadRule } from '#src/uploads.ts';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface RestRoute {
  method: HttpMethod;
  /** Without a trailing slash, as trpc-to-openapi keys it: `/api/v1/homes/{player_uuid}`. */
  path: string;
  /** As its API document writes it, a trailing slash included (`/api/v1/homes/`); trailing slashes are optional. */
  documentPath: string;
  /** The path's segments after the leading slash; a parameter is `{ name }`. */
  segments: (string | { name: string })[];
  procedurePath: string;
  type: 'query' | 'mutation';
  status: 200 | 201 | 202 | 204;
  policy: CallPolicy;
  /** The policy's family, for its error format. */
  family: string;
  /** Whether the policy asks for a credential. */
  protect: boolean;
  errorStatuses: number[];
  /** The procedure's input schema; null when it takes none, so a query string or `{}` body is ignored. */
  input: z.ZodType | null;
  /** The rule of the file a multipart/form-data route takes beside its `data` JSON field; null for JSON alone. */
  upload: UploadRule | null;
  procedure: AnyProcedure;
}

function normalizePath(path: string): string {
  return `/${path.replace(/^\/+|\/+$/g, '')}`;
}

function inputSchemaOf(procedure: AnyProcedure): z.ZodType | null {
  const [input] = procedure._def.inputs as z.ZodType[];
  return input === undefined || input instanceof z.ZodVoid ? null : input;
}

function uploadRuleOf(procedurePath: string, meta: RouteMeta): UploadRule | null {
  if (!meta.openapi?.contentTypes?.includes('multipart/form-data')) return null;
  if (!meta.upload) throw new Error(`${procedurePath} reads multipart/form-data but declares no upload rule`);
  return meta.upload;
}

function toRoute(procedurePath: string, procedure: AnyProcedure): RestRoute | null {
  const meta = procedure._def.meta as RouteMeta | undefined;
  const openapi = meta?.openapi;
  if (!openapi || openapi.enabled === false || procedure._def.type === 'subscription') return null;
  const path = normalizePath(openapi.path);
  const documentPath = openapi.path.endsWith('/') && path !== '/' ? `${path}/` : path;
  const errors = openapi.errorResponses;
  const policy = policyOf(meta);
  return {
    method: openapi.method.toLowerCase() as HttpMethod,
    path,
    documentPath,
    segments: path
      .slice(1)
      .split('/')
      .map((segment) => (/^\{\w+\}$/.test(segment) ? { name: segment.slice(1, -1) } : segment)),
    procedurePath,
    type: procedure._def.type,
    status: meta.status ?? 200,
    policy,
    family: policy.family,
    protect: policy.credential !== null,
    errorStatuses: Array.isArray(errors) ? errors : Object.keys(errors ?? {}).map(Number),
    input: inputSchemaOf(procedure),
    upload: uploadRuleOf(procedurePath, meta),
    procedure,
  };
}

/** Fixed segments sort before parameters, so `/whitelist/count` wins over `/whitelist/{name}`. */
function specificity(route: RestRoute): string {
  return route.path
    .split('/')
    .map((segment) => (segment.startsWith('{') ? '1' : '0'))
    .join('');
}

export function collectRoutes(router: AnyRouter): RestRoute[] {
  const procedures = router._def.procedures as Record<string, AnyProcedure>;
  return Object.entries(procedures)
    .map(([path, procedure]) => toRoute(path, procedure))
    .filter((route): route is RestRoute => route !== null)
    .sort((a, b) => specificity(a).localeCompare(specificity(b)));
}
