// The examples of Aurora lootdrops (a bot game action, this project's extension).
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { lootdropNotFound } from '../errors.ts';
import { USER_ID } from '../example-values.ts';

const lootdrop = {
  id: '1',
  amount: '50',
  channelId: '456',
  createdAt: '2024-01-15T12:00:00.000Z',
  expiresAt: '2024-01-15T12:10:00.000Z',
  claimedBy: null,
  claimedAt: null,
};
const claimed = { ...lootdrop, claimedBy: USER_ID, claimedAt: '2024-01-15T12:01:00.000Z' };

export const lootdropsExamples = {
  spawn: {
    request: { amount: '50', channelId: '456', expiresInMinutes: 10 },
    response: { success: true, lootdrop },
  },
  get: { parameters: { id: '1' }, response: lootdrop, errors: [lootdropNotFound('1')] },
  claim: {
    parameters: { id: '1' },
    request: { userId: USER_ID },
    response: { success: true, lootdrop: claimed, balance: '2080' },
    errors: [
      AppError.explained('invalid_state', 'Lootdrop expired', `expired at ${lootdrop.expiresAt}`),
      lootdropNotFound('1'),
      AppError.explained('conflict', 'Lootdrop already claimed', `claimed at ${claimed.claimedAt}`),
    ],
  },
} satisfies Record<string, RouteExample>;
