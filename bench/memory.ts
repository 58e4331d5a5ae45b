// The memory goals for the embedded database (issue 24), and the table `npm run bench` prints of them: idle, peak
// through the first start and peak under load, for PGlite on disk and for PostgreSQL, each goal met or missed.

/** On PGlite on disk, in MB of resident memory: what a 1 GB box beside a Discord bot can give. */
const MEMORY_GOALS = { startPeak: 400, idle: 250, loadPeak: 450 };

export interface MemoryFigures {
  /** The high-water mark from the process's start until it listens, on a fresh DATA_DIR. */
  startPeak: number;
  /** Resident memory after standing idle, once started. */
  idle: number;
  /** The highest high-water mark during the measured load. */
  loadPeak: number;
}

export function memoryTable(pglite: MemoryFigures | null, postgres: MemoryFigures): string {
  const goal = (figure: number, limit: number) =>
    `${figure} MB (goal ≤ ${limit}: ${figure <= limit ? 'met' : 'missed'})`;
  const rows = [
    ['peak through the first start', 'startPeak'],
    ['idle', 'idle'],
    ['peak under load', 'loadPeak'],
  ] as const;
  return [
    '| resident memory | PGlite on disk | PostgreSQL |',
    '|---|---|---|',
    ...rows.map(
      ([label, key]) =>
        `| ${label} | ${pglite ? goal(pglite[key], MEMORY_GOALS[key]) : 'not measured'} | ${postgres[key]} MB |`,
    ),
  ].join('\n');
}
