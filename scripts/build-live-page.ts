// Bundles the live page's browser code (live-page/app.ts and the tRPC client) into dist/live-page/app.js, so the
// server serves it without a CDN. Runs after every install (`postinstall`), and by hand: npm run build:live-page
import { build } from 'esbuild';

await build({
  entryPoints: [new URL('../live-page/app.ts', import.meta.url).pathname],
  outfile: new URL('../dist/live-page/app.js', import.meta.url).pathname,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: 'linked',
  logLevel: 'warning',
});
