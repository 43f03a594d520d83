// Prints "<passed> <failed>" from a Playwright JSON report (0 1 when it is missing).
import { readFileSync } from "node:fs";
try {
  const { stats } = JSON.parse(readFileSync(process.argv[2], "utf8"));
  console.log(`${stats.expected + stats.flaky} ${stats.unexpected}`);
} catch {
  console.log("0 1");
}
