// Swagger UI's "Try it out", pressed on every operation in turn against a fresh server: each sends the document's
// own example (its path and query parameters, its body) and must get the documented success status, and an answer
// that its documented schema accepts. Ids the server assigns are carried forward, as a person copies them from one
// answer into the next request.
import { beforeAll, describe, expect, it } from 'vitest';
import { pointer, schemaValidator } from '../support/openapi-validator.ts';
import { API_KEY, request, useTestServer } from '../support/server.ts';

const server = useTestServer();
let document: any;
beforeAll(async () => {
  document = (await request(server, 'GET', '/openapi.json')).body;
});

interface Step {
  operationId: string;
  /** Fields changed in the example body before sending, as a person edits it; said why beside the step. */
  edit?: Record<string, unknown>;
}

/** The order a person would go in: what a request names is made before it, and deleted after its last use. */
const steps: Step[] = [
  ...['server-live', 'server-ready', 'aurora-health', 'hubgw-health'].map((operationId) => ({ operationId })),
  ...[
    'aurora-classes-create',
    'aurora-classes-list',
    'aurora-users-create',
    'aurora-users-list',
    'aurora-users-get',
    'aurora-users-update',
  ].map((operationId) => ({ operationId })),
  // A second user, for the transfer to pay.
  { operationId: 'aurora-users-create', edit: { id: '876543210987654321', username: 'Player2' } },
  ...[
    'aurora-classes-update',
    'aurora-items-create',
    'aurora-items-list',
    'aurora-items-get',
    'aurora-items-update',
    'aurora-inventory-add',
    'aurora-inventory-list',
    'aurora-inventory-remove',
    'aurora-shop-buy',
    'aurora-economy-dailyStatus',
    'aurora-economy-daily',
    'aurora-economy-transfer',
    'aurora-transactions-list',
    'aurora-moderation-create',
    'aurora-moderation-list',
    'aurora-moderation-get',
    'aurora-moderation-clear',
    'aurora-quests-create',
    'aurora-quests-list',
    'aurora-quests-update',
    'aurora-quests-assign',
    'aurora-quests-forUser',
    'aurora-quests-triggerEvent',
    'aurora-lootdrops-spawn',
    'aurora-lootdrops-get',
    'aurora-lootdrops-claim',
    'aurora-settings-get',
    'aurora-settings-update',
    'aurora-settings-publishMeta',
    'aurora-settings-meta',
    'aurora-actions-reloadCommands',
    'aurora-actions-clearCache',
    'aurora-actions-maintenanceMode',
    'aurora-stats-get',
    'aurora-stats-activity',
    'aurora-quests-delete',
    'aurora-items-delete',
    'aurora-classes-delete',
    'hubgw-homes-upsert',
    'hubgw-homes-get',
    'hubgw-homes-list',
    'hubgw-kits-upsert',
    'hubgw-kits-list',
    'hubgw-kits-claim',
    'hubgw-kits-delete',
    'hubgw-cooldowns-create',
    'hubgw-cooldowns-check',
    'hubgw-warps-create',
    'hubgw-warps-update',
    'hubgw-warps-get',
    'hubgw-warps-list',
    'hubgw-warps-delete',
    'hubgw-whitelist-add',
    'hubgw-whitelist-check',
    'hubgw-whitelist-list',
    'hubgw-whitelist-count',
    'hubgw-whitelist-remove',
    'hubgw-punishments-create',
    'hubgw-punishments-query',
    'hubgw-punishments-banStatus',
    'hubgw-punishments-muteStatus',
    'hubgw-punishments-revoke',
    'hubgw-audit-logCommands',
    'hubgw-luckperms-createPlayer',
    'hubgw-luckperms-player',
    'hubgw-luckperms-playerByUsername',
    'hubgw-luckperms-group',
    'hubgw-luckperms-permissions',
    'hubgw-luckperms-playerWithPermissions',
    'hubgw-teleportHistory-create',
    'hubgw-teleportHistory-list',
    'hubgw-users-linkGameId',
    'hubgw-users-gameId',
  ].map((operationId) => ({ operationId })),
];

