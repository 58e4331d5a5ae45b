// The Aurora family's resources: one sub-router each. Its live view and health sit beside them in index.ts, so the
// type of the events the resources announce can be read here without reading the live view that carries them.
import type { AnnouncedEvent } from '#src/trpc/announced.ts';
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

/** Every live event of the family: `type` is the announced procedure's path (`warps.create`), `data` its output. */
export type AuroraEvent = AnnouncedEvent<typeof auroraResources>;
