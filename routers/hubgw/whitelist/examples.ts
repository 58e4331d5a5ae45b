// The examples of the HubGW whitelist: the document's own bodies, with its placeholders made real.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { AT, PLAYER_NAME, STAFF_NAME, UNTIL } from '../example-values.ts';
import { alreadyWhitelisted, notWhitelisted } from './service.ts';

const added = {
  player_name: PLAYER_NAME,
  added_by: STAFF_NAME,
  added_at: AT,
  expires_at: UNTIL,
  is_active: true,
  reason: 'Joined through the website',
};
const entry = { id: '3c9d1e7a-58b2-4f06-8d4e-a1b2c3d4e5f6', ...added };

export const whitelistExamples = {
  add: { request: added, response: entry, errors: [alreadyWhitelisted(PLAYER_NAME)] },
  remove: { request: { player_name: PLAYER_NAME }, errors: [notWhitelisted(PLAYER_NAME)] },
  check: { request: { player_name: PLAYER_NAME }, response: { is_whitelisted: true } },
  list: { response: { entries: [entry], total: 1 } },
  count: { response: { total: 42 } },
} satisfies Record<string, RouteExample>;
