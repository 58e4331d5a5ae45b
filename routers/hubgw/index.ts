// The HubGW family: one sub-router per resource.
import { router } from '#src/trpc/procedures.ts';
import { healthProcedure } from './health.ts';
import { auditRouter } from './audit/router.ts';
import { cooldownsRouter } from './cooldowns/router.ts';
import { homesRouter } from './homes/router.ts';
import { kitsRouter } from './kits/router.ts';
import { hubgwLiveRouter } from './live.ts';
import { luckpermsRouter } from './luckperms/router.ts';
import { punishmentsRouter } from './punishments/router.ts';
import { teleportHistoryRouter } from './teleport-history/router.ts';
import { usersRouter } from './users/router.ts';
import { warpsRouter } from './warps/router.ts';
import { whitelistRouter } from './whitelist/router.ts';

export const hubgwRouter = router({
  health: healthProcedure,
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
  live: hubgwLiveRouter,
});
