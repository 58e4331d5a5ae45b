// Gives memory back once the process falls quiet after a burst. A burst (a flood of pipelined requests, say) grows
// V8's heap, and what it leaves is garbage no collection comes for: V8's own memory reducer only collects once its
// measured allocation rate has fallen, and that rate is sampled so rarely in an idle process that it still reads
// "high" minutes after the burst (seen with --trace-memory-reducer: "high alloc" every 8 s for over a minute, the
// heap 190 MB committed for 42 MB live). So when the committed heap has grown well past what the last collection
// left, and the event loop has been idle for a while, this collects once: a pause of tens of milliseconds, taken only
// when there is no work to pause.
//
// Idle is read from the event loop's utilisation, not from the heap: under load, young-generation collections make
// the used heap shrink between two looks, which read as "nothing allocated" and set off a full collection every few
// seconds in the middle of the load (the bench's reads lost about 30% of their throughput to it). And a while, not one
// look: the collection also shrinks the heap's limits, so a process collected in every short pause between bursts
// pays for growing its heap again in each burst (the bench, which pauses the server for 8 s between measurements,
// lost as much to that).
import { performance } from 'node:perf_hooks';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface QuietReclaim {
  /** How often the heap is looked at. */
  everyMs: number;
  /** How far the committed heap must have grown since the last collection for another to be worth it. */
  grownBytes: number;
  /** The most of its time the event loop may have spent working between two looks, for the process to be quiet. */
  quietUtilization: number;
  /** How many looks in a row must find it quiet. */
  quietLooks: number;
}

/** V8's `gc` extension; 'last-resort' is its most thorough collection, which also hands free pages back. */
type GcFunction = (options: { type: 'major'; flavor: 'last-resort' }) => void;

const MB = 1024 * 1024;
const DEFAULT_QUIET_RECLAIM: QuietReclaim = {
  everyMs: 2000,
  grownBytes: 16 * MB,
  quietUtilization: 0.02,
  quietLooks: 6,
};

/** V8's own collector, which Node hides unless asked at start; asked here so `npm start` needs no flag. */
function exposedGc(): GcFunction {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as GcFunction;
}

/** Starts looking, for the life of the process; the timer never keeps it alive. */
export function startQuietReclaim(settings: QuietReclaim = DEFAULT_QUIET_RECLAIM): void {
  const { everyMs, grownBytes, quietUtilization, quietLooks } = settings;
  const gc = exposedGc();
  let committedAfterCollection = getHeapStatistics().total_heap_size;
  let loopAtLastLook = performance.eventLoopUtilization();
  let quietInARow = 0;
  setInterval(() => {
    const loop = performance.eventLoopUtilization();
    const busy = performance.eventLoopUtilization(loop, loopAtLastLook).utilization;
    loopAtLastLook = loop;
    quietInARow = busy > quietUtilization ? 0 : quietInARow + 1;
    if (quietInARow < quietLooks || getHeapStatistics().total_heap_size - committedAfterCollection < grownBytes) return;
    gc({ type: 'major', flavor: 'last-resort' });
    committedAfterCollection = getHeapStatistics().total_heap_size;
  }, everyMs).unref();
}
