// How a procedure is called, declared once by each base procedure in its meta: the family it belongs to, the
// credential it needs and whether the rate limit counts it. Every transport reads it here (see policy-table.ts).
import type { Credential } from '../auth.ts';

export interface CallPolicy {
  /** The API family: names the REST error format, the live-event channel and the metrics label. */
  family: string;
  /** The credential a caller must carry; null for an open route. */
  credential: Credential | null;
  /** Whether the per-client request limit counts its calls, on every transport. */
  rateLimited: boolean;
}

/** The server's own routes (status, probes) and every path no family claims: open, and never counted. */
export const SERVER_POLICY: CallPolicy = { family: 'server', credential: null, rateLimited: false };

export function policyOf(meta: { policy?: CallPolicy } | undefined): CallPolicy {
  return meta?.policy ?? SERVER_POLICY;
}
