// End-to-end tests: the release build in dist/, served by the fake API, in Debian's Chromium.
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: ".",
  testMatch: /.*\.spec\.mjs$/,
  outputDir: "../../test-results/e2e-artifacts",
  fullyParallel: false,
  // Each worker runs its own fake API, so two workers never share state.
  workers: 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  use: {
    browserName: "chromium",
    headless: true,
    // Times are shown in the browser's zone and language: fix both so expectations hold on any machine.
    locale: "en-US",
    timezoneId: "UTC",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
  projects: [
    // Everything but the phone-only specs, in a desktop window.
    {
      name: "desktop",
      testIgnore: /\/mobile[^/]*\.spec\.mjs$/,
      use: { viewport: { width: 1280, height: 800 } },
    },
    // A phone: 390 x 844 CSS px, touch, the mobile viewport meta honoured. It runs the
    // phone flows, the accessibility audit and the sign-in and smoke specs, not the
    // whole suite again (the phone flows cover list, filter, detail, start/stop, edit).
    {
      name: "mobile",
      testMatch: [/\/mobile[^/]*\.spec\.mjs$/, /\/a11y[^/]*\.spec\.mjs$/, /\/smoke\.spec\.mjs$/, /\/sign-in\.spec\.mjs$/],
      use: {
        viewport: { width: 390, height: 844 },
        screen: { width: 390, height: 844 },
        deviceScaleFactor: 3,
        isMobile: true,
        hasTouch: true,
        userAgent:
          "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Mobile Safari/537.36",
      },
    },
  ],
});
