// The speed goals `npm run bench` reports on, each with the figure that decides it: the worst case measured.
import type { FanoutResult } from './fanout-measure.ts';
import type { Scenario } from './scenarios.ts';

export const GOALS = {
  /** Throughput as a share of the bare baseline's, on the same requests in the same run. */
  ratio: { read: 0.75, trpc: 0.65, write: 0.65 } satisfies Record<Scenario['kind'], number>,
  /** A tRPC read's throughput against REST's for the same procedure. */
  trpcAgainstRest: 0.9,
  p99Ms: 50,
  /** Peak resident memory against the baseline's peak. */
  rss: 1.5,
};

export interface SideBySide {
  scenario: Scenario;
  ratio: number;
  serverRps: number;
  serverP99: number;
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

function trpcAgainstRestVerdict(results: SideBySide[]): Verdict {
  const pairs = results.flatMap((trpc) => {
    const rest = results.find((result) => result.scenario.name === trpc.scenario.sameProcedureAs);
    return rest ? [{ name: trpc.scenario.name, share: trpc.serverRps / rest.serverRps }] : [];
  });
  const lowest = worst(pairs, (pair) => pair.share);
  return {
    goal: `tRPC over HTTP within ${Math.round((1 - GOALS.trpcAgainstRest) * 100)}% of REST for the same procedure`,
    figure: lowest ? `lowest ${lowest.share.toFixed(2)} of REST (${lowest.name})` : 'not measured',
    met: lowest ? lowest.share >= GOALS.trpcAgainstRest : null,
  };
}

function p99Verdict(results: SideBySide[]): Verdict {
  const slowest = worst(results, (result) => -result.serverP99);
  return {
    goal: `p99 under ${GOALS.p99Ms} ms at 50 connections on every scenario`,
    figure: slowest ? `highest ${slowest.serverP99} ms (${slowest.scenario.name})` : 'not measured',
    met: slowest ? slowest.serverP99 < GOALS.p99Ms : null,
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

function fanoutVerdict(fanout: { result: FanoutResult; met: boolean } | null): Verdict {
  const goal = `live fan-out: commit-to-receipt p99 under ${GOALS.p99Ms} ms at 10 subscribers × 200 changes/s, 0 lost`;
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
  const verdicts = [
    ...throughputVerdicts(results),
    trpcAgainstRestVerdict(results),
    p99Verdict(results),
    fanoutVerdict(fanout),
    rssVerdict(results),
  ];
  return [
    '| goal | figure | |',
    '|---|---|---|',
    ...verdicts.map(
      ({ goal, figure, met }) => `| ${goal} | ${figure} | ${met === null ? '—' : met ? 'met' : 'missed'} |`,
    ),
  ].join('\n');
}
