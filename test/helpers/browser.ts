/**
 * Headless Chromium for the end-to-end tests (widgets, pages): the system's Debian package only
 * (never a downloaded browser). Without it the tests skip, saying why.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `browser tests: skipped — ${CHROMIUM_PATH} is absent (install the Debian package "chromium" to run them)`;

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

/** Launches Chromium headless, sandbox off (containers), no background traffic. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
