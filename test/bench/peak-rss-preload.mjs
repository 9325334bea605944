// Preloaded into the measured Node process (`node --import <this file> dist/cli.js ...`) by measure.mjs.
// At exit it writes the process's own peak RSS (getrusage RUSAGE_SELF ru_maxrss, in KiB): the Node
// process alone, without the git children it waited for (which /usr/bin/time -f %M would include).
import { writeFileSync } from "node:fs";

const out = process.env.SHIPGUARD_BENCH_RSS_FILE;
delete process.env.SHIPGUARD_BENCH_RSS_FILE;
if (out) {
  process.on("exit", () => {
    try {
      writeFileSync(out, `${process.resourceUsage().maxRSS}\n`);
    } catch {
      // the harness reports a missing value
    }
  });
}
