// Plain HTTP against a server, bytes as sent: node:http neither decompresses nor follows anything,
// so Content-Encoding and the compressed body can be compared with the files in dist/.
import { request } from "node:http";

/** One request; resolves with { status, headers, body: Buffer }. */
export function send(url, { method = "GET", headers = {}, body } = {}) {
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { "accept-encoding": "identity", ...headers } }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`${method} ${url}: no answer in 10 s`)));
    req.end(body);
  });
}

/**
 * Opens a server-sent event stream and keeps reading it. Every `data:` frame is kept with the
 * time it arrived (performance.now()); `waitFor(predicate, { from })` resolves with the first
 * frame at index `from` or later that satisfies it.
 */
export function openStream(url, headers) {
  return new Promise((resolve, reject) => {
    // A server that holds the stream back may not even send the headers.
    const deadline = setTimeout(() => req.destroy(new Error(`${url}: no response headers within 5 s`)), 5_000);
    const req = request(url, { headers: { "accept-encoding": "identity", accept: "text/event-stream", ...headers } }, (res) => {
      clearTimeout(deadline);
      let buffer = "";
      const frames = [];
      const waiters = new Set();
      const check = () => {
        for (const w of waiters) {
          const hit = frames.slice(w.from).find((f) => w.predicate(f.text));
          if (hit) {
            waiters.delete(w);
            w.resolve(hit);
          }
        }
      };
      res.setEncoding("utf8");
      res.on("data", (text) => {
        const at = performance.now();
        buffer += text;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = block.split("\n").filter((l) => l.startsWith("data:")).map((l) => l.slice(5).trim());
          if (data.length) frames.push({ text: data.join("\n"), at });
        }
        check();
      });
      resolve({
        status: res.statusCode,
        headers: res.headers,
        frames,
        waitFor(predicate, { from = 0, timeout = 10_000 } = {}) {
          return new Promise((ok, fail) => {
            waiters.add({ from, predicate, resolve: ok });
            check();
            const seen = () => frames.map((f) => f.text).join(" | ");
            setTimeout(() => fail(new Error(`no matching frame within ${timeout} ms; frames: ${seen()}`)), timeout).unref();
          });
        },
        close() {
          // Closing is ours: the aborted response's error is expected.
          res.on("error", () => {});
          req.on("error", () => {});
          req.destroy();
        },
      });
    });
    req.on("error", reject);
    req.end();
  });
}
