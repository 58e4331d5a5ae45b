// tRPC over HTTP at /trpc through the official client, as the README's "Over /trpc and /ws" describes it: single and
// batched calls by GET and POST, streamed batches, errors in tRPC's envelope with the app's codes, and the body limit.
import {
  createTRPCClient,
  httpBatchLink,
  httpBatchStreamLink,
  httpLink,
  type TRPCClientError,
  type TRPCLink,
} from '@trpc/client';
import { describe, expect, it } from 'vitest';
import type { AppRouter } from '#routers/index.ts';
import { API_KEY, useTestServer } from '../support/server.ts';

const server = useTestServer();
const PLAYER = '069a79f4-44e9-4726-a5be-fca90e38aaf5';

interface SeenRequest {
  method: string;
  path: string;
  status: number;
  headers: Headers;
}

/** A client through `link`, keeping every HTTP request it sends and what came back. */
function clientThrough(
  link: (options: { url: string; fetch: typeof fetch; headers: Record<string, string> }) => TRPCLink<AppRouter>,
) {
  const seen: SeenRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(String(input));
    seen.push({
      method: init?.method ?? 'GET',
      path: url.pathname,
      status: response.status,
      headers: response.headers,
    });
    return response;
  };
  const trpc = createTRPCClient<AppRouter>({
    links: [link({ url: `${server.url}/trpc`, fetch: recordingFetch, headers: { 'x-api-key': API_KEY } })],
  });
  return { trpc, seen };
}

const home = (name: string) => ({
  player_uuid: PLAYER,
  name,
  world: 'world',
  x: 1.5,
  y: 64,
  z: -2.25,
  yaw: 90,
  pitch: 0,
  is_public: true,
});

async function failure(call: Promise<unknown>) {
  const error = (await call.then(
    () => expect.unreachable('the call succeeded'),
    (caught: unknown) => caught,
  )) as TRPCClientError<AppRouter>;
  return { message: error.message, code: error.data?.code, httpStatus: error.data?.httpStatus, data: error.data };
}

describe('httpBatchLink', () => {
  it('sends concurrent queries as one GET and a mutation as a POST, and reads every answer', async () => {
    const { trpc, seen } = clientThrough(httpBatchLink);
    const saved = await trpc.hubgw.homes.upsert.mutate(home('batched'));
    expect(saved).toMatchObject({ player_uuid: PLAYER, name: 'batched', x: 1.5, is_public: true });
    const [list, ban, items] = await Promise.all([
      trpc.hubgw.homes.list.query({ player_uuid: PLAYER }),
      trpc.hubgw.punishments.banStatus.query({ player_uuid: PLAYER }),
      trpc.aurora.items.list.query({ limit: 5 }),
    ]);
    expect(list.homes).toContainEqual(saved);
    expect(ban).toEqual({ is_banned: false, punishment: null });
    expect(items).toEqual({ items: [], total: 0 });
    expect(seen.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'POST', path: '/trpc/hubgw.homes.upsert', status: 200 },
      { method: 'GET', path: '/trpc/hubgw.homes.list,hubgw.punishments.banStatus,aurora.items.list', status: 200 },
    ]);
    expect(seen[1]!.headers.get('content-type')).toBe('application/json');
    expect(Number(seen[1]!.headers.get('content-length'))).toBeGreaterThan(0);
    expect(seen[1]!.headers.get('x-content-type-options')).toBe('nosniff');
    expect(seen[1]!.headers.get('x-request-id')).toMatch(/^[\w.:-]+$/);
  });

  it('answers each call of a batch on its own: one not found, the others served', async () => {
    const { trpc, seen } = clientThrough(httpBatchLink);
    const [missing, found] = await Promise.allSettled([
      trpc.hubgw.homes.get.mutate({ player_uuid: PLAYER, name: 'nowhere' }),
      trpc.hubgw.homes.upsert.mutate(home('found')),
    ]);
    expect(found).toMatchObject({ status: 'fulfilled', value: { name: 'found' } });
    expect(await failure(Promise.reject((missing as PromiseRejectedResult).reason))).toMatchObject({
      message: "Home 'nowhere' not found",
      code: 'NOT_FOUND',
      httpStatus: 404,
      data: { appCode: 'not_found', details: { player_uuid: PLAYER, name: 'nowhere' } },
    });
    // A batch with mixed outcomes answers 207, as tRPC does.
    expect(seen.map(({ status }) => status)).toEqual([207]);
  });

  it('refuses a call without the credential with UNAUTHORIZED, and bad input with BAD_REQUEST', async () => {
    const bare = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/trpc` })] });
    expect(await failure(bare.hubgw.homes.list.query({ player_uuid: PLAYER }))).toMatchObject({
      code: 'UNAUTHORIZED',
      httpStatus: 401,
      data: { appCode: 'unauthorized' },
    });
    const { trpc } = clientThrough(httpBatchLink);
    expect(await failure(trpc.hubgw.homes.list.query({ player_uuid: 'not-a-uuid' }))).toMatchObject({
      code: 'BAD_REQUEST',
      httpStatus: 400,
      data: { appCode: 'validation_error' },
    });
  });

  it('refuses a POST body over 1 MB with PAYLOAD_TOO_LARGE', async () => {
    const { trpc } = clientThrough(httpBatchLink);
    expect(await failure(trpc.hubgw.homes.upsert.mutate(home('x'.repeat(1024 * 1024))))).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      httpStatus: 413,
    });
  });
});

describe('httpLink and httpBatchStreamLink', () => {
  it('serves unbatched calls one request each', async () => {
    const { trpc, seen } = clientThrough(httpLink);
    const saved = await trpc.hubgw.homes.upsert.mutate(home('single'));
    expect(await trpc.hubgw.homes.get.mutate({ player_uuid: PLAYER, name: 'single' })).toEqual(saved);
    expect((await trpc.hubgw.homes.list.query({ player_uuid: PLAYER })).homes).toContainEqual(saved);
    expect(seen.map(({ method, path, status }) => ({ method, path, status }))).toEqual([
      { method: 'POST', path: '/trpc/hubgw.homes.upsert', status: 200 },
      { method: 'POST', path: '/trpc/hubgw.homes.get', status: 200 },
      { method: 'GET', path: '/trpc/hubgw.homes.list', status: 200 },
    ]);
  });

  it('streams a batch as JSON lines, each answer and each error in its place', async () => {
    const { trpc, seen } = clientThrough(httpBatchStreamLink);
    const [list, missing, items] = await Promise.allSettled([
      trpc.hubgw.homes.list.query({ player_uuid: PLAYER }),
      trpc.aurora.items.get.query({ id: 999_999 }),
      trpc.aurora.items.list.query({ limit: 5 }),
    ]);
    expect(list).toMatchObject({ status: 'fulfilled', value: { total: expect.any(Number) } });
    expect(items).toEqual({ status: 'fulfilled', value: { items: [], total: 0 } });
    expect(await failure(Promise.reject((missing as PromiseRejectedResult).reason))).toMatchObject({
      code: 'NOT_FOUND',
      data: { appCode: 'not_found' },
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.headers.get('content-type')).toBe('application/json');
    expect(seen[0]!.headers.get('transfer-encoding')).toBe('chunked');
  });
});
