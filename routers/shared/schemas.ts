// Field schemas shared by both API families.
import { z } from 'zod';

/** Text that PostgreSQL can store: no NUL characters, bounded length. */
export function text(max: number) {
  return z
    .string()
    .max(max)
    .refine((value) => !value.includes('\u0000'), { message: 'must not contain NUL characters' });
}

/** A name a person types: never empty. */
export function name(max: number) {
  return text(max).min(1);
}

/** An ISO-8601 date-time with its offset, as both APIs write timestamps. */
export const timestamp = z.iso.datetime({ offset: true, message: 'must be an ISO-8601 date-time' });

/** Where a live-event subscription resumes: after this event id, or from now when absent. */
export const lastEventIdInput = z.object({ lastEventId: z.string().regex(/^\d{1,19}$/).nullish() }).optional();
