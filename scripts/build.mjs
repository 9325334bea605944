// Bundles the action (dist/index.js) and the CLI (dist/cli.js) with esbuild.
// Usage: node scripts/build.mjs [--outdir DIR]   (check-dist builds into a temp folder and compares)
import { rm } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const flag = process.argv.indexOf("--outdir");
const outdir = flag === -1 ? path.join(root, "dist") : path.resolve(process.argv[flag + 1]);

await rm(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { index: "src/index.ts", cli: "src/cli.ts" },
  outdir,
  bundle: true,
  // Chunks let the CLI load the GitHub client only when a command needs it, so start-up stays fast.
  splitting: true,
  chunkNames: "chunks/[name]-[hash]",
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: false,
  legalComments: "eof",
  logLevel: "warning",
  // Paths of bundled modules appear in the output's comments: keep them as written, so a build
  // through a symlinked node_modules is byte-identical to one through a real folder.
  preserveSymlinks: true,
  // jsonc-parser's `main` is a UMD build whose require() of its own parts esbuild cannot follow;
  // its ES module build bundles.
  alias: { "jsonc-parser": "./node_modules/jsonc-parser/lib/esm/main.js" },
  // Some bundled CommonJS dependencies call require() on Node built-ins; ESM output needs a real require.
  banner: {
    js: "import { createRequire as __shipguardCreateRequire } from 'node:module';\nconst require = __shipguardCreateRequire(import.meta.url);",
  },
});
