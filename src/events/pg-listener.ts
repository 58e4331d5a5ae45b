// Hears live event announcements and signals sent with NOTIFY on PostgreSQL, over a connection of its own, for every
// instance. The same connection reads the announced events, so that reading never waits behind the writes for a pool
// connection. A lost connection (the database restarted, say) is re-established with backoff; announcements made
// while it was down are not heard, so `onReconnect` lets the feeds read whatever is new.
import pg from 'pg';
import type { Logger } from '../logger.ts';
import type { Listener } from './event-store.ts';
import { NOTIFY_CHANNEL } from './outbox.ts';

/** How the connection shows in pg_stat_activity. */
const LISTENER_APPLICATION_NAME = 'game-backend live events';
const RETRY_MIN_MS = 250;
const RETRY_MAX_MS = 10_000;

export async function listenForEvents(
  url: string,
  onPayload: (payload: string) => void,
  onReconnect: () => void,
  log: Logger,
): Promise<Listener> {
  let closed = false;
  let connection: pg.Client | null = null;
  let retryMs = RETRY_MIN_MS;
  let retryTimer: NodeJS.Timeout | null = null;

  async function connect(): Promise<void> {
    const client = new pg.Client({ connectionString: url, application_name: LISTENER_APPLICATION_NAME });
    client.on('notification', (message) => {
      if (message.channel === NOTIFY_CHANNEL && message.payload) onPayload(message.payload);
    });
    client.on('error', (error) => log.warn({ err: error }, 'live event listener lost its connection'));
    client.on('end', () => {
      if (closed || connection !== client) return;
      connection = null;
      scheduleReconnect();
    });
    await client.connect();
    await client.query(`listen ${NOTIFY_CHANNEL}`);
    connection = client;
    retryMs = RETRY_MIN_MS;
  }

  function scheduleReconnect(): void {
    retryTimer = setTimeout(() => {
      retryTimer = null;
      connect().then(
        () => {
          log.info('live event listener reconnected');
          onReconnect();
        },
        () => {
          retryMs = Math.min(retryMs * 2, RETRY_MAX_MS);
          if (!closed) scheduleReconnect();
        },
      );
    }, retryMs);
    retryTimer.unref();
  }

  await connect();
  return {
    async query<Row>(text: string, values: unknown[]) {
      if (!connection) throw new Error('the live event listener is reconnecting');
      return (await connection.query(text, values)).rows as Row[];
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      await connection?.end();
    },
  };
}
