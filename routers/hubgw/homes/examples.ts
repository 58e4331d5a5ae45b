// The examples of HubGW homes: the document's own bodies, with its placeholders made real.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { notFound } from '../errors.ts';
import { AT, LOCATION, PLAYER_UUID } from '../example-values.ts';
import { limitExceeded } from '../owner-limit.ts';

const home = {
  id: '5b0f6c2e-3f4a-4d8e-9a51-6f2b8c7d1e90',
  player_uuid: PLAYER_UUID,
  name: 'home',
  ...LOCATION,
  is_public: false,
  created_at: AT,
  updated_at: AT,
};

export const homesExamples = {
  upsert: {
    request: { player_uuid: PLAYER_UUID, name: 'home', ...LOCATION, is_public: false, max_homes: 5 },
    response: home,
    errors: [limitExceeded('home', PLAYER_UUID, 5, 5)],
  },
  get: {
    request: { player_uuid: PLAYER_UUID, name: 'home' },
    response: home,
    errors: [notFound('Home', 'home', { player_uuid: PLAYER_UUID, name: 'home' })],
  },
  list: { parameters: { player_uuid: PLAYER_UUID }, response: { homes: [home], total: 1 } },
} satisfies Record<string, RouteExample>;
