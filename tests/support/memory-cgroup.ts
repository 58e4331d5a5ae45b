// A memory cgroup for the small-box tests: a limit the kernel enforces on the server and every process below it, as
// a 1 GB VPS or a container's memory limit would. Making one needs root and a memory controller (cgroup v1's
// memory hierarchy or v2's unified one); elsewhere the tests skip, but under CI a missing one fails them.
import { existsSync, mkdirSync, readFileSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const V1_ROOT = '/sys/fs/cgroup/memory';
const V2_ROOT = '/sys/fs/cgroup';

type Layout = { root: string; limitFile: string; oomKills: (dir: string) => number } | null;

function layout(): Layout {
  if (process.getuid?.() !== 0 || process.platform !== 'linux') return null;
  if (existsSync(join(V1_ROOT, 'memory.limit_in_bytes')))
    return {
      root: V1_ROOT,
      limitFile: 'memory.limit_in_bytes',
      oomKills: (dir) => Number(/oom_kill (\d+)/.exec(readFileSync(join(dir, 'memory.oom_control'), 'utf8'))?.[1] ?? 0),
    };
  const controllers = join(V2_ROOT, 'cgroup.subtree_control');
  if (existsSync(controllers) && readFileSync(controllers, 'utf8').split(/\s+/).includes('memory'))
    return {
      root: V2_ROOT,
      limitFile: 'memory.max',
      oomKills: (dir) => Number(/oom_kill (\d+)/.exec(readFileSync(join(dir, 'memory.events'), 'utf8'))?.[1] ?? 0),
    };
  return null;
}

const found = layout();
export const skipWithoutMemoryCgroup = found === null && !process.env.CI;

export interface MemoryCgroup {
  /** Its `cgroup.procs`: a process that writes its pid there, and all it starts after, are held to the limit. */
  procsFile: string;
  /** How many processes in it the kernel has killed for memory. */
  oomKills(): number;
  remove(): Promise<void>;
}

export function createMemoryCgroup(name: string, limitBytes: number): MemoryCgroup {
  if (found === null) throw new Error('no memory cgroup can be made here: it needs root and a memory controller');
  const dir = join(found.root, `${name}-${process.pid}`);
  mkdirSync(dir);
  writeFileSync(join(dir, found.limitFile), String(limitBytes));
  return {
    procsFile: join(dir, 'cgroup.procs'),
    oomKills: () => found.oomKills(dir),
    async remove() {
      // A cgroup goes once its last process has; the server's children may take a moment after it.
      for (let tries = 0; ; tries++) {
        try {
          rmdirSync(dir);
          return;
        } catch (error) {
          if (tries === 50) throw error;
          await sleep(100);
        }
      }
    },
  };
}
