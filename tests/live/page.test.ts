// The live page at `/`, in a real browser (Debian's chromium driven by playwright-core): status and stats appear, a
// REST change shows in its feed within a second, a reload keeps the feed and resumes it, and the console stays clean.
// Set LIVE_PAGE_SCREENSHOTS to a folder to keep the screenshots the test takes.
import { mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, skipWithoutChromium } from '../support/browser.ts';
import { API_KEY, hubgw, request, startTestServer, type TestServer, useTestServer } from '../support/server.ts';

const SCREENSHOTS = process.env.LIVE_PAGE_SCREENSHOTS ?? join(tmpdir(), 'live-page-screenshots');

describe.skipIf(skipWithoutChromium)('the live page in a browser', () => {
  let server: TestServer;
  let browser: Browser;
  let page: Page;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    server = await startTestServer({ env: { LIVE_STATS_INTERVAL_MS: '300' } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
    page.on('pageerror', (error) => consoleErrors.push(String(error)));
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const text = (selector: string) => page.locator(selector).first().textContent();
  const feedLine = (family: string, type: string) => page.locator(`#${family}-feed li`, { hasText: type });

  it('shows the status and the stats, and asks for the HubGW key it needs', async () => {
    await page.goto(`${server.url}/`);
    await page.locator('#status-database.up').waitFor();
    expect(await text('#status-database')).toBe('up');
    expect(await text('#version')).toMatch(/^v\d+\.\d+\.\d+$/);
    await page.locator('[data-stat="totalUsers"]', { hasText: '0' }).waitFor();
    expect(await text('#status-maintenance')).toBe('off');
    await page.locator('#hubgw-note', { hasText: 'Needs the HubGW API key' }).waitFor();
    expect(await page.locator('#credentials').getAttribute('open')).not.toBeNull();
  });

  it('shows a REST change in its feed within a second, once the key is given', async () => {
    await page.locator('input[name="apiKey"]').fill(API_KEY);
    await page.locator('#credentials-form button').click();
    await page.locator('#connection[data-state="open"]').waitFor();
    await page.locator('#hubgw-note').waitFor({ state: 'hidden' });

    const created = await request(server, 'POST', '/api/items', {
      json: { name: 'Lantern', type: 'MATERIAL', rarity: 'C', price: '5' },
    });
    expect(created.status).toBe(201);
    await feedLine('aurora', 'items.create').waitFor({ timeout: 1000 });
    expect(await feedLine('aurora', 'items.create').textContent()).toContain('Lantern');

    const banned = await hubgw(server, 'POST', '/punishments/', {
      json: { player_uuid: crypto.randomUUID(), player_name: 'Griefer', punishment_type: 'ban', reason: 'x' },
    });
    expect(banned.status).toBe(201);
    await feedLine('hubgw', 'punishments.create').waitFor({ timeout: 1000 });
    expect(await feedLine('hubgw', 'punishments.create').textContent()).toContain('Griefer');
    await page.locator('[data-stat="totalItems"]', { hasText: '1' }).waitFor();
    await page.screenshot({ path: join(SCREENSHOTS, 'live-page.png'), fullPage: true });
  });

  it('keeps its feed across a reload and resumes from the last event it saw', async () => {
    await page.reload();
    await page.locator('#connection[data-state="open"]').waitFor();
    expect(await feedLine('aurora', 'items.create').count()).toBe(1);
    await request(server, 'POST', '/api/items', { json: { name: 'Torch', type: 'MATERIAL', rarity: 'C', price: '2' } });
    await feedLine('aurora', 'Torch').waitFor({ timeout: 1000 });
    expect(await page.locator('#aurora-feed li').allTextContents()).toEqual([
      expect.stringContaining('Torch'),
      expect.stringContaining('Lantern'),
    ]);
  });

  it('starts over from now, saying so, when the server no longer keeps what followed its last line', async () => {
    // As retention does after an hour: everything up to the newest event is gone.
    await server.sql(
      "insert into live_event_horizons (family, pruned_through) select 'aurora', max(id) + 1 from live_events",
    );
    await page.reload();
    await page
      .locator('#aurora-note', { hasText: 'Events older than an hour are gone; the feed goes on from now.' })
      .waitFor();
    await request(server, 'POST', '/api/items', {
      json: { name: 'Candle', type: 'MATERIAL', rarity: 'C', price: '1' },
    });
    await feedLine('aurora', 'Candle').waitFor({ timeout: 1000 });
    expect(await page.locator('#aurora-feed li').allTextContents()).toEqual([
      expect.stringContaining('Candle'),
      expect.stringContaining('Torch'),
      expect.stringContaining('Lantern'),
    ]);
  });

  it('starts over from now, saying so, when its last line is ahead of the server (the data was reset)', async () => {
    // As a tab that kept its feed while the server's DATA_DIR was reset: its last id is one the server never gave.
    await page.evaluate(() => {
      const lines = JSON.parse(sessionStorage.getItem('feed:aurora') ?? '[]') as { id: string }[];
      lines[0]!.id = '900000000';
      sessionStorage.setItem('feed:aurora', JSON.stringify(lines));
    });
    await page.reload();
    await page
      .locator('#aurora-note', {
        hasText: "The server's events start over (its data was reset or restored); the feed goes on from now.",
      })
      .waitFor();
    await request(server, 'POST', '/api/items', { json: { name: 'Lamp', type: 'MATERIAL', rarity: 'C', price: '1' } });
    await feedLine('aurora', 'Lamp').waitFor({ timeout: 1000 });
    expect(await page.locator('#aurora-feed li').allTextContents()).toEqual([
      expect.stringContaining('Lamp'),
      expect.stringContaining('Candle'),
      expect.stringContaining('Torch'),
      expect.stringContaining('Lantern'),
    ]);
  });

  it('reads on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    // A string, so the test's own type-check needs no DOM library.
    const overflow = await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBe(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'live-page-phone.png'), fullPage: true });
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe.skipIf(skipWithoutChromium)('the live page with a wrong credential, and with the server gone', () => {
  const ADMIN_TOKEN = 'live-page-admin-token-0123456789';
  let server: TestServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startTestServer({ env: { SECURITY__ADMIN_TOKEN: ADMIN_TOKEN } });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await mkdir(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says a missing credential is needed, and a wrong one was refused', async () => {
    await page.goto(`${server.url}/`);
    await page
      .locator('#stats-note', { hasText: 'Needs the Aurora admin token: enter it under Credentials.' })
      .waitFor();
    await page.locator('#hubgw-note', { hasText: 'Needs the HubGW API key: enter it under Credentials.' }).waitFor();

    await page.locator('input[name="token"]').fill('not-the-token');
    await page.locator('input[name="apiKey"]').fill('not-the-key');
    await page.locator('#credentials-form button').click();
    await page
      .locator('#stats-note', { hasText: 'The Aurora admin token was refused: check it under Credentials.' })
      .waitFor();
    await page.locator('#aurora-note', { hasText: 'The Aurora admin token was refused' }).waitFor();
    await page
      .locator('#hubgw-note', { hasText: 'The HubGW API key was refused: check it under Credentials.' })
      .waitFor();
    expect(await page.locator('#credentials').getAttribute('open')).not.toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'live-page-refused.png'), fullPage: true });
  });

  it('shows the last known status as stale while the server is gone', async () => {
    await page.locator('input[name="token"]').fill(ADMIN_TOKEN);
    await page.locator('input[name="apiKey"]').fill(API_KEY);
    await page.locator('#credentials-form button').click();
    await page.locator('#connection[data-state="open"]').waitFor();
    await page.locator('#status-database.up').waitFor();
    expect(await page.locator('#status').getAttribute('data-stale')).toBeNull();
    expect(await page.locator('#status-note').isHidden()).toBe(true);

    await server.close();
    await page.locator('#connection[data-state="closed"]').waitFor();
    await page.locator('#status[data-stale]').waitFor();
    expect(await page.locator('#status-note').textContent()).toMatch(
      /^Not connected to the server: last known state, from \S+/,
    );
    // The last known state stays readable, marked as from then.
    expect(await page.locator('#status-database').textContent()).toBe('up');
    await page.screenshot({ path: join(SCREENSHOTS, 'live-page-server-gone.png'), fullPage: true });
  });
});

describe('the live page over plain HTTP', () => {
  const server = useTestServer();

  it('is served with its bundle and icon, under a CSP that does not send the browser to https', async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect((await fetch(`${server.url}/live/app.js`)).status).toBe(200);
    expect((await fetch(`${server.url}/live/style.css`)).status).toBe(200);
    const icon = await fetch(`${server.url}/favicon.ico`);
    expect([icon.status, icon.headers.get('content-type')]).toEqual([200, 'image/svg+xml; charset=utf-8']);
    const docs = await fetch(`${server.url}/docs`);
    expect(docs.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  });
});