/** Operations Try it out cannot run from an example, each with the reason. */
const notTried: Record<string, string> = {
  'aurora-items-uploadIcon': 'takes a file, which Try it out asks the person to choose',
  'aurora-assets-item': 'serves the file an upload stored',
  'server-metrics': 'answers Prometheus text, not JSON, and has no body or parameters to try',
};

interface Operation {
  path: string;
  method: string;
  operation: any;
}

function operations(): Map<string, Operation> {
  const found = new Map<string, Operation>();
  for (const [path, item] of Object.entries<any>(document.paths))
    for (const [method, operation] of Object.entries<any>(item))
      found.set(operation.operationId, { path, method, operation });
  return found;
}

/** Every id the examples made up, mapped to the one the server gave the same thing. */
const assigned = new Map<unknown, unknown>();

function learnIds(example: unknown, actual: unknown): void {
  if (!example || !actual || typeof example !== 'object' || typeof actual !== 'object') return;
  if (Array.isArray(example) || Array.isArray(actual)) return;
  for (const [key, value] of Object.entries(example)) {
    const answered = (actual as Record<string, unknown>)[key];
    if (key === 'id' && typeof value !== 'object' && answered !== undefined && answered !== value)
      assigned.set(value, answered);
    else learnIds(value, answered);
  }
}

function withAssignedIds(value: unknown): unknown {
  if (assigned.has(value)) return assigned.get(value);
  if (Array.isArray(value)) return value.map(withAssignedIds);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, withAssignedIds(inner)]));
  return value;
}

function requestOf({ path, operation }: Operation, edit: Record<string, unknown> = {}) {
  const query = new URLSearchParams();
  let url = path;
  for (const parameter of operation.parameters ?? []) {
    const value = withAssignedIds(parameter.example);
    if (parameter.in === 'path') {
      if (value === undefined) throw new Error(`${operation.operationId}: no example for ${parameter.name}`);
      url = url.replace(`{${parameter.name}}`, encodeURIComponent(String(value)));
    } else if (parameter.in === 'query' && value !== undefined) query.set(parameter.name, String(value));
  }
  const example = operation.requestBody?.content?.['application/json']?.example;
  const json = example === undefined ? undefined : { ...(withAssignedIds(example) as object), ...edit };
  const usesApiKey = (operation.security ?? []).some((scheme: object) => 'ApiKey' in scheme);
  const headers: Record<string, string> = usesApiKey ? { 'X-API-Key': API_KEY } : {};
  return { url: query.size > 0 ? `${url}?${query}` : url, json, headers };
}

describe("Try it out on every operation's example, in order, on a fresh server", () => {
  it('tries every operation but those it cannot', () => {
    const tried = new Set(steps.map((step) => step.operationId));
    expect([...operations().keys()].filter((id) => !tried.has(id) && !(id in notTried))).toEqual([]);
    expect([...tried].filter((id) => !operations().has(id))).toEqual([]);
  });

  it('gets the documented success status and a documented answer for each', async () => {
    const validate = schemaValidator(document);
    const all = operations();
    const failures: string[] = [];
    for (const step of steps) {
      const found = all.get(step.operationId)!;
      const { url, json, headers } = requestOf(found, step.edit);
      const answer = await request(server, found.method.toUpperCase(), url, { json, headers });
      const success = Object.keys(found.operation.responses).find((status) => status.startsWith('2'))!;
      const name = `${step.operationId}: ${found.method.toUpperCase()} ${url}`;
      if (String(answer.status) !== success) {
        failures.push(`${name} answered ${answer.status}, documented ${success}: ${answer.text}`);
        continue;
      }
      const media = found.operation.responses[success].content?.['application/json'];
      if (!media) continue;
      const schema = pointer('paths', found.path, found.method, 'responses', success, 'content', 'application/json');
      const wrong = validate(`${schema}/schema`, answer.body);
      if (wrong.length > 0) failures.push(`${name} answered outside its schema: ${wrong.join('; ')}`);
      if (!step.edit) learnIds(media.example, answer.body);
    }
    expect(failures).toEqual([]);
  });
});
