// Aurora's base procedures: the admin token and the per-client rate limit. Every Aurora mutation is `announced`, so
// the dashboard sees each change.
import type { CallPolicy } from '#src/trpc/policy.ts';
import { procedure } from '#src/trpc/procedures.ts';

export const aurora: CallPolicy = { family: 'aurora', credential: 'adminToken', rateLimited: true };

export const auroraProcedure = procedure.meta({ policy: aurora });

/** Health: open even when an admin token is configured, and never counted, so a monitor cannot be throttled. */
export const auroraOpenProcedure = procedure.meta({ policy: { ...aurora, credential: null, rateLimited: false } });
