// A dashboard's typed client: lists items over HTTP, then prints live stats and change events over WebSocket.
// Every call below is checked against the server's AppRouter type.
//   node examples/dashboard-client.ts [http://127.0.0.1:3000]      (ADMIN_TOKEN=… when the server has one)
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, wsLink } from '@trpc/client';
import type { AppRouter } from '../routers/index.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
const token = process.env.ADMIN_TOKEN;

const socket = createWSClient({
  url: `${base.replace(/^http/, 'ws')}/ws`,
  ...(token ? { connectionParams: { token } } : {}),
});
const client = createTRPCClient<AppRouter>({
  links: [
    splitLink({
      condition: (operation) => operation.type === 'subscription',
      true: wsLink({ client: socket }),
      false: httpBatchLink({ url: `${base}/trpc`, headers: token ? { Authorization: `Bearer ${token}` } : {} }),
    }),
  ],
});

const { items, total } = await client.aurora.items.list.query({ limit: 10 });
console.log(`${total} items`);
for (const item of items) console.log(`  #${item.id} ${item.name} [${item.rarity}] ${item.price}`);

client.aurora.live.stats.subscribe(undefined, {
  onData: (stats) =>
    console.log(`stats: ${stats.totalUsers} users, economy ${stats.totalEconomy}, ${stats.liveConnections} live`),
  onError: (error) => console.error('stats:', error.message),
});

let lastEventId: string | null = null;
client.aurora.live.events.subscribe(
  { lastEventId },
  {
    onData: ({ id, data: event }) => {
      lastEventId = id;
      // Each event's type names its procedure, and narrows its data to that procedure's output.
      switch (event.type) {
        case 'items.create':
          console.log(`event ${id}: item #${event.data.item.id} ${event.data.item.name} created`);
          break;
        case 'economy.transfer':
          console.log(`event ${id}: ${event.data.amount} from ${event.data.from.id} to ${event.data.to.id}`);
          break;
        default:
          console.log(`event ${id} ${event.timestamp} ${event.type}`);
      }
    },
    onError: (error) => console.error('events:', error.message),
  },
);

process.on('SIGINT', () => {
  socket.close();
  process.exit(0);
});
