// The Playwright fixture: a fake API per worker, reset before every test, and a
// page whose console errors, CSP violations and uncaught exceptions fail the test.
// Helpers live in helpers/: sign-in.mjs, fake.mjs, request-log.mjs and one per page.
import { test as base, expect } from "@playwright/test";
import { API_KEY, startFake } from "./helpers/fake.mjs";

export { expect };
// Re-exported for specs written before helpers/ existed; new specs import them from helpers/.
export { API_KEY };
export { signIn } from "./helpers/sign-in.mjs";

// A node answers 404 on a job's routes once the job no longer runs there (contract: "Resource
// usage, endpoint health and op controls"): that is how the app learns it ended, and a request
// under way when a test ends a job gets it. The browser logs it; it is not a fault.
const jobGoneFromNode = (msg) =>
  /status of 404 \(Not Found\)/.test(msg.text()) && /\/nodes\/[^/]+\/job\//.test(msg.location()?.url ?? "");

export const test = base.extend({
  fakeServer: [
    async ({}, use) => {
      const fake = await startFake(["--transition-ms", "1500"]);
      await use(fake);
      fake.stop();
    },
    { scope: "worker" },
  ],

  fake: async ({ fakeServer }, use) => {
    await fakeServer.reset({ transition_ms: 1500 });
    await use(fakeServer);
  },

  page: async ({ page, fake }, use) => {
    const problems = [];
    page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
    page.on("console", (msg) => {
      const text = msg.text();
      if (text.includes(API_KEY)) problems.push(`the API key reached the console: ${text}`);
      if (/Content Security Policy|Refused to (execute|load|apply|connect)/i.test(text)) {
        problems.push(`CSP violation: ${text}`);
      }
      if (msg.type() === "error" && !page.__allowConsoleErrors && !jobGoneFromNode(msg)) {
        // Failed fetches are expected in fault tests, which opt out explicitly.
        const url = msg.location()?.url;
        problems.push(`console error: ${text}${url ? ` (${url})` : ""}`);
      }
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (e) => {
        console.warn(`Content Security Policy violation: ${e.violatedDirective} ${e.blockedURI}`);
      });
    });
    page.allowConsoleErrors = () => {
      page.__allowConsoleErrors = true;
    };
    await use(page);
    expect(problems, "page problems").toEqual([]);
  },
});
