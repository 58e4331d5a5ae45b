// The domain the server serves: the application router, and what its procedures need started with it.
import type { Domain } from '#src/domain.ts';
import { startItemImages } from './aurora/items/images/index.ts';
import { startActivityCache } from './aurora/stats/activity-cache.ts';
import { appRouter } from './index.ts';
import { startDatabaseCheck } from './server/database-check.ts';

export const domain: Domain = {
  router: appRouter,
  async start(context) {
    const { images, route } = await startItemImages(context);
    return {
      services: { itemImages: images, activityCache: startActivityCache(context), databaseCheck: startDatabaseCheck() },
      routes: [route],
    };
  },
};
