import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';

const executablePath = findChromium();
if (!process.env.AWB_CHROMIUM_REPORTED) {
  process.env.AWB_CHROMIUM_REPORTED = '1';
  console.error(`End-to-end tests use Chromium at ${executablePath}`);
}

export default defineConfig({
  testDir: 'e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 2,
  reporter: [['list'], ['./e2e/skipReasonsReporter.ts'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    viewport: { width: 1440, height: 900 },
    launchOptions: { executablePath, args: CHROMIUM_ARGS },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    { name: 'browser-mode', testIgnore: /(electron|start)\.spec\.ts/ },
    { name: 'electron', testMatch: /electron\.spec\.ts/ },
    // `npm start` rebuilds out/, which the others serve: only once they are done.
    { name: 'npm-start', testMatch: /start\.spec\.ts/, dependencies: ['browser-mode', 'electron'] },
  ],
});
