// Reading the fake's request log without racing the app. The app's requests
// reach the fake some time after the page asked for them, so every read here
// either waits for the requests it expects (waitForRequests), or first sends a
// sentinel request from the page and reads only what arrived before it
// (sentSoFar, expectNoRequests): the page dispatched everything it had queued
// before the sentinel, so "nothing was sent" means nothing, not "not yet".
import { expect } from "@playwright/test";
import { API_KEY, TEST_KEY } from "./fake.mjs";

/** The sentinel's key: its requests are never the app's. */
const SENTINEL_KEY = "nos_e2e_sentinel";
/** A cheap route no test scopes a fault to. HEAD works wherever GET does. */
const SENTINEL_PATH = "/markets/";
const TEST_KEYS = new Set([`Bearer ${TEST_KEY}`, `Bearer ${SENTINEL_KEY}`]);

/** How long a wait for an expected request may take on a busy machine. */
const WAIT_MS = 10_000;

/**
 * A log entry matches when every given field does:
 * - `method`: "GET", "PATCH", …
 * - `path`: exact string (no `/api` prefix) or RegExp
 * - `query`: exact raw string, RegExp, or an object of parameters the query must contain
 * - `key`: the key the request was sent with (default: any but the tests' own, i.e. the app's);
 *   `null` for requests sent without one
 * - `where`: any predicate on the entry
 */
function matcher({ method, path, query, key, where }) {
  const byKey = (auth) => (key === undefined ? !TEST_KEYS.has(auth) : auth === (key === null ? null : `Bearer ${key}`));
  return (r) => {
    if (!byKey(r.authorization)) return false;
    if (method !== undefined && r.method !== method) return false;
    if (path instanceof RegExp ? !path.test(r.path) : path !== undefined && r.path !== path) return false;
    if (query instanceof RegExp) {
      if (!query.test(r.query)) return false;
    } else if (typeof query === "string") {
      if (r.query !== query) return false;
    } else if (query !== undefined) {
      const got = params(r.query);
      if (Object.entries(query).some(([k, v]) => got[k] !== v)) return false;
    }
    return !where || where(r);
  };
}

const queryLabel = (q) => (q === undefined ? "" : `query ${typeof q === "object" && !(q instanceof RegExp) ? JSON.stringify(q) : String(q)}`);
const label = (match) => [match.method ?? "any method", match.path ?? "any path", queryLabel(match.query)].join(" ").trim();
const summary = (entries) => entries.map((r) => `${r.method} ${r.path}${r.query ? `?${r.query}` : ""} → ${r.status}`);

async function readLog(fake) {
  return fake.control("GET", "/requests");
}

/**
 * Waits until the app's requests matching `match` number exactly `count` (default 1),
 * or at least `atLeast`, and (unless `answered: false`, e.g. for dropped connections)
 * until the fake has answered each of them; returns them, oldest first.
 */
export async function waitForRequests(fake, match = {}, { count, atLeast, answered = true, timeout = WAIT_MS, message } = {}) {
  const wanted = atLeast === undefined ? (count ?? 1) : undefined;
  const isMatch = matcher(match);
  let found = [];
  await expect
    .poll(
      async () => {
        found = (await readLog(fake)).filter(isMatch);
        const enough = wanted === undefined ? found.length >= atLeast : found.length === wanted;
        return enough && (!answered || found.every((r) => r.status !== null)) ? "arrived" : summary(found);
      },
      {
        timeout,
        message: message ?? `${wanted === undefined ? `at least ${atLeast}` : `exactly ${wanted}`} ${label(match)} request(s)${answered ? ", answered" : ""}`,
      },
    )
    .toBe("arrived");
  return found;
}

/** The last of `waitForRequests`' entries: `const r = await waitForRequest(fake, { method: "POST", path })`. */
export async function waitForRequest(fake, match = {}, options = {}) {
  return (await waitForRequests(fake, match, options)).at(-1);
}

/** Faults that would answer the sentinel with something else than 200 (and a console error). */
function hitsSentinel(faults) {
  return ["fail_next", "malformed_next", "drop_next"].some((kind) => {
    const f = faults[kind];
    return f && (!f.path_contains || `/api${SENTINEL_PATH}`.includes(f.path_contains));
  });
}

/**
 * Every matching request the page sent until now. The page sends a sentinel request
 * and this waits for its answer, so whatever the app dispatched before has reached the
 * log: a count read here cannot be "not yet". (A pending fault that would hit the
 * sentinel is refused: it would use the fault up.) Timers the app has not fired yet are
 * not covered: advance page.clock first when time is the point.
 */
export async function sentSoFar(fake, page, match = {}) {
  if (hitsSentinel(await fake.control("GET", "/faults"))) {
    throw new Error("sentSoFar/expectNoRequests: a pending fault would hit the sentinel request; clear it or scope it with path_contains");
  }
  const status = await page.evaluate(
    async ([url, key]) => (await fetch(url, { method: "HEAD", headers: { authorization: `Bearer ${key}` } })).status,
    [`${fake.apiUrl}${SENTINEL_PATH}`, SENTINEL_KEY],
  );
  expect(status, "the sentinel request").toBe(200);
  const log = await readLog(fake);
  const sentinel = log.findLastIndex((r) => r.authorization === `Bearer ${SENTINEL_KEY}`);
  expect(sentinel, "the sentinel request is in the log").toBeGreaterThanOrEqual(0);
  return log.slice(0, sentinel).filter(matcher(match));
}

/** Asserts that the page sent no request matching `match` (checked behind a sentinel request). */
export async function expectNoRequests(fake, page, match = {}) {
  expect(summary(await sentSoFar(fake, page, match)), `no ${label(match)} request`).toEqual([]);
}

/** The app's writes (anything but GET and HEAD). */
export const WRITES = { where: (r) => r.method !== "GET" && r.method !== "HEAD" };

/**
 * Waits for the one write the app made, asserts it was the only one (behind a sentinel),
 * its key and JSON body; returns it.
 */
export async function expectOneWrite(fake, page, method, path, body) {
  await waitForRequests(fake, { ...WRITES, method, path });
  const sent = await sentSoFar(fake, page, WRITES);
  expect(sent.map((r) => `${r.method} ${r.path}`)).toEqual([`${method} ${path}`]);
  const [r] = sent;
  expectJsonBody(r, body);
  return r;
}

/** A body-less request as the contract wants it: the key, no content type, no body. */
export function expectBodyless(request) {
  expect(request.authorization).toBe(`Bearer ${API_KEY}`);
  expect(request.content_type).toBeNull();
  expect(request.body).toBeNull();
}

/** A request with the key and exactly this JSON body. */
export function expectJsonBody(request, body) {
  expect(request.authorization).toBe(`Bearer ${API_KEY}`);
  expect(request.content_type).toBe("application/json");
  expect(JSON.parse(request.body)).toEqual(body);
}

/** A query string as a map (decoded). */
export const params = (query) => Object.fromEntries(new URLSearchParams(query ?? ""));
