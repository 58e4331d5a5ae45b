// The examples of Aurora users: the document's own bodies; the user joins the class the class examples create.
import { AppError } from '#src/errors.ts';
import type { RouteExample } from '#src/trpc/route-example.ts';
import { userNotFound } from '../errors.ts';
import { AT, CLASS, USER, USER_ID } from '../example-values.ts';

const onboarded = {
  ...USER,
  username: 'Player1',
  balance: '1000',
  xp: '500',
  level: 5,
  dailyStreak: 0,
  classId: null,
  class: null,
  updatedAt: AT,
};
const updated = {
  ...USER,
  username: 'NewName',
  balance: '2000',
  xp: '750',
  level: 10,
  dailyStreak: 5,
  class: { id: CLASS.id, name: CLASS.name, balance: CLASS.balance },
};

export const usersExamples = {
  list: {
    parameters: { search: 'Player', sortBy: 'balance', sortOrder: 'desc', limit: 50, offset: 0 },
    response: { users: [USER], total: 1 },
  },
  get: { parameters: { id: USER_ID }, response: USER, errors: [userNotFound(USER_ID)] },
  create: {
    request: { id: USER_ID, username: 'Player1', balance: '1000', xp: '500', level: 5, settings: {} },
    response: { success: true, user: onboarded },
    errors: [AppError.explained('already_exists', 'User already exists', `a user with id '${USER_ID}' exists`)],
  },
  update: {
    parameters: { id: USER_ID },
    request: {
      username: 'NewName',
      balance: '2000',
      xp: '750',
      level: 10,
      dailyStreak: 5,
      classId: CLASS.id,
      isActive: true,
      settings: {},
    },
    response: { success: true, user: updated },
    errors: [
      userNotFound(USER_ID),
      AppError.explained('validation_error', 'Unknown class', `no class with id '${CLASS.id}'`),
    ],
  },
} satisfies Record<string, RouteExample>;
