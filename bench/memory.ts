// The memory goals for the embedded database (issue 24), and the table `npm run bench` prints of them: idle, peak
// through the first start and peak under load, for PGlite on disk (as this machine runs it, and as a small box does)
// and for PostgreSQL, each goal met or missed.

/** On PGlite on disk, in MB of resident memory: what a 1 GB box beside a Discord bot can give. */
const MEMORY_GOALS = { startPeak: 400, idle: 250, loadPeak: 450 };

export interface MemoryFigures {
  /** The high-water mark from the process's start until it listens, on a fresh DATA_DIR. */
  startPeak: number;
  /** Resident memory after standing idle, once started. */
  idle: number;
  /** The same moment's proportional set sizes: what the processes take from the box, shared pages counted once. */
  idlePss: number;
  /** The highest high-water mark during the measured load; not finite when no load was measured. */
  loadPeak: number;
}

export interface PgliteMemory {
  /** Which run: `PGlite on disk, auto: optimizing here`, say. */
  label: string;
  figures: MemoryFigures;
}

type Goal = keyof typeof MEMORY_GOALS;
const verdict = (figure: number, key: Goal) => (figure <= MEMORY_GOALS[key] ? 'met' : 'missed');

/** A figure, with its goal and verdict when `judged`; the idle one with its PSS beside it. */
function cell(figures: MemoryFigures, key: Goal, judged: boolean): string {
  const figure = figures[key];
  if (!Number.isFinite(figure)) return 'not measured';
  const goal = `goal ≤ ${MEMORY_GOALS[key]}: ${verdict(figure, key)}`;
  if (key !== 'idle') return `${figure} MB${judged ? ` (${goal})` : ''}`;
  const pss = verdict(figures.idlePss, key);
  return `${figure} MB, ${figures.idlePss} MB PSS${judged ? ` (${goal}, by PSS ${pss})` : ''}`;
}

/** One column per PGlite run, each figure with its goal, and PostgreSQL's beside them. */
export function memoryTable(pglite: PgliteMemory[], postgres: MemoryFigures): string {
  const rows = [
    ['peak through the first start', 'startPeak'],
    ['idle (resident, summed; and PSS)', 'idle'],
    ['peak under load', 'loadPeak'],
  ] as const;
  return [
    `| memory | ${[...pglite.map(({ label }) => label), 'PostgreSQL'].join(' | ')} |`,
    `|---|${'---|'.repeat(pglite.length + 1)}`,
    ...rows.map(
      ([label, key]) =>
        `| ${label} | ${[...pglite.map(({ figures }) => cell(figures, key, true)), cell(postgres, key, false)].join(' | ')} |`,
    ),
  ].join('\n');
}
