// The Aurora family: one sub-router per resource.
import { router } from '#src/trpc/procedures.ts';
import { actionsRouter } from './actions/router.ts';
import { classesRouter } from './classes/router.ts';
import { economyRouter } from './economy/router.ts';
import { healthProcedure } from './health.ts';
import { inventoryRouter } from './inventory/router.ts';
import { itemsRouter } from './items/router.ts';
import { auroraLiveRouter } from './live.ts';
import { lootdropsRouter } from './lootdrops/router.ts';
import { moderationRouter } from './moderation/router.ts';
import { questsRouter } from './quests/router.ts';
import { settingsRouter } from './settings/router.ts';
import { shopRouter } from './shop/router.ts';
import { statsRouter } from './stats/router.ts';
import { transactionsRouter } from './transactions/router.ts';
import { usersRouter } from './users/router.ts';

export const auroraRouter = router({
  health: healthProcedure,
  items: itemsRouter,
  users: usersRouter,
  inventory: inventoryRouter,
  moderation: moderationRouter,
  quests: questsRouter,
  settings: settingsRouter,
  actions: actionsRouter,
  stats: statsRouter,
  live: auroraLiveRouter,
  classes: classesRouter,
  transactions: transactionsRouter,
  economy: economyRouter,
  shop: shopRouter,
  lootdrops: lootdropsRouter,
});
