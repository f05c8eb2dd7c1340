/**
 * Debian's Chromium, driven by playwright-core (which never downloads a browser of its own).
 */
import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Installed by `apt-get install chromium` (.ci/run does it); CHROMIUM_PATH points elsewhere. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/**
 * Headless, as root without a sandbox, and quiet on a machine with no network: without the background-networking
 * flags Chromium keeps trying (and failing) to reach Google's hosts. Playwright adds a fresh temporary
 * `--user-data-dir` of its own at every launch (and refuses one in `args`), removed again on close.
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`no Chromium at ${CHROMIUM_PATH}: install Debian's (apt-get install -y --no-install-recommends chromium; .ci/run does) or set CHROMIUM_PATH`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS, timeout: 30_000 });
}
