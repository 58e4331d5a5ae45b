// A small router exercising every adapter mechanic the real routes will rely on: each success status,
// a DELETE with a JSON body, an array body, path/query/body merging, domain and internal failures.
import { z } from 'zod';
import { AppError } from '#src/errors.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '#routers/aurora/procedure.ts';
import { hubgwProcedure } from '#routers/hubgw/procedure.ts';

const KNOWN_THING = 'known';

export const fixtureRouter = router({
  hubgw: router({
    create: hubgwProcedure
      .meta({ openapi: { method: 'POST', path: '/api/v1/things/' }, status: 201 })
      .input(z.object({ name: z.string() }))
      .output(z.object({ name: z.string() }))
      .mutation(({ input }) => ({ name: input.name })),
    accept: hubgwProcedure
      .meta({ openapi: { method: 'POST', path: '/api/v1/jobs' }, status: 202 })
      .input(z.array(z.object({ id: z.number() })).or(z.object({ id: z.number() })))
      .output(z.object({ accepted: z.number() }))
      .mutation(({ input }) => ({ accepted: Array.isArray(input) ? input.length : 1 })),
    remove: hubgwProcedure
      .meta({ openapi: { method: 'DELETE', path: '/api/v1/things/' }, status: 204 })
      .input(z.object({ name: z.string() }))
      .output(z.void())
      .mutation(({ input }) => {
        if (input.name !== KNOWN_THING)
          throw new AppError('not_found', `Thing '${input.name}' not found`, { name: input.name });
      }),
    echo: hubgwProcedure
      .meta({ openapi: { method: 'PATCH', path: '/api/v1/things/{id}' } })
      .input(z.object({ id: z.string(), source: z.string().optional(), q: z.string().optional() }))
      .output(z.object({ id: z.string(), source: z.string().optional(), q: z.string().optional() }))
      .mutation(({ input }) => input),
    conflict: hubgwProcedure
      .meta({ openapi: { method: 'POST', path: '/api/v1/conflict' } })
      .input(z.void())
      .output(z.void())
      .mutation(() => {
        throw new AppError('already_exists', "Thing 'x' already exists", { owner_uuid: 'someone' });
      }),
    crash: hubgwProcedure
      .meta({ openapi: { method: 'GET', path: '/api/v1/crash' } })
      .input(z.void())
      .output(z.void())
      .query(() => {
        throw new Error('relation "secret_table" does not exist at SELECT * FROM secret_table');
      }),
  }),
  aurora: router({
    conflict: auroraProcedure
      .meta({ openapi: { method: 'POST', path: '/api/conflict' } })
      .input(z.object({ name: z.string() }))
      .output(z.void())
      .mutation(({ input }) => {
        throw AppError.explained('already_exists', `Item '${input.name}' already exists`, 'names are unique');
      }),
    crash: auroraProcedure
      .meta({ openapi: { method: 'GET', path: '/api/crash' } })
      .input(z.void())
      .output(z.void())
      .query(() => {
        throw new Error('duplicate key value violates unique constraint "users_pkey"');
      }),
    whoami: auroraProcedure
      .meta({ openapi: { method: 'GET', path: '/api/whoami' } })
      .input(z.void())
      .output(z.object({ admin: z.boolean() }))
      .query(({ ctx }) => ({ admin: ctx.identity.adminToken })),
  }),
});
