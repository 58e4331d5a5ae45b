// What the OpenAPI document says of the two APIs as a whole, beside what each procedure says of itself.
import { errorCodes } from '#src/errors.ts';
import type { DocumentText } from '#rest/openapi.ts';
import { assetsPath } from './aurora/items/images/openapi-path.ts';

const description = `Aurora (\`/api\`) and HubGW (\`/api/v1\`) served by one server.

- Aurora errors are \`{"error": "...", "details": "..."}\`; HubGW errors are \`{"message": "...", "code": "...", "details": {...}}\`.
- HubGW codes: ${Object.entries(errorCodes)
  .map(([code, { status }]) => `\`${code}\` ${status}`)
  .join(', ')}.
- Unknown routes answer 404, a known path asked with another verb 405 with \`Allow\`, malformed JSON 400, a JSON body over 1 MB 413, a body that is not JSON 415, each in the family's format. Any route answers 503 while the database is unavailable. A change made while the server's disk is full (or below \`DATA_DIR_MIN_FREE_MB\` free) answers 507 on Aurora and 503 \`unavailable\` with \`details.reason\` \`disk_full\` on HubGW; reads go on.
- \`GET /livez\` (the process serves; no database) and \`GET /readyz\` (the database answers and migrations are applied; 503 otherwise and during shutdown) are the probes: public and never rate-limited.
- Aurora routes but health are rate-limited per client: 429, with \`RateLimit\`, \`RateLimit-Policy\` and \`Retry-After\`.
- A browser's request that changes state (POST, PUT, PATCH, DELETE) from an origin that is neither the server's own nor in \`CORS_ORIGINS\` answers 403 (\`forbidden_origin\`); without an admin token, a \`Host\` that is not a loopback name or in \`ALLOWED_HOSTS\` answers 403 (\`forbidden_host\`) on every route.
- Paths are case-sensitive and trailing slashes are optional.
- What clients send is read as they mean it: a route without parameters ignores a query string and an empty or \`{}\` body; a blank query parameter is absent; \`null\` in an optional field means "not given" unless the field says what null means; \`3600.0\` is an integer.
- Timestamps are sent as ISO-8601 UTC, except Aurora health \`timestamp\` (epoch ms). Accepted: any ISO-8601 date-time with \`Z\` or an offset, with or without seconds, with up to nine fraction digits.
- A PUT takes what the matching GET returned: read-only fields are ignored, and any other unknown key answers 400.`;

const tagDescriptions: Record<string, string> = {
  aurora: 'Aurora, the REST API behind the Discord bot and its web dashboard (`/api`).',
  hubgw: "HubGW, the data gateway the Minecraft network's plugin calls (`/api/v1`).",
  server: 'The server itself: what an operator watches.',
};

export const documentText: DocumentText = {
  title: 'Aurora and HubGW API',
  description,
  tagDescriptions,
  servedPaths: { '/assets/items/{filename}': assetsPath },
};
