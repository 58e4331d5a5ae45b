// The examples of Aurora quests: the document's own bodies, and the bot's quest progress (this project's extension).
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { questNotFound, userNotFound } from '../errors.ts';
import { AT, QUEST, USER_ID } from '../example-values.ts';

const userQuest = {
  userId: USER_ID,
  questId: QUEST.id,
  progress: 0,
  target: 1,
  completed: false,
  assignedAt: AT,
  completedAt: null,
  quest: QUEST,
};
const completed = { ...userQuest, progress: 1, completed: true, completedAt: AT };

export const questsExamples = {
  list: { response: { success: true, data: [QUEST] } },
  create: {
    request: {
      name: 'Daily Login',
      description: 'Login once',
      triggerEvent: 'login',
      target: 1,
      xpReward: 50,
      balanceReward: 100,
    },
    response: { success: true, data: QUEST },
  },
  update: {
    parameters: { id: QUEST.id },
    request: { xpReward: 75 },
    response: { success: true, data: { ...QUEST, rewards: { xp: 75, balance: 100 } } },
    errors: [questNotFound(QUEST.id)],
  },
  delete: { parameters: { id: QUEST.id }, errors: [questNotFound(QUEST.id)] },
  forUser: {
    parameters: { userId: USER_ID },
    response: { success: true, data: [userQuest] },
    errors: [userNotFound(USER_ID)],
  },
  assign: {
    parameters: { userId: USER_ID },
    request: { questId: QUEST.id },
    response: { success: true, data: userQuest },
    errors: [
      userNotFound(USER_ID),
      questNotFound(QUEST.id),
      AppError.explained('already_exists', 'Quest already assigned', `quest ${QUEST.id} was given to this user before`),
      AppError.explained('limit_exceeded', 'Too many active quests', 'a user holds at most 3 active quests'),
    ],
  },
  triggerEvent: {
    request: { userId: USER_ID, event: 'login', weight: 1 },
    response: {
      success: true,
      quests: [completed],
      completed: [QUEST.id],
      user: { id: USER_ID, balance: '2100', xp: '800', level: 10 },
    },
    errors: [userNotFound(USER_ID)],
  },
} satisfies Record<string, RouteExample>;
