// Fails when dist/ is not exactly what the sources build: rebuilds into a temp folder and compares
// every file both ways, so a stale, missing or extra file is caught.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.join(root, "dist");
const fresh = mkdtempSync(path.join(os.tmpdir(), "shipguard-dist-"));

function files(dir, base = dir) {
  let out = [];
  for (const entry of readdirSync(dir)) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) out = out.concat(files(full, base));
    else out.push(path.relative(base, full));
  }
  return out.sort();
}

try {
  execFileSync(process.execPath, [path.join(root, "scripts/build.mjs"), "--outdir", fresh], {
    stdio: "inherit",
  });
  const want = files(fresh);
  const have = files(dist);
  const problems = [];
  for (const f of want) {
    if (!have.includes(f)) problems.push(`missing: dist/${f}`);
    else if (!readFileSync(path.join(fresh, f)).equals(readFileSync(path.join(dist, f))))
      problems.push(`stale: dist/${f}`);
  }
  for (const f of have) if (!want.includes(f)) problems.push(`extra: dist/${f}`);
  if (problems.length > 0) {
    console.error(
      `dist/ is not what the sources build:\n  ${problems.join("\n  ")}\nRun \`npm run build\` and commit dist/.`,
    );
    process.exitCode = 1;
  } else {
    console.log(`dist/ is up to date (${want.length} files).`);
  }
} finally {
  rmSync(fresh, { recursive: true, force: true });
}
