// The Aurora family's resources: one sub-router each. Its live view and health sit beside them in index.ts, so the
// type of the events the resources announce can be read here without reading the live view that carries them.
import type { PublishedEvent } from '#src/events/publish.ts';
import type { AnnouncedEvent } from '#src/trpc/announced.ts';
import type * as auroraEvents from './events.ts';
import { actionsRouter } from './actions/router.ts';
import { classesRouter } from './classes/router.ts';
import { economyRouter } from './economy/router.ts';
import { inventoryRouter } from './inventory/router.ts';
import { itemsRouter } from './items/router.ts';
import { lootdropsRouter } from './lootdrops/router.ts';
import { moderationRouter } from './moderation/router.ts';
import { questsRouter } from './quests/router.ts';
import { settingsRouter } from './settings/router.ts';
import { shopRouter } from './shop/router.ts';
import { statsRouter } from './stats/router.ts';
import { transactionsRouter } from './transactions/router.ts';
import { usersRouter } from './users/router.ts';

export const auroraResources = {
  items: itemsRouter,
  users: usersRouter,
  inventory: inventoryRouter,
  moderation: moderationRouter,
  quests: questsRouter,
  settings: settingsRouter,
  actions: actionsRouter,
  stats: statsRouter,
  classes: classesRouter,
  transactions: transactionsRouter,
  economy: economyRouter,
  shop: shopRouter,
  lootdrops: lootdropsRouter,
};

/**
 * Every live event of the family: for an announced mutation, `type` is its path (`items.create`) and `data` its
 * output; for a published event (events.ts), `type` and `data` are the event's own.
 */
export type AuroraEvent = AnnouncedEvent<typeof auroraResources> | PublishedEvent<typeof auroraEvents>;
