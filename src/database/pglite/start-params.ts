// How every PGlite of the server starts, whether it serves or only opens a backup to check or restore it.
import { PGlite } from '@electric-sql/pglite';

/**
 * 16 MB of shared buffers, not PostgreSQL's 128 MB: PGlite's WebAssembly memory holds them for good, and the tables
 * of a bot or a small network fit. After a WAL write that failed for want of disk, PGlite with small buffers can
 * refuse every later write as an internal error; `./remote.ts` replaces the process then.
 */
export const START_PARAMS = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];
