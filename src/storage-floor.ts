// Keeps writes off a disk that is nearly full. PGlite that cannot create its next WAL segment never recovers (its
// next statement spins for good), so below a floor of free space in DATA_DIR's file system, writes are refused first.
import { statfsSync } from 'node:fs';
import { AppError } from './errors.ts';

export interface StorageFloor {
  /** Throws the full-disk refusal when a write now could leave the database without room. */
  assertRoomToWrite(): void;
}

/** Where the database does not live in DATA_DIR (in memory, or on PostgreSQL), or the floor is 0. */
export const noStorageFloor: StorageFloor = { assertRoomToWrite() {} };

/**
 * Reads the free space at every write: one statfs costs about 2.5 µs here, far below any write, so the answer is
 * never stale and writes come back the moment space is freed.
 */
export function storageFloor(path: string, minFreeBytes: number): StorageFloor {
  return {
    assertRoomToWrite() {
      const { bavail, bsize } = statfsSync(path);
      if (bavail * bsize < minFreeBytes) throw AppError.diskFull();
    },
  };
}
