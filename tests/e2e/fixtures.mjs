// Shared fixtures: a fake API per worker, reset before every test, and a page
// whose console errors, CSP violations and uncaught exceptions fail the test.
import { test as base, expect } from "@playwright/test";
import { API_KEY, startFake } from "./fake.mjs";

export { expect, API_KEY };

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
      if (msg.type() === "error" && !page.__allowConsoleErrors) {
        // Failed fetches are expected in fault tests, which opt out explicitly.
        problems.push(`console error: ${text}`);
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

/** Signs in through the form, against the fake on the page's own origin. */
export async function signIn(page, fake, path = "/deployments") {
  await page.goto(`${fake.url}${path}`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).click();
}
