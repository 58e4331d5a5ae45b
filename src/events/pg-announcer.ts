// Announces live events to every instance on one PostgreSQL with LISTEN/NOTIFY, over a connection of its own.
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { NOTIFY_CHANNEL, type Announcer } from './bus.ts';

export async function connectPgAnnouncer(url: string, onId: (id: string) => void, log: Logger): Promise<Announcer> {
  const listener = new pg.Client({ connectionString: url });
  await listener.connect();
  listener.on('notification', (message) => {
    if (message.channel === NOTIFY_CHANNEL && message.payload) onId(message.payload);
  });
  listener.on('error', (error) => log.error({ err: error }, 'live event listener failed'));
  await listener.query(`listen ${NOTIFY_CHANNEL}`);
  return {
    async announce(id) {
      await listener.query('select pg_notify($1, $2)', [NOTIFY_CHANNEL, id]);
    },
    async close() {
      await listener.end();
    },
  };
}
