// Aurora statistics: dashboard totals, and hourly activity for the last 24 hours (cached five minutes).
import { restRoutes } from '#src/trpc/rest-route.ts';
import { router } from '#src/trpc/procedures.ts';
import { auroraProcedure } from '../procedure.ts';
import { noInput } from '../../shared/schemas.ts';
import { cachedActivity, dashboardStats } from './queries.ts';
import { activity, stats } from './schemas.ts';
import { statsExamples } from './examples.ts';

const route = restRoutes('aurora: stats');

export const statsRouter = router({
  get: auroraProcedure
    .meta(route('GET /api/stats', 'Dashboard totals', { example: statsExamples.get }))
    .input(noInput)
    .output(stats)
    .query(({ ctx }) => dashboardStats(ctx.em, ctx.now(), ctx.services)),

  activity: auroraProcedure
    .meta(
      route(
        'GET /api/stats/activity',
        'Transactions and cases per hour, last 24 hours (cached five minutes; clear-cache drops it)',
        { example: statsExamples.activity },
      ),
    )
    .input(noInput)
    .output(activity)
    .query(({ ctx }) => cachedActivity(ctx.em, ctx.now, ctx.services.domain.activityCache)),
});
