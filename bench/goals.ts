// The speed goals `npm run bench` reports on, each with the figure that decides it: the worst case measured.
import type { FanoutResult } from './fanout-measure.ts';
import type { Scenario } from './scenarios.ts';

export const GOALS = {
  /** Throughput as a share of the bare baseline's, on the same requests in the same run. */
  ratio: { read: 0.75, trpc: 0.6, write: 0.65 } satisfies Record<Scenario['kind'], number>,
  /** The p99 every scenario stays under where the baseline's own is under it too. */
  p99Ms: 50,
  /** Where the baseline's own p99 is past `p99Ms`, the server's p99 against it: the query's cost, not ours. */
  p99AgainstBaseline: 1.2,
  /** Peak resident memory against the baseline's peak. */
  rss: 1.5,
};

/** A scenario's p99 limit, in ms, given the baseline's p99 on it in the same run. */
export function p99LimitMs(baselineP99: number): number {
  return baselineP99 < GOALS.p99Ms ? GOALS.p99Ms : GOALS.p99AgainstBaseline * baselineP99;
}

export interface SideBySide {
  scenario: Scenario;
  ratio: number;
  serverRps: number;
  serverP99: number;
  baselineP99: number;
  serverRssMb: number;
  baselineRssMb: number;
}

interface Verdict {
  goal: string;
  figure: string;
  met: boolean | null;
}

const KIND_NAMES: Record<Scenario['kind'], string> = {
  read: 'REST reads',
  trpc: 'tRPC over HTTP',
  write: 'writes',
};

function worst<Item>(items: Item[], value: (item: Item) => number): Item | undefined {
  return items.reduce<Item | undefined>(
    (found, item) => (found && value(found) <= value(item) ? found : item),
    undefined,
  );
}

function throughputVerdicts(results: SideBySide[]): Verdict[] {
  return (Object.keys(GOALS.ratio) as Scenario['kind'][]).map((kind) => {
    const lowest = worst(
      results.filter((result) => result.scenario.kind === kind),
      (result) => result.ratio,
    );
    return {
      goal: `${KIND_NAMES[kind]}: at least ${GOALS.ratio[kind]} of the baseline`,
      figure: lowest ? `lowest ${lowest.ratio.toFixed(2)} (${lowest.scenario.name})` : 'not measured',
      met: lowest ? lowest.ratio >= GOALS.ratio[kind] : null,
    };
  });
}

function p99Verdict(results: SideBySide[]): Verdict {
  // The scenario nearest its limit (or furthest past it) decides.
  const closest = worst(results, (result) => -result.serverP99 / p99LimitMs(result.baselineP99));
  const limit = closest && p99LimitMs(closest.baselineP99);
  return {
    goal: `p99 under ${GOALS.p99Ms} ms on every scenario where the baseline's is, else within ${GOALS.p99AgainstBaseline}× the baseline's`,
    figure: closest
      ? `nearest its limit: ${closest.serverP99} ms against ${Math.round(limit!)} ms (${closest.scenario.name}, baseline ${closest.baselineP99} ms)`
      : 'not measured',
    met: closest ? closest.serverP99 < limit! : null,
  };
}

function rssVerdict(results: SideBySide[]): Verdict {
  if (results.length === 0) return { goal: 'peak RSS', figure: 'not measured', met: null };
  const server = Math.max(...results.map((result) => result.serverRssMb));
  const baseline = Math.max(...results.map((result) => result.baselineRssMb));
  return {
    goal: `peak RSS under load at most ${GOALS.rss}× the baseline's`,
    figure: `${server} MB against ${baseline} MB (${(server / baseline).toFixed(2)}×)`,
    met: server <= GOALS.rss * baseline,
  };
}

/** The fan-out load the goal is set at. */
export const FANOUT_LOAD = { subscribers: 10, rate: 1000 };

function fanoutVerdict(fanout: { result: FanoutResult; met: boolean } | null): Verdict {
  const goal = `live fan-out: commit-to-receipt p99 under ${GOALS.p99Ms} ms at ${FANOUT_LOAD.subscribers} subscribers × ${FANOUT_LOAD.rate} changes/s, 0 lost`;
  if (!fanout) return { goal, figure: 'not measured', met: null };
  const { result } = fanout;
  return {
    goal,
    figure: `p99 ${result.p99} ms, ${result.lost} lost, ${result.committed} committed`,
    met: fanout.met,
  };
}

/** Every goal as a Markdown table: met, missed, or not measured in this run. */
export function goalsTable(results: SideBySide[], fanout: { result: FanoutResult; met: boolean } | null): string {
  const verdicts = [...throughputVerdicts(results), p99Verdict(results), fanoutVerdict(fanout), rssVerdict(results)];
  return [
    '| goal | figure | |',
    '|---|---|---|',
    ...verdicts.map(
      ({ goal, figure, met }) => `| ${goal} | ${figure} | ${met === null ? '—' : met ? 'met' : 'missed'} |`,
    ),
  ].join('\n');
}
