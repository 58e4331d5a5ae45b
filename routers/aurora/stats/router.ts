// Aurora statistics: dashboard totals, and hourly activity for the last 24 hours (cached five minutes).
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput } from '../../shared/schemas.ts';
import { cachedActivity, dashboardStats } from './queries.ts';
import { activity, stats } from './schemas.ts';

const tags = ['aurora: stats'];

export const statsRouter = router({
  get: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/stats',
        description: 'Gets the full dashboard statistics.',
        tags,
        summary: 'Dashboard totals',
      },
    })
    .input(noInput)
    .output(stats)
    .query(({ ctx }) => dashboardStats(ctx.em, ctx.now(), ctx.services)),

  activity: auroraProcedure
    .meta({
      openapi: {
        method: 'GET',
        path: '/api/stats/activity',
        description: 'Gets the activity aggregation, cached for five minutes.',
        tags,
        summary: 'Transactions and cases per hour, last 24 hours (cached five minutes; clear-cache drops it)',
      },
    })
    .input(noInput)
    .output(activity)
    .query(({ ctx }) => cachedActivity(ctx.em, ctx.now, ctx.services.domain.activityCache)),
});
