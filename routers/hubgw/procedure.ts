// HubGW's base procedures: the API key, and no rate limit, since the game servers behind it share a few addresses
// and must never be throttled as one client. It announces only what game servers must learn of at once, each such
// mutation wrapped in `announced`.
import type { CallPolicy } from '#src/trpc/policy.ts';
import { procedure } from '#src/trpc/procedures.ts';

export const hubgw: CallPolicy = { family: 'hubgw', credential: 'apiKey', rateLimited: false };

export const hubgwProcedure = procedure.meta({ policy: hubgw });

/** Health, the only HubGW route without an API key. */
export const hubgwOpenProcedure = procedure.meta({ policy: { ...hubgw, credential: null } });
