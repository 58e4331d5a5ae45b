// The PostgreSQL pool as the metrics see it: its connections by state, the requests waiting for one, and how long
// each request waited.
import type { Pool, PoolClient } from 'pg';
import type { Orm } from '../database/open.ts';
import type { ServerMetrics } from './server-metrics.ts';

/** Watches the pool behind a PostgreSQL ORM; PGlite has one connection and no pool, so it has nothing to show. */
export async function watchDatabasePool(orm: Orm, metrics: ServerMetrics): Promise<void> {
  const pool = (await orm.driver.getConnection().getNativeClient()) as Pool;
  metrics.watchPool(pool);
  // pg's pool reports no wait times, so its connect (which the query builder calls, promise style) is timed here.
  const connect = pool.connect.bind(pool) as () => Promise<PoolClient>;
  const timedConnect = async (): Promise<PoolClient> => {
    const waited = metrics.poolAcquire.startTimer();
    try {
      return await connect();
    } finally {
      waited();
    }
  };
  pool.connect = timedConnect as Pool['connect'];
}
