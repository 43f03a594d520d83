// CPU time of the renderer's main-thread tasks from a Chromium trace (`node bench/logs.mjs
// --trace`). On a shared machine a task's wall time is mostly waiting for a core; a trace's
// thread time (`tdur`) is what the task itself cost.

export async function startTrace(cdp, detailed = false) {
  await cdp.send("Tracing.start", {
    // Detailed: what each task did (script, layout, paint), for DevTools' Performance panel.
    categories: `toplevel,blink.user_timing,__metadata${detailed ? ",devtools.timeline,v8.execute" : ""}`,
    transferMode: "ReturnAsStream",
  });
}

/** Ends the trace; resolves with its events. */
export async function stopTrace(cdp) {
  const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
  await cdp.send("Tracing.end");
  const { stream } = await complete;
  const chunks = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send("IO.read", { handle: stream, size: 1 << 22 });
    chunks.push(base64Encoded ? Buffer.from(data, "base64").toString() : data);
    if (eof) break;
  }
  await cdp.send("IO.close", { handle: stream });
  const parsed = JSON.parse(chunks.join(""));
  return Array.isArray(parsed) ? parsed : parsed.traceEvents;
}

/** Top-level work of the main thread: tasks, and microtask checkpoints run outside a task. */
const TOP = new Set(["ThreadControllerImpl::RunTask", "BlinkScheduler_PerformMicrotaskCheckpoint"]);

/**
 * The page's main-thread tasks (the renderer main thread with the most CPU):
 * `{ ts, end }` in trace µs, `wall` and `cpu` in ms. A fetch's answer resolves its promise in a
 * microtask checkpoint that is not inside a task event: such a checkpoint counts as a task.
 */
export function mainTasks(events) {
  const mains = new Set(
    events
      .filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain")
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const byThread = new Map();
  for (const e of events) {
    if (e.ph !== "X" || !TOP.has(e.name) || !mains.has(`${e.pid}:${e.tid}`)) continue;
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push({ ts: e.ts, end: e.ts + (e.dur ?? 0), wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000 });
  }
  const outermost = (list) => {
    list.sort((a, b) => a.ts - b.ts || b.end - a.end);
    const out = [];
    for (const t of list) if (!out.length || t.ts >= out.at(-1).end) out.push(t);
    return out;
  };
  const total = (ts) => ts.reduce((s, t) => s + t.cpu, 0);
  return [...byThread.values()].map(outermost).sort((a, b) => total(b) - total(a))[0] ?? [];
}

/** A user-timing mark's trace time (µs), to place `performance.now()` values in the trace. */
export function markTs(events, name) {
  return events.find((e) => e.name === name && e.cat?.includes("blink.user_timing"))?.ts ?? null;
}

/** Longest and summed CPU (ms) of `tasks` overlapping [from, to] (trace µs, whole trace by default). */
export function cpuSummary(tasks, from = -Infinity, to = Infinity) {
  const within = tasks.filter((t) => t.end >= from && t.ts <= to);
  const r = (x) => Math.round(x * 10) / 10;
  return {
    tasks: within.length,
    cpuMs: r(within.reduce((s, t) => s + t.cpu, 0)),
    // (a reduce: a live run holds more tasks than a spread's arguments may)
    longestCpuMs: r(within.reduce((m, t) => Math.max(m, t.cpu), 0)),
    longestWallMs: r(within.reduce((m, t) => Math.max(m, t.wall), 0)),
    over50Cpu: within.filter((t) => t.cpu > 50).length,
    over50Wall: within.filter((t) => t.wall > 50).length,
  };
}
