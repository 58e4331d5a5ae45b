// The examples of HubGW's LuckPerms views: the document's own bodies, with its placeholders made real. The player is
// the one the create example makes, under the offline-mode UUID its name gives.
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { notFound } from '../errors.ts';
import { AT } from '../example-values.ts';
import { offlinePlayerUuid } from './offline-uuid.ts';

const USERNAME = 'steve';
const UUID = offlinePlayerUuid(USERNAME);
const player = { uuid: UUID, username: USERNAME, primary_group: 'default', created_at: AT, updated_at: AT };
const permission = {
  id: 1,
  uuid: UUID,
  permission: 'essentials.home',
  value: true,
  server: 'global',
  world: 'global',
  expiry: 0,
  contexts: '{}',
  created_at: AT,
  updated_at: AT,
};
const playerNotFound = notFound('Player', UUID, { uuid: UUID });

export const luckpermsExamples = {
  player: { parameters: { uuid: UUID }, response: player, errors: [playerNotFound] },
  playerByUsername: {
    parameters: { username: USERNAME },
    response: player,
    errors: [notFound('Player', USERNAME, { username: USERNAME })],
  },
  group: {
    parameters: { name: 'default' },
    response: { name: 'default', created_at: AT, updated_at: AT },
    errors: [notFound('Group', 'default', { name: 'default' })],
  },
  permissions: { parameters: { uuid: UUID }, response: [permission], errors: [playerNotFound] },
  playerWithPermissions: {
    parameters: { uuid: UUID },
    response: { ...player, permissions: [permission] },
    errors: [playerNotFound],
  },
  createPlayer: {
    request: { username: USERNAME, primary_group: 'default' },
    response: player,
    errors: [new AppError('already_exists', `Player '${USERNAME}' already exists`, { username: USERNAME, uuid: UUID })],
  },
} satisfies Record<string, RouteExample>;
