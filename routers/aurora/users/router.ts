// Aurora users: list, get, onboarding (POST, an extension for the bot) and admin updates.
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { getUser, listUsers } from './queries.ts';
import {
  auroraUser,
  createUserInput,
  listUsersInput,
  updateUserInput,
  userIdInput,
  userList,
  userResult,
} from './schemas.ts';
import { createUser, updateUser } from './service.ts';

const tags = ['aurora: users'];

export const usersRouter = router({
  list: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/users',
        description: 'Lists users, with optional filtering and sorting.',
        tags,
        summary: 'Users, searched and sorted (bigints sort numerically)',
        errorResponses: [400],
      },
    })
    .input(listUsersInput)
    .output(userList)
    .query(({ ctx, input }) => listUsers(ctx.em, input)),

  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/users/{id}',
        description: 'Gets one user by Discord id.',
        tags,
        summary: 'One user by Discord id, with its class',
        errorResponses: [400, 404],
      },
    })
    .input(userIdInput)
    .output(auroraUser)
    .query(({ ctx, input }) => getUser(ctx.em, input.id)),

  create: auroraProcedure
    .meta({
      openapi: {
        method: 'POST',
        path: '/api/users',
        description: "Extension: the bot's onboarding of a new user. An existing id answers 409.",
        tags,
        summary: "Onboard a user (the bot's extension)",
        errorResponses: [400, 409],
      },
      status: 201,
    })
    .input(createUserInput)
    .output(userResult)
    .mutation(({ ctx, input }) => createUser(ctx.em, input, ctx.now())),

  update: auroraProcedure
    .meta({
      openapi: {
        method: 'PUT',
        path: '/api/users/{id}',
        tags,
        summary: 'Change given fields of a user',
        description:
          'A balance change is recorded as an ADMIN_ADJUST transaction of the difference. An unknown classId answers 400.',
        errorResponses: [400, 404],
      },
    })
    .input(updateUserInput)
    .output(userResult)
    .mutation(({ ctx, input }) => updateUser(ctx.em, input, ctx.now())),
});
