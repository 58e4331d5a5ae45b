// Which mutations announce their committed change as a live event. Declared once, by wrapping the built procedure:
// the mark on the procedure tells the server to run its calls with an event (policy-table.ts), and the mark in its
// type lets each family's event be a union that subscribers narrow on `type` (`AnnouncedEvent`).
import type { AnyMutationProcedure, AnyProcedure, inferProcedureOutput, TrackedEnvelope } from '@trpc/server';
import { z } from 'zod';

const ANNOUNCED = Symbol('announced');

export interface Announced {
  readonly [ANNOUNCED]: true;
}

/** Marks a mutation announced: each committed call becomes a live event of its family, its output the event's data. */
export function announced<Procedure extends AnyMutationProcedure>(procedure: Procedure): Procedure & Announced {
  return Object.assign(procedure, { [ANNOUNCED]: true as const });
}

export function isAnnounced(procedure: AnyProcedure): boolean {
  return ANNOUNCED in procedure;
}

/** An event as subscribers receive it: the announced procedure's path within its family, and that call's output. */
export interface LiveEvent<Type extends string, Data> {
  id: string;
  type: Type;
  timestamp: string;
  data: Data;
}

/** A built router's procedures and sub-routers; a plain record of them as it is. */
type RecordOf<Routes> = Routes extends { _def: { record: infer Record } } ? Record : Routes;

/** Every event the announced mutations under `Routes` make, as one union discriminated by `type` (`warps.create`). */
export type AnnouncedEvent<Routes, Prefix extends string = ''> = AnnouncedIn<RecordOf<Routes>, Prefix>;

type AnnouncedIn<Record, Prefix extends string> = {
  [Key in keyof Record & string]: Record[Key] extends Announced & AnyMutationProcedure
    ? LiveEvent<`${Prefix}${Key}`, inferProcedureOutput<Record[Key]>>
    : Record[Key] extends AnyProcedure
      ? never
      : AnnouncedEvent<Record[Key], `${Prefix}${Key}.`>;
}[keyof Record & string];

/**
 * A subscription's output: the stream of its family's events, as `tracked(id, event)` envelopes. Each event's data
 * was checked by its mutation's own output schema before it was stored, so the stream is not parsed a second time:
 * this declares its type, and checks only that the subscription returns a stream.
 */
export function eventStream<Event>() {
  return z.custom<AsyncIterable<TrackedEnvelope<Event>>>(
    (value) => typeof value === 'object' && value !== null && Symbol.asyncIterator in value,
  );
}
