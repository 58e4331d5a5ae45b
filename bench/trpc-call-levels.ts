// `node bench/trpc-call-levels.ts [rounds] [calls]`: tRPC's own CPU per procedure call, in process: a procedure
// shaped as ours are (one middleware that passes a new context, an input and an output validator, a resolver) on an
// instance with an error formatter, called through tRPC's caller with a context of our Context's size. The
// database, HTTP and our middleware's work are left out: what is left is tRPC's levels and their object spreads.
// Run it with and without patches/@trpc+server+11.25.2.patch applied (`npx patch-package --reverse` undoes it) to
// see what the patch changes.
import { performance } from 'node:perf_hooks';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';

const rounds = Number(process.argv[2] ?? 5);
const calls = Number(process.argv[3] ?? 50_000);

const context = {
  orm: {},
  identity: {},
  address: '127.0.0.1',
  transport: 'rest',
  log: {},
  requestId: 'a',
  now: () => new Date(0),
  services: {},
  upload: null,
  socket: null,
};
const t = initTRPC.context<typeof context>().create({ errorFormatter: ({ shape }) => shape });
const withPolicy = t.middleware(({ next }) => next({ ctx: { em: {}, transaction: {}, publish: () => undefined } }));
const item = z.object({ id: z.number(), name: z.string() });
const input = z.object({ id: z.number() });
const router = t.router({
  get: t.procedure
    .use(withPolicy)
    .input(input)
    .output(item)
    .query(({ input }) => ({ id: input.id, name: 'item' })),
});
const caller = t.createCallerFactory(router)(context);

/** Zod's parse alone, the same two schemas: the part of a call that is validation rather than tRPC's levels. */
async function validationOnly(id: number) {
  input.parse({ id });
  return item.parse({ id, name: 'item' });
}

async function perCall(call: (id: number) => Promise<unknown>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < calls; i++) await call(i);
  return ((performance.now() - started) * 1000) / calls;
}

const rows: string[] = [];
for (let round = 1; round <= rounds; round++) {
  const viaTrpc = await perCall((id) => caller.get({ id }));
  const parseOnly = await perCall(validationOnly);
  rows.push(`| ${round} | ${viaTrpc.toFixed(2)} | ${parseOnly.toFixed(2)} |`);
}
console.log('| round | procedure call through tRPC, µs | its validation alone, µs |\n|---|---|---|');
console.log(rows.join('\n'));
