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
