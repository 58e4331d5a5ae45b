// The examples of HubGW teleport history: the document's own bodies, with its placeholders made real.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { AT, PLAYER_UUID } from '../example-values.ts';

const teleported = {
  player_uuid: PLAYER_UUID,
  from_world: 'world',
  from_x: 128.5,
  from_y: 64,
  from_z: -240.5,
  to_world: 'world_nether',
  to_x: 16,
  to_y: 70,
  to_z: -30,
  tp_type: 'warp',
  target_name: 'spawn',
};
const teleport = { id: 'e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b', ...teleported, created_at: AT };

export const teleportHistoryExamples = {
  create: { request: teleported, response: teleport },
  list: { parameters: { player_uuid: PLAYER_UUID, limit: 100 }, response: [teleport] },
} satisfies Record<string, RouteExample>;
