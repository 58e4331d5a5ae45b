// Small helpers for Aurora tests: the seed's example user and class, created over the API.
import { request, type TestServer } from './server.ts';

export function createClass(server: TestServer, body: Record<string, unknown>) {
  return request(server, 'POST', '/api/classes', { json: body });
}

export function createUser(server: TestServer, body: Record<string, unknown>) {
  return request(server, 'POST', '/api/users', { json: body });
}

let nextId = 100_000_000_000_000_000n;
/** A fresh Discord id for each call, so tests in one file never collide. */
export function discordId(): string {
  nextId += 1n;
  return nextId.toString();
}

/** Onboards a user with a fresh id and the given fields (a balance, say), and answers the id. */
export async function onboard(server: TestServer, fields: Record<string, unknown> = {}): Promise<string> {
  const id = discordId();
  const res = await createUser(server, { id, username: `user${id.slice(-4)}`, ...fields });
  if (res.status !== 201) throw new Error(`onboarding ${id} answered ${res.status}: ${res.text}`);
  return id;
}

export async function balanceOf(server: TestServer, userId: string): Promise<string> {
  return (await request(server, 'GET', `/api/users/${userId}`)).body.balance;
}

/** The user's transactions, newest first. */
export async function ledgerOf(server: TestServer, userId: string): Promise<Record<string, unknown>[]> {
  return (await request(server, 'GET', `/api/transactions?userId=${userId}`)).body.transactions;
}
