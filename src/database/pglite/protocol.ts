// The messages between the server and the process that runs PGlite: statements one way, rows or errors the other.

export type ToChild =
  | { id: number; sql: string; params: unknown[] }
  | { id: number; close: true }
  /** Write a snapshot of the data folder (PGlite's gzipped tar) to the new file `dump`; answered with its size. */
  | { id: number; dump: string };

/** An error as a plain object: PGlite's carry their SQLSTATE and fields as properties, which a clone would drop. */
export type SentError = { message: string; name: string } & Record<string, unknown>;

export type FromChild =
  | { ready: true }
  | { failed: SentError }
  | { id: number; rows: unknown[]; affectedRows: number | undefined }
  | { id: number; dumpedBytes: number }
  /** `broken`: PGlite's state is past saving (an internal error, SQLSTATE XX000); the process must be replaced. */
  | { id: number; error: SentError; broken?: true };

export function sendableError(error: unknown): SentError {
  if (!(error instanceof Error)) return { message: String(error), name: 'Error' };
  const fields = Object.fromEntries(
    Object.entries(error).filter(([, value]) => ['string', 'number', 'boolean'].includes(typeof value)),
  );
  return { ...fields, message: error.message, name: error.name };
}

export function receivedError({ message, name, ...fields }: SentError): Error {
  return Object.assign(new Error(message), { name }, fields);
}
