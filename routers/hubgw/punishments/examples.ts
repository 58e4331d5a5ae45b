// The examples of HubGW punishments: the document's own bodies, with its placeholders made real.
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { notFound } from '../errors.ts';
import { AT, PLAYER_NAME, PLAYER_UUID, STAFF_NAME, STAFF_UUID, UNTIL } from '../example-values.ts';

const PUNISHMENT_ID = '9d3b6f1e-2a4c-4b8d-8e7f-1a2b3c4d5e6f';
const given = {
  player_uuid: PLAYER_UUID,
  player_name: PLAYER_NAME,
  player_ip: '192.168.1.1',
  punishment_type: 'ban',
  reason: 'Griefing spawn',
  staff_uuid: STAFF_UUID,
  staff_name: STAFF_NAME,
  expires_at: UNTIL,
  evidence_url: 'https://example.com/evidence/griefing.png',
  notes: 'Second offence',
};
const ban = {
  id: PUNISHMENT_ID,
  ...given,
  is_active: true,
  revoked_at: null,
  revoked_by: null,
  revoked_reason: null,
  evidence_url: given.evidence_url,
  notes: given.notes,
  created_at: AT,
  updated_at: AT,
};
const revoked = {
  ...ban,
  is_active: false,
  revoked_at: AT,
  revoked_by: STAFF_NAME,
  revoked_reason: 'Appeal accepted',
};

export const punishmentsExamples = {
  create: {
    request: given,
    response: ban,
    errors: [
      new AppError('already_exists', 'Player already has an active ban', {
        player_uuid: PLAYER_UUID,
        punishment_id: PUNISHMENT_ID,
      }),
    ],
  },
  revoke: {
    request: { punishment_id: PUNISHMENT_ID, revoked_by: STAFF_NAME, revoked_reason: 'Appeal accepted' },
    response: revoked,
    errors: [
      new AppError('invalid_state', 'Punishment is already revoked', {
        punishment_id: PUNISHMENT_ID,
        state: 'revoked',
      }),
      notFound('Punishment', PUNISHMENT_ID, { punishment_id: PUNISHMENT_ID }),
    ],
  },
  query: {
    request: { player_uuid: PLAYER_UUID, punishment_type: 'ban', is_active: true, page: 1, size: 20 },
    response: { punishments: [ban], total: 1, page: 1, size: 20, pages: 1 },
  },
  banStatus: { parameters: { player_uuid: PLAYER_UUID }, response: { is_banned: true, punishment: ban } },
  muteStatus: {
    parameters: { player_uuid: PLAYER_UUID },
    response: {
      is_muted: true,
      punishment: { ...ban, id: 'b7e4c2a1-6d3f-4e5a-9b8c-7d6e5f4a3b2c', punishment_type: 'mute', reason: 'Spam' },
    },
  },
} satisfies Record<string, RouteExample>;
