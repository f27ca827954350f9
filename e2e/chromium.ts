// Finds a Chromium for Playwright: $CHROMIUM_PATH, the system's (Debian's /usr/bin/chromium),
// Playwright's own download, or, where the network allows, `npx playwright install chromium`.
// Says on stderr what it found or did.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

const SYSTEM_CHROMIUMS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
];

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/// The Chromium executable to test with; throws with instructions when there is none.
export function findChromium(): string {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
    return fromEnv;
  }
  const found = SYSTEM_CHROMIUMS.find((p) => existsSync(p)) ?? playwrightChromium();
  if (found) return found;
  console.error('No Chromium found; trying "npx playwright install chromium" (needs internet access)…');
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit', timeout: 300_000 });
  } catch {
    // Reported below.
  }
  const installed = playwrightChromium();
  if (installed) {
    console.error(`Installed Playwright's Chromium at ${installed}.`);
    return installed;
  }
  throw new Error(
    'No Chromium to run the end-to-end tests: install one (Debian/Ubuntu: "apt-get install -y chromium") or set CHROMIUM_PATH',
  );
}

/// Flags for headless Chromium on a closed network, as root.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];
