// Request and response schemas of HubGW user links.
import { z } from 'zod';
import { name } from '../../shared/schemas.ts';

export const userNameInput = z.object({ name: name(64) });

export const linkGameIdInput = z.object({ name: name(64), game_id: name(64) });

export const gameId = z.object({ game_id: z.string() }).meta({ id: 'GameId' });

export type LinkGameIdInput = z.infer<typeof linkGameIdInput>;
