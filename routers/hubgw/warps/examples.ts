// The examples of HubGW warps: the document's own bodies and errors, with its placeholders made real.
import type { RouteExample } from '#src/trpc/route-example.ts';
import { AT, LOCATION, OTHER_UUID, PLAYER_UUID } from '../example-values.ts';
import { limitExceeded } from '../owner-limit.ts';
import { warpNotFound } from './queries.ts';
import { alreadyExists, permissionDenied } from './service.ts';

const warp = {
  id: '0f8e2a4c-7b1d-4e6a-9c3f-2d5b8a7e6f10',
  player_uuid: PLAYER_UUID,
  name: 'spawn',
  ...LOCATION,
  is_public: true,
  description: 'The server spawn',
  created_at: AT,
  updated_at: AT,
};

export const warpsExamples = {
  create: {
    request: {
      player_uuid: PLAYER_UUID,
      name: 'spawn',
      ...LOCATION,
      is_public: true,
      description: 'The server spawn',
      max_warps: 10,
    },
    response: warp,
    errors: [alreadyExists('spawn', OTHER_UUID), limitExceeded('warp', PLAYER_UUID, 10, 10)],
  },
  update: {
    request: { player_uuid: PLAYER_UUID, name: 'spawn', ...LOCATION, is_public: false, description: 'The old spawn' },
    response: { ...warp, is_public: false, description: 'The old spawn' },
    errors: [permissionDenied('update', 'spawn', OTHER_UUID, PLAYER_UUID), warpNotFound('spawn')],
  },
  delete: {
    request: { player_uuid: PLAYER_UUID, name: 'spawn' },
    errors: [permissionDenied('delete', 'spawn', OTHER_UUID, PLAYER_UUID), warpNotFound('spawn')],
  },
  get: { request: { name: 'spawn' }, response: warp, errors: [warpNotFound('spawn')] },
  list: {
    request: { name: 'spawn', world: 'world', is_public: true, page: 1, size: 20 },
    response: { warps: [warp], total: 1, page: 1, size: 20, pages: 1 },
  },
} satisfies Record<string, RouteExample>;
