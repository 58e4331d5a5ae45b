// tRPC over HTTP at /trpc, served on the bare Node request ahead of express. tRPC's own request conversion and
// resolveResponse speak the protocol (batching, methods, errors, streaming); what is ours is how a finished JSON answer
// is written: in one write, rather than piped chunk by chunk through a web stream as tRPC's Node adapter does.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import type { AnyRouter, TRPCError } from '@trpc/server';
import { incomingMessageToRequest, internal_exceptionHandler } from '@trpc/server/adapters/node-http';
import { resolveResponse } from '@trpc/server/http';
import type { Context } from '../trpc/context.ts';
import { MAX_BATCH_SIZE } from '../trpc/init.ts';
import type { Logger } from '../logger.ts';

const MOUNT = '/trpc';

/** Whether a request's URL is under /trpc; exact in case, as every other route is. */
export function isTrpcUrl(url: string): boolean {
  return (
    url.startsWith(MOUNT) && (url.length === MOUNT.length || url[MOUNT.length] === '/' || url[MOUNT.length] === '?')
  );
}

/** The procedure path tRPC reads from the URL: `hubgw.homes.list`, or a batch's `a,b`. */
function procedurePath(url: string): string {
  const end = url.indexOf('?');
  const path = url.slice(MOUNT.length + 1, end === -1 ? undefined : end);
  return path.endsWith('/') ? path.slice(0, -1) : path;
}

/** A streamed answer: JSON lines for httpBatchStreamLink (sent as application/json, chunked), or server-sent events. */
function isStreamed(response: Response): boolean {
  return (
    response.headers.has('transfer-encoding') || !response.headers.get('content-type')?.startsWith('application/json')
  );
}

async function writeResponse(response: Response, res: ServerResponse, log: Logger): Promise<void> {
  res.statusCode = response.status;
  // Added to, not replaced: the CORS answer varies by Origin as well as by what tRPC varies on.
  for (const [name, value] of response.headers)
    if (name === 'vary') res.appendHeader(name, value);
    else res.setHeader(name, value);
  if (!response.body) {
    res.end();
    return;
  }
  if (!isStreamed(response)) {
    const body = Buffer.from(await response.arrayBuffer());
    res.setHeader('content-length', body.length);
    res.end(body);
    return;
  }
  // Passed on as it comes; a client that leaves ends it.
  await pipeline(Readable.fromWeb(response.body as NodeReadableStream), res).catch((error: unknown) =>
    log.debug({ err: error }, 'a streamed tRPC answer ended early'),
  );
}

export interface TrpcHttpOptions {
  router: AnyRouter;
  maxBodySize: number;
  createContext: (req: IncomingMessage, res: ServerResponse) => Context;
  log: (res: ServerResponse) => Logger;
}

export function trpcHttpHandler({ router, maxBodySize, createContext, log }: TrpcHttpOptions) {
  /** A `refusal` answers every call of the request with that error, in tRPC's format, and runs none of them. */
  return (req: IncomingMessage, res: ServerResponse, refusal: TRPCError | null = null): void => {
    const path = procedurePath(req.url ?? MOUNT);
    const onError = ({ error, ctx, path }: { error: { code: string }; ctx?: Context; path?: string }) => {
      if (error.code === 'INTERNAL_SERVER_ERROR')
        (ctx?.log ?? log(res)).error({ err: error, path }, 'procedure failed');
    };
    const answer = async () => {
      const request = incomingMessageToRequest(req, res, { maxBodySize });
      const response = await resolveResponse({
        router,
        req: request,
        path,
        error: refusal,
        maxBatchSize: MAX_BATCH_SIZE,
        createContext: async () => createContext(req, res),
        onError,
      });
      await writeResponse(response, res, log(res));
    };
    answer().catch(internal_exceptionHandler({ req, res, path, router, onError }));
  };
}
