// Debian's chromium, driven by playwright-core, as every browser test launches it. Outside CI a machine without it
// skips those tests; in CI (which installs it) a missing browser fails them instead of passing in silence.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
/** Without the background-networking flags, chromium's start-up connections are refused by the closed network. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export const skipWithoutChromium = !existsSync(CHROMIUM) && !process.env.CI;

export function launchChromium(extraFlags: string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: [...FLAGS, ...extraFlags] });
}
