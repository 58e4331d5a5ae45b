// A dashboard's typed client: lists items over HTTP, then prints live stats and change events over WebSocket.
// Every call below is checked against the server's AppRouter type.
//   npm run dashboard-client -- [http://127.0.0.1:3000]      (ADMIN_TOKEN=… when the server has one)
import { createTRPCClient, createWSClient, httpBatchLink, splitLink, TRPCClientError, wsLink } from '@trpc/client';
import type { AppRouter } from '../routers/index.ts';

const base = process.argv[2] ?? 'http://127.0.0.1:3000';
if (!URL.canParse(base)) {
  console.error(`${base} is not a URL: pass the server's, such as http://127.0.0.1:3000`);
  process.exit(1);
}
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

/** One line for what a person running the example can act on, instead of the client error's stack. */
function explain(error: unknown): string {
  if (error instanceof TRPCClientError && error.data?.code === 'UNAUTHORIZED') {
    return token
      ? `${base} refused the admin token in ADMIN_TOKEN`
      : `${base} needs an admin token: run it again with ADMIN_TOKEN=<the server's SECURITY__ADMIN_TOKEN>`;
  }
  let cause = error;
  while (cause instanceof Error && cause.cause instanceof Error) cause = cause.cause;
  return `${base}: ${cause instanceof Error ? cause.message : String(cause)}`;
}

const { items, total } = await client.aurora.items.list.query({ limit: 10 }).catch((error: unknown) => {
  console.error(explain(error));
  process.exit(1);
});
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
      // Each event's type names its procedure, and narrows its data to that procedure's output; a published
      // event (users.levelUp) has data of its own.
      switch (event.type) {
        case 'items.create':
          console.log(`event ${id}: item #${event.data.item.id} ${event.data.item.name} created`);
          break;
        case 'economy.transfer':
          console.log(`event ${id}: ${event.data.amount} from ${event.data.from.id} to ${event.data.to.id}`);
          break;
        case 'users.levelUp':
          console.log(`event ${id}: user ${event.data.userId} reached level ${event.data.level}`);
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
