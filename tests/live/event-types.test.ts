// A dashboard narrows a live event on its `type`: each family's events are the union of its announced mutations,
// `data` typed as that mutation's output. The type assertions are checked by `npm run typecheck`; the run-time ones
// hold the union to what the server really announces.
import type { inferRouterInputs } from '@trpc/server';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PolicyTable } from '#src/trpc/policy-table.ts';
import * as auroraEvents from '../../routers/aurora/events.ts';
import type { AuroraEvent } from '../../routers/aurora/resources.ts';
import type { HubgwEvent } from '../../routers/hubgw/resources.ts';
import { type AppRouter, appRouter } from '../../routers/index.ts';

const HUBGW_EVENTS = [
  'punishments.create',
  'punishments.revoke',
  'warps.create',
  'warps.delete',
  'warps.update',
  'whitelist.add',
  'whitelist.remove',
] as const;

function announcedIn(family: string): string[] {
  return [...PolicyTable.read(appRouter).announced]
    .filter((path) => path.startsWith(`${family}.`))
    .map((path) => path.slice(family.length + 1))
    .sort();
}

describe('live event types', () => {
  it("HubGW's union is exactly the mutations the server announces", () => {
    expectTypeOf<HubgwEvent['type']>().toEqualTypeOf<(typeof HUBGW_EVENTS)[number]>();
    expect(announcedIn('hubgw')).toEqual([...HUBGW_EVENTS]);
  });

  it("Aurora's union covers every mutation the server announces, and no read", () => {
    const announced = announcedIn('aurora');
    expect(announced).toContain('items.create');
    expect(announced).toContain('economy.transfer');
    expect(announced).not.toContain('items.list');
    expectTypeOf<'items.create'>().toExtend<AuroraEvent['type']>();
    expectTypeOf<'items.list'>().not.toExtend<AuroraEvent['type']>();
  });

  it('adds the events Aurora publishes by itself, none named like a procedure', () => {
    const published = Object.values(auroraEvents).map((event) => event.type);
    expect(published).toEqual(['users.levelUp']);
    const procedures = Object.keys(appRouter._def.procedures);
    for (const type of published) expect(procedures).not.toContain(`aurora.${type}`);
    type LevelUp = Extract<AuroraEvent, { type: 'users.levelUp' }>;
    expectTypeOf<LevelUp['data']>().toEqualTypeOf<{
      userId: string;
      previousLevel: number;
      level: number;
      xp: string;
    }>();
  });

  it("narrows an event's data to its procedure's output", () => {
    type WarpCreated = Extract<HubgwEvent, { type: 'warps.create' }>;
    expectTypeOf<WarpCreated['data']['name']>().toEqualTypeOf<string>();
    type Transfer = Extract<AuroraEvent, { type: 'economy.transfer' }>;
    expectTypeOf<Transfer['data']['amount']>().toEqualTypeOf<string>();
    // @ts-expect-error: homes are not announced, so no event has this type
    const unannounced: HubgwEvent['type'] = 'homes.upsert';
    expect(HUBGW_EVENTS).not.toContain(unannounced);
  });

  it('types the list inputs limit and offset as numbers on the client', () => {
    type ItemsList = NonNullable<inferRouterInputs<AppRouter>['aurora']['items']['list']>;
    expectTypeOf<ItemsList['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ItemsList['offset']>().toEqualTypeOf<number | undefined>();
  });
});
