// Typed tRPC clients over WebSocket for live-view tests, and a way to collect what a subscription yields.
import { createTRPCClient, createWSClient, wsLink } from '@trpc/client';
import type { AppRouter } from '#routers/index.ts';
import type { TestServer } from './server.ts';

export function liveClient(server: TestServer, connectionParams?: Record<string, string>) {
  const ws = createWSClient({
    url: `${server.url.replace('http', 'ws')}/ws`,
    ...(connectionParams ? { connectionParams } : {}),
  });
  return { trpc: createTRPCClient<AppRouter>({ links: [wsLink({ client: ws })] }), close: () => ws.close() };
}

interface Handlers<T> {
  onStarted: () => void;
  onData: (value: T) => void;
  onError: (error: unknown) => void;
}

/**
 * Resolves with the first `count` values a subscription yields, or rejects on its error or after `timeoutMs`.
 * `started` resolves once the server has started the subscription: it is listening from then on.
 */
export function collect<T>(
  subscribe: (handlers: Handlers<T>) => { unsubscribe(): void },
  count: number,
  timeoutMs = 10_000,
): Promise<T[]> & { started: Promise<void> } {
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => (markStarted = resolve));
  const values = new Promise<T[]>((resolve, reject) => {
    const values: T[] = [];
    const timer = setTimeout(() => {
      subscription.unsubscribe();
      reject(new Error(`got ${values.length} of ${count} values`));
    }, timeoutMs);
    const subscription = subscribe({
      onStarted: markStarted,
      onData(value) {
        values.push(value);
        if (values.length === count) {
          clearTimeout(timer);
          subscription.unsubscribe();
          resolve(values);
        }
      },
      onError(error) {
        clearTimeout(timer);
        reject(error);
      },
    });
  });
  return Object.assign(values, { started });
}
