// The accessibility audit: axe-core (npm) run in the page, WCAG 2.1 A and AA
// plus axe's best practices, in light and dark. Zero violations or the test fails,
// with each violation written out (rule, impact, what to fix, which elements).
//
// How axe gets into the page: the app's CSP allows no inline script, so
// page.addScriptTag (an inline <script>) would be refused and reported as a CSP
// violation. page.evaluate goes through the DevTools protocol, which CSP does not
// govern, so axe's source is evaluated as is and the page keeps its real policy
// (no bypassCSP: the audit sees exactly what a user gets).
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { expect } from "@playwright/test";

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];
export const SCHEMES = ["light", "dark"];

async function inject(page) {
  const present = await page.evaluate(() => typeof window.axe !== "undefined");
  if (!present) await page.evaluate(AXE_SOURCE);
}

/** One readable paragraph per violation. */
export function describe(violations) {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(" ")}\n      ${n.failureSummary.replace(/\n/g, "\n      ")}`)
        .join("\n");
      return `[${v.impact}] ${v.id}: ${v.help} (${v.nodes.length} element${v.nodes.length === 1 ? "" : "s"})\n${nodes}`;
    })
    .join("\n\n");
}

/** axe's violations on the page now, or within `selector` only. */
export async function violations(page, selector) {
  await inject(page);
  return page.evaluate(
    async ({ tags, selector }) => {
      const context = selector ? { include: [selector] } : document;
      const result = await window.axe.run(context, {
        runOnly: { type: "tag", values: tags },
        resultTypes: ["violations"],
      });
      return result.violations.map(({ id, impact, help, nodes }) => ({
        id,
        impact,
        help,
        nodes: nodes.map(({ target, failureSummary }) => ({ target, failureSummary })),
      }));
    },
    { tags: AXE_TAGS, selector },
  );
}

/**
 * Audits what is on screen in light and in dark, then leaves the page in light.
 * With an open modal `<dialog>` the audit covers the dialog (the page behind it
 * is inert); otherwise the whole document. `what` names the state in a failure.
 */
export async function expectAccessible(page, what) {
  const dialogOpen = await page.locator("dialog[open]").count();
  for (const colorScheme of SCHEMES) {
    await page.emulateMedia({ colorScheme });
    const started = Date.now();
    const found = await violations(page, dialogOpen ? "dialog[open]" : undefined);
    if (process.env.AXE_TIMING) console.log(`axe ${what} ${colorScheme}: ${Date.now() - started} ms`);
    // The readable list is the whole failure message: "" when nothing was found.
    expect(describe(found), `axe on ${what} (${colorScheme})`).toBe("");
  }
  await page.emulateMedia({ colorScheme: "light" });
}
