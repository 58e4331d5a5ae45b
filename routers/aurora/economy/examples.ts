// The examples of Aurora's economy actions (the bot's game actions, this project's extension).
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { userNotFound } from '../errors.ts';
import { OTHER_USER_ID, USER_ID } from '../example-values.ts';

const NEXT = '2024-01-16T00:00:00.000Z';

export const economyExamples = {
  dailyStatus: {
    parameters: { userId: USER_ID },
    response: {
      claimable: true,
      streak: 3,
      lastClaimAt: '2024-01-14T09:30:00.000Z',
      nextClaimAt: '2024-01-15T00:00:00.000Z',
    },
    errors: [userNotFound(USER_ID)],
  },
  daily: {
    request: { userId: USER_ID },
    response: {
      success: true,
      amount: '130',
      streak: 4,
      streakBonus: '30',
      weeklyBonus: '0',
      balance: '2130',
      nextClaimAt: NEXT,
    },
    errors: [
      new AppError(
        'cooldown_active',
        'Daily reward already claimed today',
        { nextClaimAt: NEXT, retryAfterSeconds: 43200 },
        { explanation: `the next claim opens at ${NEXT}, in 43200 s` },
      ),
      userNotFound(USER_ID),
    ],
  },
  transfer: {
    request: { fromUserId: USER_ID, toUserId: OTHER_USER_ID, amount: '100' },
    response: {
      success: true,
      amount: '100',
      from: { id: USER_ID, balance: '2030' },
      to: { id: OTHER_USER_ID, balance: '100' },
    },
    errors: [
      new AppError(
        'invalid_state',
        'Insufficient funds',
        { balance: '50', required: '100' },
        { explanation: 'balance is 50, 100 needed' },
      ),
      userNotFound(OTHER_USER_ID),
    ],
  },
} satisfies Record<string, RouteExample>;
