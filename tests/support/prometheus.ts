// A strict reader of the Prometheus text exposition format (0.0.4): every line must be a HELP, a TYPE or a sample of
// a declared family, label values must be escaped, and each histogram's buckets must be cumulative and end in +Inf
// equal to its count. It throws on the first line that breaks a rule, and returns the samples for assertions.

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
// Prometheus reads values with Go's ParseFloat, which takes NaN and Inf in any case (prom-client writes `Nan`).
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]?[iI][nN][fF]|[nN][aA][nN])';
const HELP_LINE = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE_LINE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE_LINE = new RegExp(
  `^(${NAME})(?:\\{((?:${LABEL}="(?:[^"\\\\\\n]|\\\\[\\\\"n])*",?)*)\\})? (${VALUE})(?: -?\\d+)?$`,
);
const LABEL_PAIR = new RegExp(`(${LABEL})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`, 'g');

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

export interface Exposition {
  types: Map<string, string>;
  samples: Sample[];
  /** The one sample of `name` whose labels include `labels`, or undefined; more than one is an error. */
  value(name: string, labels?: Record<string, string>): number | undefined;
}

function familyOf(name: string, types: Map<string, string>): string | undefined {
  if (types.has(name)) return name;
  const base = name.replace(/_(bucket|sum|count|created)$/, '');
  return ['histogram', 'summary'].includes(types.get(base) ?? '') ? base : undefined;
}

function checkHistograms(samples: Sample[], types: Map<string, string>): void {
  const series = new Map<string, { buckets: [number, number][]; count?: number }>();
  for (const sample of samples) {
    const family = familyOf(sample.name, types)!;
    if (types.get(family) !== 'histogram') continue;
    const { le, ...rest } = sample.labels;
    const key = `${family}${JSON.stringify(rest)}`;
    const entry = series.get(key) ?? { buckets: [] };
    series.set(key, entry);
    if (sample.name.endsWith('_bucket')) {
      if (le === undefined) throw new Error(`${sample.name} has no le label`);
      entry.buckets.push([le === '+Inf' ? Infinity : Number(le), sample.value]);
    } else if (sample.name.endsWith('_count')) entry.count = sample.value;
  }
  for (const [key, { buckets, count }] of series) {
    buckets.sort((a, b) => a[0] - b[0]);
    buckets.forEach(([, value], i) => {
      if (i > 0 && value < buckets[i - 1]![1]) throw new Error(`${key}: buckets are not cumulative`);
    });
    const last = buckets.at(-1);
    if (!last || last[0] !== Infinity || last[1] !== count)
      throw new Error(`${key}: no +Inf bucket equal to its count`);
  }
}

export function parseExposition(text: string): Exposition {
  if (!text.endsWith('\n')) throw new Error('the exposition must end with a newline');
  const types = new Map<string, string>();
  const samples: Sample[] = [];
  for (const [index, line] of text.slice(0, -1).split('\n').entries()) {
    const where = `line ${index + 1} (${JSON.stringify(line)})`;
    if (line === '') continue;
    const type = TYPE_LINE.exec(line);
    if (type) {
      if (types.has(type[1]!)) throw new Error(`${where}: a second TYPE for ${type[1]}`);
      types.set(type[1]!, type[2]!);
      continue;
    }
    if (HELP_LINE.test(line)) continue;
    if (line.startsWith('#')) throw new Error(`${where}: not a HELP or TYPE comment`);
    const sample = SAMPLE_LINE.exec(line);
    if (!sample) throw new Error(`${where}: not a sample`);
    const name = sample[1]!;
    if (familyOf(name, types) === undefined) throw new Error(`${where}: ${name} has no TYPE before it`);
    const labels = Object.fromEntries([...(sample[2] ?? '').matchAll(LABEL_PAIR)].map((pair) => [pair[1]!, pair[2]!]));
    samples.push({ name, labels, value: Number(sample[3]!.replace(/inf/i, 'Infinity').replace(/nan/i, 'NaN')) });
  }
  checkHistograms(samples, types);
  return {
    types,
    samples,
    value(name, labels = {}) {
      const found = samples.filter(
        (sample) =>
          sample.name === name && Object.entries(labels).every(([key, value]) => sample.labels[key] === value),
      );
      if (found.length > 1) throw new Error(`${found.length} samples of ${name} match ${JSON.stringify(labels)}`);
      return found[0]?.value;
    },
  };
}
