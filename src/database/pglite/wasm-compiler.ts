// Which of V8's WebAssembly compilers PGlite's process runs on. The optimising one serves faster, but tiering
// PGlite's hot functions up to it takes about 1 GB (server and PGlite together) for a few seconds after a start;
// on a box with less to give, the kernel kills PGlite's process before the server ever answers (BENCHMARKS.md, #24).
// So `auto` takes the baseline compiler where the memory available at the start could not hold that peak.
import type { WasmCompilerSetting } from '../../config.ts';

export type WasmCompiler = Exclude<WasmCompilerSetting, 'auto'>;

/** The optimising compiler's start peak (900–980 MB measured) with room for the kernel's page cache beside it. */
export const OPTIMIZING_NEEDS_BYTES = 1.5 * 1024 ** 3;

export interface CompilerChoice {
  compiler: WasmCompiler;
  /** Why `auto` chose the baseline compiler; null when it was set, or the optimising one fits. */
  because: string | null;
}

/**
 * Settles `auto` by the memory available to this process now: its cgroup's limit less what the cgroup uses, or the
 * host's available memory, whichever is less (Node's `process.availableMemory()`).
 */
export function chooseWasmCompiler(
  setting: WasmCompilerSetting,
  availableBytes: number = process.availableMemory(),
): CompilerChoice {
  if (setting !== 'auto') return { compiler: setting, because: null };
  if (availableBytes >= OPTIMIZING_NEEDS_BYTES) return { compiler: 'optimizing', because: null };
  const mb = (bytes: number) => Math.round(bytes / 1024 ** 2);
  return {
    compiler: 'baseline',
    because: `${mb(availableBytes)} MB is available, and the optimising compiler needs ${mb(OPTIMIZING_NEEDS_BYTES)} MB`,
  };
}
