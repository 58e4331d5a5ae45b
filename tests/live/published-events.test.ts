// Events a domain publishes by itself (events/publish.ts), over the real server and its live socket: a quest whose
// XP lifts a user's level is published as `users.levelUp` in the same commit as the quest event; an event published
// by a change that rolls back is never stored; and one published outside a transaction is refused, not stored on
// its own.
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { AppError } from '#src/errors.ts';
import { domainEvent } from '#src/events/publish.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '#routers/aurora/procedure.ts';
import { onboard } from '../support/aurora.ts';
import { collect, liveClient } from '../support/live.ts';
import { request, useTestServer } from '../support/server.ts';

const server = useTestServer();

async function questFor(user: string, fields: Record<string, unknown>): Promise<number> {
  const quest = await request(server, 'POST', '/api/quests', { json: { name: 'Quest', target: 1, ...fields } });
  expect(quest.status).toBe(201);
  expect(
    (await request(server, 'POST', `/api/users/${user}/quests`, { json: { questId: quest.body.data.id } })).status,
  ).toBe(201);
  return quest.body.data.id;
}

/** The next `count` Aurora events, subscribed before `act` runs. */
async function eventsOf(count: number, act: () => Promise<unknown>) {
  const live = liveClient(server);
  try {
    const events = collect<{ data: { type: string; data?: unknown } }>(
      (handlers) => live.trpc.aurora.live.events.subscribe(undefined, handlers),
      count,
    );
    await events.started;
    await act();
    return (await events).map(({ data }) => ({ type: data.type, data: data.data }));
  } finally {
    live.close();
  }
}

describe('users.levelUp', () => {
  it('is published when a completed quest lifts the level, in the commit of the quest event', async () => {
    const user = await onboard(server);
    await questFor(user, { triggerEvent: 'boss:slain', xpReward: 400 });
    const events = await eventsOf(2, () =>
      request(server, 'POST', '/api/quests/events', { json: { userId: user, event: 'boss:slain' } }),
    );
    // 400 XP with the default baseXp 100 and exponent 1.5 is level 3; a commit's events keep the order they were made.
    expect(events[0]).toEqual({
      type: 'users.levelUp',
      data: { userId: user, previousLevel: 1, level: 3, xp: '400' },
    });
    expect(events[1]).toMatchObject({ type: 'quests.triggerEvent', data: { user: { id: user, level: 3 } } });
  });

  it('is not published when the XP leaves the level as it was', async () => {
    const user = await onboard(server);
    await questFor(user, { triggerEvent: 'fish:caught', xpReward: 5 });
    const events = await eventsOf(2, async () => {
      await request(server, 'POST', '/api/quests/events', { json: { userId: user, event: 'fish:caught' } });
      await request(server, 'POST', '/api/quests', { json: { name: 'After', triggerEvent: 'after', target: 1 } });
    });
    expect(events.map(({ type }) => type)).toEqual(['quests.triggerEvent', 'quests.create']);
  });
});

const probe = domainEvent('probes.published', z.object({ n: z.number() }));

const publishingRouter = router({
  aurora: router({
    publishThenFail: auroraProcedure
      .meta({ openapi: { method: 'POST', path: '/api/publish-then-fail' } })
      .input(z.object({ n: z.number() }))
      .output(z.void())
      .mutation(({ ctx, input }) =>
        ctx.em.transactional(async (tx) => {
          await ctx.publish(tx, probe, { n: input.n });
          throw AppError.explained('already_exists', 'Probe exists', 'the change is refused after publishing');
        }),
      ),
    publishAlone: auroraProcedure
      .meta({ openapi: { method: 'POST', path: '/api/publish-alone' } })
      .input(z.object({ n: z.number() }))
      .output(z.void())
      .mutation(({ ctx, input }) => ctx.publish(ctx.em, probe, { n: input.n })),
  }),
});

describe('publishing', () => {
  const fixture = useTestServer({ router: publishingRouter });
  const stored = () => fixture.sql<{ type: string }>(`select type from live_events where type = 'probes.published'`);

  it('stores nothing when the change it describes rolls back', async () => {
    const res = await request(fixture, 'POST', '/api/publish-then-fail', { json: { n: 1 } });
    expect([res.status, res.body]).toEqual([
      409,
      { error: 'Probe exists', details: 'the change is refused after publishing' },
    ]);
    expect(await stored()).toEqual([]);
  });

  it('refuses an event outside a transaction rather than storing it apart from its change', async () => {
    const res = await request(fixture, 'POST', '/api/publish-alone', { json: { n: 2 } });
    expect(res.status).toBe(500);
    expect(await stored()).toEqual([]);
  });
});
