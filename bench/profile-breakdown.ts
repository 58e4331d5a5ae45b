// `node bench/profile-breakdown.ts <file.cpuprofile> [requests]`: where a server's CPU went, by layer. Each sample
// goes to the innermost frame that belongs to a layer (our folders, or a package), so time spent in Node's own code or
// in V8 builtins counts for whoever called it; samples with no such frame are Node's HTTP and runtime. Idle time, and
// socket writes (their time is mostly the process they wake taking the core: two cores, shared with PostgreSQL and the
// load generator), are left out: they are not this process's work. So is the start: counting begins with the first request.
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const LAYERS: [layer: string, pattern: RegExp][] = [
  [
    'request log and metrics',
    /\/(pino|sonic-boom|prom-client|fast-redact|thread-stream)\/|\/src\/(http\/request-log|metrics)\//,
  ],
  ['security headers', /\/helmet\/|\/src\/http\/security-headers/],
  [
    'express',
    /\/(express|router|path-to-regexp|finalhandler|send|serve-static|body-parser|raw-body|type-is|on-finished)\//,
  ],
  ['tRPC HTTP adapter', /@trpc\/server\/dist\/(adapters|node-http|resolveResponse)|\/src\/http\/trpc-http/],
  ['REST adapter', /\/rest-adapter\//],
  ['tRPC procedure calls', /@trpc\/server\//],
  ['zod validation', /\/zod\//],
  ['Kysely and the naming plugin', /\/kysely\/|\/src\/database\/entity-naming|\/routers\/shared\/database/],
  ['MikroORM', /@mikro-orm\//],
  ['pg driver', /\/(pg|pg-protocol|pg-pool|pg-types|postgres-date|postgres-array|postgres-interval|postgres-bytea)\//],
  ['procedures and services', /\/routers\/|\/src\//],
];
const NOT_WORK = new Set(['(idle)', '(program)']);
const SOCKET_WRITES = new Set(['writeBuffer', 'writev', 'writeUtf8String', 'writeLatin1String', 'writeAsciiString']);

const [file, requestsArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/profile-breakdown.ts <file.cpuprofile> [requests]');
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

function layerOf(id: number): string {
  const leaf = byId.get(id)!.callFrame.functionName;
  if (leaf === '(garbage collector)') return 'garbage collection';
  for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current)) {
    const url = byId.get(current)!.callFrame.url;
    const found = LAYERS.find(([, pattern]) => pattern.test(url));
    if (found) return found[0];
  }
  return 'Node HTTP and runtime';
}

/** A socket write, which Node's stream code makes: file writes have the same names but other callers. */
function waitingWrite(id: number): boolean {
  const parent = parentOf.get(id);
  return (
    SOCKET_WRITES.has(byId.get(id)!.callFrame.functionName) &&
    parent !== undefined &&
    byId.get(parent)!.callFrame.url === 'node:internal/stream_base_commons'
  );
}

function servesRequest(id: number): boolean {
  for (let current: number | undefined = id; current !== undefined; current = parentOf.get(current))
    if (byId.get(current)!.callFrame.functionName === 'parserOnIncoming') return true;
  return false;
}

const firstRequest = profile.samples.findIndex(servesRequest);
const micros = new Map<string, number>();
let total = 0;
profile.samples.forEach((id, index) => {
  if (index < firstRequest) return;
  const name = byId.get(id)!.callFrame.functionName;
  if (NOT_WORK.has(name) || waitingWrite(id)) return;
  const delta = profile.timeDeltas[index] ?? 0;
  const layer = layerOf(id);
  micros.set(layer, (micros.get(layer) ?? 0) + delta);
  total += delta;
});

const requests = Number(requestsArg ?? 0);
console.log(`| layer | share | ${requests ? 'µs per request |' : ''}`);
console.log(`|---|---|${requests ? '---|' : ''}`);
for (const [layer, time] of [...micros].sort((a, b) => b[1] - a[1])) {
  const perRequest = requests ? ` ${(time / requests).toFixed(1)} |` : '';
  console.log(`| ${layer} | ${((100 * time) / total).toFixed(1)} % |${perRequest}`);
}
if (requests) console.log(`| total | 100 % | ${(total / requests).toFixed(1)} |`);
