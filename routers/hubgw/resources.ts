// The HubGW family's resources: one sub-router each. Its live view and health sit beside them in index.ts, so the
// type of the events the resources announce can be read here without reading the live view that carries them.
import type { AnnouncedEvent } from '#src/trpc/announced.ts';
import { auditRouter } from './audit/router.ts';
import { cooldownsRouter } from './cooldowns/router.ts';
import { homesRouter } from './homes/router.ts';
import { kitsRouter } from './kits/router.ts';
import { luckpermsRouter } from './luckperms/router.ts';
import { punishmentsRouter } from './punishments/router.ts';
import { teleportHistoryRouter } from './teleport-history/router.ts';
import { usersRouter } from './users/router.ts';
import { warpsRouter } from './warps/router.ts';
import { whitelistRouter } from './whitelist/router.ts';

export const hubgwResources = {
  homes: homesRouter,
  kits: kitsRouter,
  cooldowns: cooldownsRouter,
  warps: warpsRouter,
  whitelist: whitelistRouter,
  punishments: punishmentsRouter,
  audit: auditRouter,
  luckperms: luckpermsRouter,
  teleportHistory: teleportHistoryRouter,
  users: usersRouter,
};

/** Every live event of the family: `type` is the announced procedure's path (`warps.create`), `data` its output. */
export type HubgwEvent = AnnouncedEvent<typeof hubgwResources>;
