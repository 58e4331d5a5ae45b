// Interleaved A/B of the server on PGlite on disk: each variant in turn, round after round (the order reversed every
// other round), each start on a fresh DATA_DIR, measured as `npm run bench` measures PGlite. Prints each run's memory
// and throughput with the load average, then each variant's means against the first one's. A variant is
// `label=<checkout>` or `label=<checkout>,NAME=value,…` (environment added to its server), for example:
//   node bench/pglite-ab.ts main=/tmp/main-checkout branch=. baseline=.,PGLITE__WASM_COMPILER=baseline
//   BENCH_AB_ROUNDS  rounds (default 2); BENCH_SECONDS (default 10), BENCH_CONNECTIONS (default 50) and
//   BENCH_IDLE_SECONDS (default 20) as for `npm run bench`
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { markdown } from './load.ts';
import type { MemoryFigures } from './memory.ts';
import { onPglite, PGLITE_SCENARIOS, type PgliteFigures } from './pglite.ts';

interface Variant {
  label: string;
  script: string;
  env: Record<string, string>;
}

function variant(argument: string): Variant {
  const [label, rest = ''] = argument.split(/=(.*)/s, 2);
  const [dir = '.', ...settings] = rest.split(',');
  if (!label || !rest) throw new Error(`a variant is label=<checkout>[,NAME=value…], not ${JSON.stringify(argument)}`);
  const env = Object.fromEntries(settings.map((setting) => setting.split(/=(.*)/s, 2) as [string, string]));
  return { label, script: pathToFileURL(join(resolve(dir), 'main.ts')).href, env };
}

const variants = process.argv.slice(2).map(variant);
if (variants.length < 2) throw new Error('give at least two variants: label=<checkout>[,NAME=value…] …');
const rounds = Number(process.env.BENCH_AB_ROUNDS ?? 2);
const run = {
  seconds: Number(process.env.BENCH_SECONDS ?? 10),
  connections: Number(process.env.BENCH_CONNECTIONS ?? 50),
  idleSeconds: Number(process.env.BENCH_IDLE_SECONDS ?? 20),
};

const results = new Map<string, PgliteFigures[]>(variants.map(({ label }) => [label, []]));
const rows: (string | number)[][] = [];
const load = () =>
  loadavg()
    .map((figure) => figure.toFixed(1))
    .join(' ');
for (let round = 0; round < rounds; round++) {
  for (const { label, script, env } of round % 2 === 0 ? variants : [...variants].reverse()) {
    const before = load();
    const figures = await onPglite({ script, env, ...run });
    results.get(label)!.push(figures);
    const { startPeak, idle, loadPeak } = figures.memory;
    const rps = PGLITE_SCENARIOS.map((name) => Math.round(figures.rps[name]!));
    rows.push([round + 1, label, startPeak, idle, loadPeak, ...rps, `${before} → ${load()}`]);
    console.error(`round ${round + 1}, ${label}: ${startPeak} / ${idle} / ${loadPeak} MB, ${rps.join(' ')} req/s`);
  }
}

const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
const range = (values: number[]) => `${Math.min(...values)}–${Math.max(...values)}`;
const memoryRange = (figures: PgliteFigures[], key: keyof MemoryFigures) =>
  range(figures.map((figure) => figure.memory[key]));
const meanRps = (label: string, name: string) => mean(results.get(label)!.map((figures) => figures.rps[name]!));
const reference = variants[0]!.label;

console.log(
  `## PGlite A/B: ${rounds} rounds, ${run.connections} connections, ${run.seconds} s a route\n\n` +
    markdown(
      [
        'round',
        'variant',
        'start peak MB',
        'idle MB',
        'load peak MB',
        ...PGLITE_SCENARIOS.map((name) => `${name} req/s`),
        'load average (1, 5, 15 min) before → after',
      ],
      rows,
    ),
);
console.log(
  `\n## Means, throughput against ${reference}\n\n` +
    markdown(
      [
        'variant',
        'start peak MB',
        'idle MB',
        'load peak MB',
        ...PGLITE_SCENARIOS.map((name) => `${name} ratio`),
        'geometric mean ratio',
      ],
      variants.map(({ label }) => {
        const figures = results.get(label)!;
        const ratios = PGLITE_SCENARIOS.map((name) => meanRps(label, name) / meanRps(reference, name));
        const geometric = Math.exp(mean(ratios.map(Math.log)));
        return [
          label,
          memoryRange(figures, 'startPeak'),
          memoryRange(figures, 'idle'),
          memoryRange(figures, 'loadPeak'),
          ...ratios.map((ratio) => ratio.toFixed(2)),
          geometric.toFixed(2),
        ];
      }),
    ),
);
