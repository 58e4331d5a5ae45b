// The example of HubGW command audit: the document's own body, with its placeholders made real.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { AT, PLAYER_NAME, PLAYER_UUID } from '../example-values.ts';

export const auditExamples = {
  logCommands: {
    request: {
      player_uuid: PLAYER_UUID,
      player_name: PLAYER_NAME,
      command: 'home',
      arguments: ['base'],
      server: 'survival',
      timestamp: AT,
    },
    response: { accepted: 1 },
  },
} satisfies Record<string, RouteExample>;
