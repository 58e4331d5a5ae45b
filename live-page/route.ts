// The server's own live page at `/`: static HTML and CSS from live-page/, and its browser code bundled at install
// time into dist/live-page/ (no CDN). The page talks to the server only over /ws.
import { existsSync } from 'node:fs';
import { Router } from 'express';

const pageDir = new URL('./', import.meta.url).pathname;
const bundleDir = new URL('../dist/live-page/', import.meta.url).pathname;

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="7" fill="#3755c8"/><path d="M7 21l5-6 4 4 4-7 5 9" fill="none" stroke="#fff" stroke-width="3" stroke-linecap="round" stroke-linejoin="round"/></svg>`;

export function livePageRouter(): Router {
  const page = Router({ caseSensitive: true, strict: true });
  page.get('/', (_req, res) => res.sendFile('index.html', { root: pageDir }));
  page.get('/live/style.css', (_req, res) => res.sendFile('style.css', { root: pageDir }));
  page.get(['/live/app.js', '/live/app.js.map'], (req, res) => {
    const name = req.path.slice('/live/'.length);
    if (existsSync(`${bundleDir}${name}`)) return res.sendFile(name, { root: bundleDir });
    res
      .status(503)
      .type('text/plain')
      .send('The live page is not built yet: run npm install, or npm run build:live-page.\n');
  });
  page.get('/favicon.ico', (_req, res) =>
    res.type('image/svg+xml').set('Cache-Control', 'public, max-age=86400').send(FAVICON),
  );
  return page;
}
