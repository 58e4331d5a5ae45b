// The application router. Its type is what a TypeScript client imports.
import { router } from '#src/trpc/procedures.ts';
import { auroraRouter } from './aurora/index.ts';
import { hubgwRouter } from './hubgw/index.ts';
import { serverRouter } from './server/router.ts';

export const appRouter = router({
  aurora: auroraRouter,
  hubgw: hubgwRouter,
  server: serverRouter,
});

export type AppRouter = typeof appRouter;
