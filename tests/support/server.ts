// Boots the real server on port 0 for one test file and talks to it over HTTP.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AnyRouter } from '@trpc/server';
import { afterAll, beforeAll } from 'vitest';
import { loadConfig } from '#src/config.ts';
import type { Clock } from '#src/trpc/context.ts';
import { createLogger, type Logger } from '#src/logger.ts';
import { application } from '../../application.ts';
import { startServer, type RunningServer } from '#src/server.ts';
import { createTestDatabase } from './database.ts';

export const API_KEY = 'test-api-key-0123456789';

export interface TestServer {
  url: string;
  databaseUrl: string;
  /** The server's DATA_DIR, a fresh temporary folder removed on close. */
  dataDir: string;
  /** Runs SQL as another client of the same database would (the LuckPerms plugin, say). */
  sql<Row = Record<string, unknown>>(query: string, params?: unknown[]): Promise<Row[]>;
  close(): Promise<void>;
}

export interface TestServerOptions {
  /** Over the defaults; an undefined value leaves that variable unset (DATABASE_URL: the embedded database on disk). */
  env?: Record<string, string | undefined>;
  /** Serves this router instead of the application's, to test the adapter's mechanics. */
  router?: AnyRouter;
  clock?: Clock;
  /** Another server's database, to run a second instance beside it; left for that server to drop. */
  databaseUrl?: string;
  /** A DATA_DIR the test made (on a small file system, say); left for the test to remove. */
  dataDir?: string;
  /** Where the server logs, to read its lines; silent when not given. */
  log?: Logger;
}

export async function startTestServer({
  env = {},
  router,
  clock,
  databaseUrl,
  dataDir: givenDataDir,
  log = createLogger('silent'),
}: TestServerOptions = {}): Promise<TestServer> {
  const database = databaseUrl ? { url: databaseUrl, drop: async () => {} } : await createTestDatabase();
  const dataDir = givenDataDir ?? (await mkdtemp(join(tmpdir(), 'game-backend-test-')));
  const removeDataDir = () => (givenDataDir ? Promise.resolve() : rm(dataDir, { recursive: true, force: true }));
  const config = loadConfig(
    {
      PORT: '0',
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      SECURITY__API_KEY: API_KEY,
      RATE_LIMIT__MAX: '1000000',
      ...env,
    },
    () => 'unused',
  );
  let server: RunningServer;
  try {
    const served = router ? { ...application, domain: { ...application.domain, router } } : application;
    server = await startServer(config, log, served, { clock });
  } catch (error) {
    await database.drop();
    await removeDataDir();
    throw error;
  }
  return {
    url: server.url,
    databaseUrl: database.url,
    sql: (query, params = []) => server.orm.em.fork().execute(query, params),
    dataDir,
    async close() {
      await server.close(1000);
      await database.drop();
      await removeDataDir();
    },
  };
}

/**
 * One server for the tests of the file or `describe` that calls it: started before them and closed after them. The
 * returned handle reads through to that server, so it can be declared where the tests are.
 */
export function useTestServer(options: TestServerOptions = {}): TestServer {
  let started: TestServer | undefined;
  beforeAll(async () => {
    started = await startTestServer(options);
  });
  afterAll(() => started?.close());
  const current = (): TestServer => {
    if (!started) throw new Error('the test server is started in beforeAll; use it inside a test or hook');
    return started;
  };
  return {
    get url() {
      return current().url;
    },
    get databaseUrl() {
      return current().databaseUrl;
    },
    get dataDir() {
      return current().dataDir;
    },
    sql: (query, params) => current().sql(query, params),
    close: () => current().close(),
  };
}

/**
 * Two servers on one database, for the tests of the `describe` that calls it: started before them, the second beside
 * the first, and closed after them (the first drops the database).
 */
/** Two servers on one database; `firstLog`, when given, hears the first one's log. */
export function useTwoInstances(
  env: Record<string, string> = {},
  { firstLog }: { firstLog?: Logger } = {},
): { first: TestServer; second: TestServer } {
  const instances = {} as { first: TestServer; second: TestServer };
  beforeAll(async () => {
    instances.first = await startTestServer({ env, log: firstLog });
    instances.second = await startTestServer({ env, databaseUrl: instances.first.databaseUrl });
  });
  afterAll(async () => {
    await instances.second?.close();
    await instances.first?.close();
  });
  return instances;
}

export interface TestResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  json?: unknown;
  body?: string;
  headers?: Record<string, string>;
}

/** A request to `server`: a test server, or any server whose address a test knows (a process it started). */
export async function request<T = any>(
  server: Pick<TestServer, 'url'>,
  method: string,
  path: string,
  options: RequestOptions = {},
): Promise<TestResponse<T>> {
  const headers: Record<string, string> = { ...options.headers };
  let body = options.body;
  if (options.json !== undefined) {
    body = JSON.stringify(options.json);
    headers['content-type'] ??= 'application/json';
  }
  const response = await fetch(`${server.url}${path}`, { method, headers, body });
  const text = await response.text();
  const isJson = response.headers.get('content-type')?.includes('application/json') ?? false;
  return { status: response.status, headers: response.headers, text, body: (isJson ? JSON.parse(text) : text) as T };
}

/** A HubGW call with the test API key. */
export function hubgw<T = any>(
  server: Pick<TestServer, 'url'>,
  method: string,
  path: string,
  options: RequestOptions = {},
) {
  return request<T>(server, method, `/api/v1${path}`, {
    ...options,
    headers: { 'X-API-Key': API_KEY, ...options.headers },
  });
}

/** A clock a test can move: the server reads `clock.now` wherever a rule depends on time. */
export function testClock(start = new Date('2030-01-01T00:00:00.000Z')) {
  const state = { now: start };
  return {
    read: (() => state.now) as Clock,
    advance(seconds: number) {
      state.now = new Date(state.now.getTime() + seconds * 1000);
    },
    get now() {
      return state.now;
    },
  };
}
