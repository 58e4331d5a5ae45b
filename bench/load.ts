// One load measurement of a running target with autocannon: throughput, latency and the peak resident memory it
// reached; and the Markdown tables the benchmarks print.
import autocannon from 'autocannon';
import { peakMemoryMb, resetPeakMemory, type Target } from './processes.ts';
import { API_KEY, type Scenario } from './scenarios.ts';

export interface Measurement {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  rssMb: number;
}

export interface Run {
  target: Target;
  scenario: Scenario;
  players: number;
  connections: number;
  seconds: number;
  baseline: boolean;
}

/**
 * The options autocannon needs to send `scenario`'s requests in turn, each with its own path (and body) over the
 * first `players` seeded players: the server's routes, or with `baseline` the baseline's where they differ.
 */
export function scenarioRequests(scenario: Scenario, players: number, baseline = false) {
  let counter = 0;
  const path = (baseline && scenario.baselinePath) || scenario.path;
  return {
    headers: { 'x-api-key': API_KEY, 'content-type': 'application/json' },
    requests: [
      {
        method: scenario.method,
        setupRequest: (request: autocannon.Request) => {
          const i = counter++;
          return {
            ...request,
            path: path(i, players),
            ...(scenario.body ? { body: JSON.stringify(scenario.body(i, players)) } : {}),
          };
        },
      },
    ],
  };
}

export async function measure({
  target,
  scenario,
  players,
  connections,
  seconds,
  baseline,
}: Run): Promise<Measurement> {
  resetPeakMemory(target);
  const result = await autocannon({
    url: `http://127.0.0.1:${target.port}`,
    connections,
    duration: seconds,
    ...scenarioRequests(scenario, players, baseline),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    rssMb: peakMemoryMb(target),
  };
}

export function markdown(header: string[], rows: (string | number)[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}
