// Signing in through the app's own form, against the fake on the page's origin.
import { expect } from "@playwright/test";
import { API_KEY } from "./fake.mjs";

/** Opens `path` signed out, lands on the sign-in form, and signs in (back to `path`). */
export async function signIn(page, fake, path = "/deployments") {
  await page.goto(`${fake.url}${path}`);
  await expect(page).toHaveURL(/\/sign-in/);
  await page.getByLabel("API key").fill(API_KEY);
  await page.getByLabel("API URL").selectOption("/api");
  await page.getByRole("button", { name: "Sign in" }).click();
}

/** Signs in again on a sign-in form already showing (after a 401 or a sign-out). */
export async function submitKey(page, key = API_KEY) {
  await page.getByLabel("API key").fill(key);
  await page.getByRole("button", { name: "Sign in" }).click();
}
