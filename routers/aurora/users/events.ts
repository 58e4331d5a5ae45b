// What happens to a user that no mutation answers with, published as a live event of its own.
import { z } from 'zod';
import { domainEvent } from '#src/events/publish.ts';

/** A user reached a higher level, by the XP a change paid them (a completed quest). */
export const levelUp = domainEvent(
  'users.levelUp',
  z.object({
    userId: z.string(),
    previousLevel: z.number().int(),
    level: z.number().int(),
    xp: z.string(),
  }),
);
