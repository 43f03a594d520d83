// What "fits a phone" means, measured in the page: no sideways scrolling, and
// touch targets at least 40 px tall.
import { expect } from "@playwright/test";

/** The document is no wider than the viewport (so nothing scrolls sideways). */
export async function expectFitsWidth(page, what) {
  const size = await page.evaluate(() => ({
    viewport: document.documentElement.clientWidth,
    document: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    // What sticks out, to say what to fix.
    wide: [...document.querySelectorAll("body *")]
      .filter((el) => el.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .filter((el) => !el.closest(".table-wrap, .diff-wrap, .json-view, .history-tabs, .json-editor-body"))
      .slice(0, 5)
      .map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join(".")} right=${Math.round(el.getBoundingClientRect().right)}`),
  }));
  const viewport = page.viewportSize().width;
  expect(size.viewport, `${what}: layout viewport`).toBe(viewport);
  expect(size.document, `${what}: document width (${size.wide.join(", ")})`).toBe(viewport);
  expect(size.body, `${what}: body width`).toBeLessThanOrEqual(viewport);
}

/**
 * Every control on screen whose touch target is under 40 px tall. A checkbox or
 * radio inside a label is reached through its label, so the label is measured.
 */
export function smallTargets(page) {
  return page.evaluate(() => {
    const small = [];
    const controls = document.querySelectorAll(
      "button, select, input, textarea, a.btn, [role=tab], summary, [role=button]",
    );
    for (const el of controls) {
      if (el.closest(".visually-hidden")) continue;
      const target = el.matches("input[type=checkbox], input[type=radio]") ? el.closest("label") ?? el : el;
      const box = target.getBoundingClientRect();
      // Not rendered (display: none, a closed dialog).
      if (box.width === 0 && box.height === 0) continue;
      if (box.height < 40) {
        const name = el.getAttribute("aria-label") || el.textContent.trim().slice(0, 30) || el.id || el.name;
        small.push(`${el.tagName.toLowerCase()} "${name}": ${Math.round(box.height)} px`);
      }
    }
    return small;
  });
}

export async function expectTouchTargets(page, what) {
  expect(await smallTargets(page), `${what}: controls under 40 px tall`).toEqual([]);
}
