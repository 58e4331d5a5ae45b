// Aurora users: list, get, onboarding (POST, an extension for the bot) and admin updates.
import { announced } from '#src/trpc/announced.ts';
import { restRoutes } from '#src/trpc/rest-route.ts';
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
import { usersExamples } from './examples.ts';

const route = restRoutes('aurora: users');

export const usersRouter = router({
  list: auroraProcedure
    .meta(
      route('GET /api/users', 'Users, searched and sorted (bigints sort numerically)', {
        example: usersExamples.list,
        errors: [400],
      }),
    )
    .input(listUsersInput)
    .output(userList)
    .query(({ ctx, input }) => listUsers(ctx.em, input)),

  get: auroraProcedure
    .meta(
      route('GET /api/users/{id}', 'One user by Discord id, with its class', {
        example: usersExamples.get,
        errors: [400, 404],
      }),
    )
    .input(userIdInput)
    .output(auroraUser)
    .query(({ ctx, input }) => getUser(ctx.em, input.id)),

  create: announced(
    auroraProcedure
      .meta(
        route('POST /api/users', "Onboard a user (the bot's extension)", {
          example: usersExamples.create,
          status: 201,
          errors: [400, 409],
        }),
      )
      .input(createUserInput)
      .output(userResult)
      .mutation(({ ctx, input }) => createUser(ctx.em, input, ctx.now())),
  ),

  update: announced(
    auroraProcedure
      .meta(
        route('PUT /api/users/{id}', 'Change given fields of a user', {
          example: usersExamples.update,
          errors: [400, 404],
          description:
            'A balance change is recorded as an ADMIN_ADJUST transaction of the difference. An unknown classId answers 400.',
        }),
      )
      .input(updateUserInput)
      .output(userResult)
      .mutation(({ ctx, input }) => updateUser(ctx.em, input, ctx.now())),
  ),
});
