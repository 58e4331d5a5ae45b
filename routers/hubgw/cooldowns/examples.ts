// The examples of HubGW cooldowns: the document's own bodies, with its placeholders made real.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { PLAYER_UUID, UNTIL } from '../example-values.ts';

export const cooldownsExamples = {
  check: {
    request: { player_uuid: PLAYER_UUID, cooldown_type: 'rtp' },
    response: { is_active: true, expires_at: UNTIL, remaining_seconds: 3600 },
  },
  create: {
    request: { player_uuid: PLAYER_UUID, cooldown_type: 'rtp', expires_at: UNTIL, cooldown_seconds: 3600, data: {} },
    response: { message: 'Cooldown created successfully' },
  },
} satisfies Record<string, RouteExample>;
