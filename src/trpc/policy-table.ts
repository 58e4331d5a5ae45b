// The procedures' policies read once for the whole router: which procedures announce events, and which family a path
// belongs to when no route serves it (its error format, its metrics label, whether the rate limit counts it).
import type { AnyProcedure, AnyRouter } from '@trpc/server';
import { isAnnounced } from './announced.ts';
import type { RouteMeta } from './init.ts';
import { policyOf, SERVER_POLICY } from './policy.ts';

export interface FamilyPolicy {
  name: string;
  /** The path every REST route of the family lies under, as declared: `/api/v1`; `` for the root. */
  basePath: string;
  /** Whether the rate limit counts any of its calls; then it counts every request under its path that no route serves. */
  rateLimited: boolean;
}

const ROOT: FamilyPolicy = { name: SERVER_POLICY.family, basePath: '', rateLimited: false };

function segmentsOf(path: string): string[] {
  return path.split('/').filter(Boolean);
}

/** The fixed segments every path shares from the start; a parameter ends the prefix. */
function commonPrefix(paths: string[][]): string[] {
  const [first = [], ...rest] = paths;
  const shared: string[] = [];
  for (const [index, segment] of first.entries()) {
    if (segment.startsWith('{') || rest.some((path) => path[index] !== segment)) break;
    shared.push(segment);
  }
  return shared;
}

interface FamilyDraft {
  paths: string[][];
  rateLimited: boolean;
}

export class PolicyTable {
  /** Longest base path first, so `/api/v1/...` finds its family before `/api/...` does. */
  readonly #families: FamilyPolicy[];
  /** The paths of the mutations whose committed calls are live events (`hubgw.warps.create`). */
  readonly announced: ReadonlySet<string>;
  /** The families whose changes are live events, each with its own channel. */
  readonly announcingFamilies: string[];

  private constructor(families: FamilyPolicy[], announced: Set<string>, announcing: string[]) {
    this.#families = families;
    this.announced = announced;
    this.announcingFamilies = announcing;
  }

  static read(router: AnyRouter): PolicyTable {
    const drafts = new Map<string, FamilyDraft>();
    const announced = new Set<string>();
    const announcing = new Set<string>();
    for (const [path, procedure] of Object.entries(router._def.procedures as Record<string, AnyProcedure>)) {
      const meta = procedure._def.meta as RouteMeta | undefined;
      const policy = policyOf(meta);
      const draft = drafts.get(policy.family) ?? { paths: [], rateLimited: false };
      if (meta?.openapi && meta.openapi.enabled !== false) draft.paths.push(segmentsOf(meta.openapi.path));
      draft.rateLimited ||= policy.rateLimited;
      drafts.set(policy.family, draft);
      if (isAnnounced(procedure)) {
        announced.add(path);
        announcing.add(policy.family);
      }
    }
    const families = [...drafts]
      .filter(([, draft]) => draft.paths.length > 0)
      .map(([name, draft]) => ({
        name,
        basePath: commonPrefix(draft.paths)
          .map((segment) => `/${segment}`)
          .join(''),
        rateLimited: draft.rateLimited,
      }))
      .sort((a, b) => b.basePath.length - a.basePath.length);
    return new PolicyTable(families, announced, [...announcing]);
  }

  /**
   * The family whose REST routes lie under `path`, or the server's own. Without regard to case, so that a miscased
   * `/api/V1/...` is answered in its family's format.
   */
  familyOfPath(path: string): FamilyPolicy {
    return this.#familyUnder(path, true);
  }

  /**
   * Whether a request to `path` that no route serves is counted by the rate limit: when it lies, in exact case, in a
   * family whose calls are counted. A miscased path is no route of any family, and is not counted as one.
   */
  limitsUnrouted(path: string): boolean {
    return this.#familyUnder(path, false).rateLimited;
  }

  #familyUnder(path: string, anyCase: boolean): FamilyPolicy {
    const given = anyCase ? path.toLowerCase() : path;
    for (const family of this.#families) {
      const base = anyCase ? family.basePath.toLowerCase() : family.basePath;
      if (base === '' || given === base || given.startsWith(`${base}/`)) return family;
    }
    return ROOT;
  }
}
