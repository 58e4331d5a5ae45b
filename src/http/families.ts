// Which API family a path belongs to, as the error formats and the metrics read it.
import type { Family } from '../auth.ts';

/** A miscased `/api/V1/...` is still HubGW's, so its 404 comes in HubGW's format. */
export function familyOf(path: string): Family {
  const lower = path.toLowerCase();
  return lower === '/api/v1' || lower.startsWith('/api/v1/') ? 'hubgw' : 'aurora';
}
