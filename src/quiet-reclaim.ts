// Gives memory back once the process falls quiet after a burst. A burst (a flood of pipelined requests, say) grows
// V8's heap, and what it leaves is garbage no collection comes for: V8's own memory reducer only collects once its
// measured allocation rate has fallen, and that rate is sampled so rarely in an idle process that it still reads
// "high" minutes after the burst (seen with --trace-memory-reducer: "high alloc" every 8 s for over a minute, the
// heap 190 MB committed for 42 MB live). So when the committed heap has grown well past what the last collection
// left, and nothing has been allocating since the last look, this collects once: a pause of tens of milliseconds,
// taken only when there is no work to pause.
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface QuietReclaim {
  /** How often the heap is looked at. */
  everyMs: number;
  /** How far the committed heap must have grown since the last collection for another to be worth it. */
  grownBytes: number;
  /** At most this much allocated between two looks still counts as quiet. */
  quietBytes: number;
}

/** V8's `gc` extension; 'last-resort' is its most thorough collection, which also hands free pages back. */
type GcFunction = (options: { type: 'major'; flavor: 'last-resort' }) => void;

const MB = 1024 * 1024;
const DEFAULT_QUIET_RECLAIM: QuietReclaim = { everyMs: 2000, grownBytes: 16 * MB, quietBytes: 1 * MB };

/** V8's own collector, which Node hides unless asked at start; asked here so `npm start` needs no flag. */
function exposedGc(): GcFunction {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as GcFunction;
}

/** Starts looking, for the life of the process; the timer never keeps it alive. */
export function startQuietReclaim({ everyMs, grownBytes, quietBytes }: QuietReclaim = DEFAULT_QUIET_RECLAIM): void {
  const gc = exposedGc();
  let committedAfterCollection = getHeapStatistics().total_heap_size;
  let usedAtLastLook = getHeapStatistics().used_heap_size;
  setInterval(() => {
    const { used_heap_size: used, total_heap_size: committed } = getHeapStatistics();
    // A collection in between lowers `used`: the difference is then no measure of allocation, and reads as quiet.
    const quiet = used - usedAtLastLook < quietBytes;
    usedAtLastLook = used;
    if (!quiet || committed - committedAfterCollection < grownBytes) return;
    gc({ type: 'major', flavor: 'last-resort' });
    ({ used_heap_size: usedAtLastLook, total_heap_size: committedAfterCollection } = getHeapStatistics());
  }, everyMs).unref();
}
