// Hears live event ids announced with NOTIFY on PostgreSQL, over a connection of its own, for every instance.
import pg from 'pg';
import type { Logger } from '../logger.ts';
import { NOTIFY_CHANNEL, type Listener } from './bus.ts';

export async function listenForEvents(url: string, onId: (id: string) => void, log: Logger): Promise<Listener> {
  const connection = new pg.Client({ connectionString: url });
  await connection.connect();
  connection.on('notification', (message) => {
    if (message.channel === NOTIFY_CHANNEL && message.payload) onId(message.payload);
  });
  connection.on('error', (error) => log.error({ err: error }, 'live event listener failed'));
  await connection.query(`listen ${NOTIFY_CHANNEL}`);
  return { close: () => connection.end() };
}
