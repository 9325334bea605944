/**
 * The error definitions and the README agree: every code builds a message and a remedy, has a
 * summary and a usual fix, and has its row (with its anchor) in the README's table of codes, and
 * the README names no code that does not exist.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ERRORS, type ErrorCode, type ErrorParams, errorAnchor } from "../../src/definitions/errors.ts";
import { shipguardError } from "../../src/errors.ts";

const root = path.resolve(import.meta.dirname, "../..");
const readme = readFileSync(path.join(root, "README.md"), "utf8");
const codes = Object.keys(ERRORS) as ErrorCode[];

const answer = {
  doing: "create the tag v1.2.3",
  status: 403,
  request: "POST /repos/o/r/git/refs",
  said: "No",
};
const place = { source: "checks.yml", line: 7, owner: 'check "health"' };

/** Facts for each code (typed: a new code needs its sample here). */
const SAMPLES: { [C in ErrorCode]: readonly ErrorParams<C>[] } = {
  SG_INPUT_INVALID: [
    { input: "squash-bullets", value: "some", expected: "Expected `fallback`." },
    { input: "reason", value: "", expected: "A rollback needs a reason.", remedy: "Say why." },
  ],
  SG_INPUTS_CONFLICT: [{ first: "version", firstValue: "1.0.0", second: "ref", secondValue: "HEAD" }],
  SG_TOKEN_MISSING: [
    { command: "release", permissions: "contents: write", cli: false },
    { command: "release", permissions: "contents: write", cli: true },
  ],
  SG_CHECKS_YAML: [
    { source: "checks.yml", line: 3, reason: "syntax", detail: "bad indentation" },
    { source: "checks.yml", line: 0, reason: "aliases" },
    { source: "checks.yml", line: 4, reason: "key" },
  ],
  SG_CHECKS_INVALID: [
    { ...place, key: "timeout-ms", problem: "must be a number", fix: "Write a number." },
    { ...place, line: 0, problem: "has no kind", fix: "Give it one." },
  ],
  SG_CHECKS_UNKNOWN_KEY: [
    { ...place, key: "stauts", allowed: ["name", "status"], of: "an http check", suggestion: "status" },
    { ...place, key: "url", allowed: ["name", "status"], of: "an http check", suggestion: null },
  ],
  SG_CHECKS_VARIABLE_UNSET: [{ source: "checks.yml", check: "health", variable: "TOKEN" }],
  SG_SMOKE_VERSION_UNKNOWN: [
    { environment: null, ledger: null },
    { environment: "production", ledger: "the GitHub deployments of o/r" },
  ],
  SG_GIT_NOT_FOUND: [{}],
  SG_WORKING_DIRECTORY_MISSING: [{ cwd: "/nowhere" }],
  SG_GIT_UNSTARTABLE: [{ detail: "EACCES" }],
  SG_GIT_FAILED: [
    { command: "fetch origin", stderr: "fatal: no remote" },
    { command: "fetch origin", stderr: "" },
  ],
  SG_GITHUB_UNAUTHORIZED: [{ ...answer, status: 401 }],
  SG_GITHUB_FORBIDDEN: [
    { ...answer, scope: "contents: write" },
    { ...answer, request: "", scope: "actions: write", neededBy: "a workflow dispatch" },
  ],
  SG_GITHUB_ISSUES_DISABLED: [{ ...answer, status: 410, said: "Issues are disabled for this repo" }],
  SG_GITHUB_REF_REFUSED: [
    { ...answer, status: 403, cause: "either" },
    { ...answer, status: 403, cause: "workflows" },
    { ...answer, status: 403, cause: "workflows", tokenWrote: "the tag object of v1.2.3" },
  ],
  SG_GITHUB_NOT_FOUND: [{ ...answer, status: 404, scope: "contents: write" }],
  SG_GITHUB_RATE_LIMITED: [{ ...answer, status: 429 }],
  SG_GITHUB_UNAVAILABLE: [{ ...answer, status: 502 }],
  SG_GITHUB_RULESET: [{ ...answer, status: 422 }],
  SG_TAG_BURNED: [{ ...answer, status: 422 }],
  SG_BRANCH_PROTECTED: [
    { ...answer, status: 422, said: "Changes must be made through a pull request.", branch: "main" },
  ],
  SG_BRANCH_MOVED: [
    { ...answer, status: 422, said: "Update is not a fast forward", branch: "main", parent: "a".repeat(40) },
  ],
  SG_PR_CREATION_FORBIDDEN: [
    {
      ...answer,
      said: "GitHub Actions is not permitted to create or approve pull requests.",
      repository: "acme/app",
    },
  ],
  SG_GITHUB_REFUSED: [
    { ...answer, status: 418 },
    { ...answer, status: undefined },
  ],
  SG_NOT_VERIFIED_IN: [
    {
      version: "1.2.0",
      environment: "production",
      missing: ["staging (never deployed there)"],
      first: "staging",
    },
  ],
  SG_ROLLBACK_PENDING: [
    {
      environment: "production",
      workflow: "rollback.yml",
      url: "https://github.com/acme/app/actions/runs/7",
      status: "in_progress",
    },
  ],
  SG_DEPLOYMENT_AUTO_MERGED: [
    { doing: "create the deployment", ref: "topic", said: "Auto-merged main into topic." },
    { doing: "create the deployment", ref: "topic", said: undefined },
  ],
  SG_DEPLOYMENT_MERGE_CONFLICT: [{ ...answer, status: 409 }],
  SG_DEPLOYMENT_CHECKS_FAILED: [
    { ...answer, status: 422, contexts: ["ci/test", "lint"] },
    { ...answer, status: 422, contexts: [] },
  ],
  SG_DEPLOYMENT_COMMIT_MISSING: [{ ...answer, status: 422 }],
  SG_DISPATCH_INVALID: [
    { workflow: "a/b.yml", reason: "workflow-name" },
    { workflow: "deploy.yml", reason: "ref", ref: "0".repeat(40) },
    { workflow: "deploy.yml", reason: "too-many-inputs", count: 30, max: 25 },
    { workflow: "deploy.yml", reason: "inputs-too-long", max: 65535 },
    { workflow: "deploy.yml", reason: "no-correlation-id" },
  ],
  SG_WORKFLOW_NOT_FOUND: [
    { workflow: "rollback.yml", repository: "o/r", ref: "main", inputs: ["environment"] },
  ],
  SG_WORKFLOW_INPUTS_REFUSED: [
    {
      workflow: "rollback.yml",
      ref: "main",
      status: 422,
      said: "Unexpected inputs",
      inputs: ["environment"],
    },
  ],
  SG_WORKFLOW_INPUTS_RESERVED: [{ clashes: ["version"], reserved: ["version", "tag"] }],
  SG_WAIT_CANCELLED: [{ run: "https://github.com/o/r/actions/runs/1" }],
  SG_LEDGER_IO: [
    { what: "write .shipguard/deployments.jsonl", detail: "EACCES", folder: ".shipguard" },
    ...["ENOSPC", "EROFS", "EACCES", "ENOTDIR", "EIO"].map((errno) => ({
      what: "create the lock .shipguard/deployments.jsonl.lock",
      detail: errno,
      folder: ".shipguard",
      errno,
    })),
  ],
  SG_LEDGER_DEPLOYMENT_UNKNOWN: [{ state: "success", id: "d1", file: ".shipguard/deployments.jsonl" }],
  SG_LEDGER_FILE_MISSING: [{ ledgerFile: "ledger.jsonl", path: "/work/app/ledger.jsonl" }],
  SG_CANCELLED: [{ signal: "SIGINT", environment: "production" }],
  SG_ENVIRONMENT_LOCKED: [
    {
      environment: "staging",
      file: ".shipguard/deployments.jsonl.staging-0123456789abcdef.deploy.lock",
      waitedSeconds: 600,
      holder: { pid: 4242, host: "laptop", since: "2026-01-01T00:00:00.000Z", command: "deploy 2.0.0" },
    },
    {
      environment: "staging",
      file: ".shipguard/deployments.jsonl.staging-0123456789abcdef.deploy.lock",
      waitedSeconds: 600,
      holder: null,
    },
  ],
  SG_METRICS_ENVIRONMENT_UNKNOWN: [
    {
      environment: "prod",
      known: ["production", "staging"],
      ledger: "the ledger x",
      until: "2026-12-01T00:00:00.000Z",
    },
    { environment: "prod", known: [], ledger: "the ledger x", until: "2026-12-01T00:00:00.000Z" },
  ],
  SG_INCIDENT_ID_INVALID: [{ id: "../../etc/passwd" }],
  SG_RELEASE_PR_NEEDS_GITHUB: [{}],
  SG_RELEASE_PR_NO_BRANCH: [{}],
  SG_RELEASE_PR_PROPOSAL_INVALID: [
    {
      number: 7,
      url: "https://github.com/o/r/pull/7",
      problem: "a release of `x`, which is not a configured package",
    },
  ],
  SG_INCIDENT_FILE_IO: [
    { file: ".shipguard/incidents/sg-1.md", detail: "EACCES", folder: ".shipguard/incidents" },
    { file: ".shipguard/incidents/sg-1.md", detail: "EROFS", folder: ".shipguard/incidents", errno: "EROFS" },
    {
      file: ".shipguard/incidents/sg-1.md",
      detail: "it is a symbolic link",
      folder: ".shipguard/incidents",
      refused: true,
    },
  ],
  SG_VERSION_FILE_NOT_FOUND: [
    {
      file: "packages/api/package.json",
      setting: 'packages."packages/api".version-files',
      commit: "0123456789abcdef0123",
    },
  ],
  SG_WORKTREE_CHANGED: [
    { branch: "main", parent: "0123456789abcdef0123", problem: "package.json has uncommitted changes." },
  ],
  SG_FILE_NOT_UTF8: [{ file: "gradle.properties", line: 3, commit: "0123456789abcdef0123" }],
  SG_VERSION_FILE: [
    { file: "package.json", expected: 'one "version" string', problem: { kind: "missing" } },
    { file: "Cargo.toml", expected: "a [package].version", problem: { kind: "ambiguous", lines: [4, 9] } },
    { file: "x.txt", expected: "a marked line", problem: { kind: "ambiguous", lines: [3, 3] } },
    {
      file: "pom.xml",
      expected: "<version>",
      problem: { kind: "not-a-string", line: 7, found: '"${revision}"' },
    },
    { file: "deploy.yaml", expected: "a marked line", problem: { kind: "unmarked", line: 2 } },
    {
      file: "a.json",
      expected: "x",
      problem: { kind: "unparsable", format: "JSON", detail: "ValueExpected", line: 1 },
    },
    {
      file: "pyproject.toml",
      expected: "[project].version",
      problem: { kind: "elsewhere", line: 3, source: "the build backend", instead: "let it read the tag" },
    },
  ],
  SG_UNKNOWN_COMMAND: [{ command: "deplyo", known: "version, release, deploy" }],
  SG_UNKNOWN_FLAG: [
    { flag: "bogus", command: "rollback" },
    { flag: "bogus", command: null },
  ],
  SG_FLAG_VALUE_MISSING: [{ flag: "environment" }],
  SG_UNEXPECTED_ARGUMENT: [{ argument: "production" }],
  SG_NOT_A_REPOSITORY: [{ directory: "." }],
  SG_NO_COMMITS: [{ topLevel: "/work/app" }],
  SG_SHALLOW_CLONE: [
    { remote: "origin", hasRemote: true, fetchHistory: false },
    { remote: "origin", hasRemote: false, fetchHistory: true },
  ],
  SG_DEEPEN_FAILED: [{ detail: "git fetch failed: could not read Username" }],
  SG_TAG_UNREADABLE: [{ tag: "v1.2.3", where: "octo/app on GitHub" }],
  SG_PACKAGE_RELEASES_FAILED: [
    {
      failed: [
        {
          path: "packages/web",
          tag: "web-v1.1.0",
          code: "SG_GITHUB_UNAVAILABLE",
          message: "Could not create the release web-v1.1.0: GitHub answered 502.",
          remedy: "Re-run the job.",
        },
      ],
      released: ["packages/api (api-v2.0.0)"],
      total: 3,
    },
    {
      failed: [{ path: ".", tag: null, code: "SG_INTERNAL", message: "x", remedy: "y" }],
      released: [],
      total: 1,
    },
  ],
  SG_UNKNOWN_PACKAGE: [
    { package: "packages/apx", configured: ["packages/api", "packages/web", "."] },
    { package: "packages/api", configured: [] },
  ],
  SG_MAINTENANCE_LINE: [
    {
      branch: "release/1.2",
      glob: "release/*",
      line: "1.2.x",
      base: "v1.2.4",
      problem: {
        kind: "reaches",
        limit: { version: "1.3.0", tag: "v1.3.0" },
        cause: { kind: "bump", bump: "minor", sha: "abcdef0123456789" },
        target: "1.3.0",
        patch: "1.2.5",
      },
    },
    {
      branch: "hotfix/b",
      glob: "hotfix/*",
      line: ">1.2.4 <1.2.5",
      base: "v1.2.4",
      problem: {
        kind: "reaches",
        limit: { version: "1.2.5", tag: "v1.2.5" },
        cause: { kind: "release-as", value: "1.2.5", sha: "abcdef0123456789" },
        target: "1.2.5",
        patch: null,
      },
    },
    {
      branch: "1.2.x",
      glob: "*.x",
      line: "1.2.x",
      base: "v1.2.4",
      problem: {
        kind: "reaches",
        limit: { version: "1.3.0", tag: null },
        cause: { kind: "bump", bump: "major", sha: null },
        target: "2.0.0",
        patch: null,
      },
    },
    {
      branch: "1.2.x",
      glob: "1.2.x",
      line: "1.2.x",
      base: null,
      problem: { kind: "off-line", nearest: null },
    },
    {
      branch: "1.2.x",
      glob: "1.2.x",
      line: "1.2.x",
      base: "v1.1.3",
      problem: { kind: "off-line", nearest: "v1.2.4" },
    },
  ],
  SG_TAG_MISSING: [
    { tag: "v1.2.3", version: "1.2.3", input: "version" },
    { tag: "v0.9.0", version: "0.9.0", input: "to-version" },
  ],
  SG_REF_UNKNOWN: [{ ref: "feature/x" }],
  SG_WORKFLOW_NEEDS_GITHUB: [{}],
  SG_CHECKS_FILE_UNREADABLE: [{ file: "checks.yml", detail: "ENOENT" }],
  SG_MIGRATIONS_UNREADABLE: [{ from: "0123456789ab", to: "ba9876543210", detail: "bad object" }],
  SG_NO_DEPLOYMENTS: [{ environment: "production" }],
  SG_ROLLBACK_OF_ROLLBACK: [{ environment: "production", id: "42", version: "1.0.0", state: "failure" }],
  SG_NOTHING_TO_ROLL_BACK_TO: [{ environment: "staging" }],
  SG_TARGET_NOT_VERIFIED: [
    { version: "0.9.0", environment: "production" },
    { version: "2.0.0", environment: "production", rolledBackFrom: true },
  ],
  SG_MIGRATIONS_BETWEEN: [
    { environment: "production", from: "1.1.0", to: "1.0.0", files: ["migrations/002_add_email.sql"] },
  ],
  SG_BEFORE_ROLLBACK_FAILED: [{ failure: "exit code 3" }],
  SG_DEMO_NEEDS_POSIX: [{}],
  SG_INTERNAL: [{ detail: "TypeError: x is not a function" }],
  SG_SETTINGS_FILE_MISSING: [{ file: "nope.yml", path: "/w/repo/nope.yml" }],
  SG_SETTINGS_FILE_UNREADABLE: [{ file: ".github/shipguard.yml", detail: "it is not UTF-8 text." }],
  SG_SETTINGS_FILE_INVALID: [
    { file: ".github/shipguard.yml", line: 3, problem: "not valid YAML: x", fix: "Fix it." },
    { file: ".github/shipguard.yml", line: 0, problem: "x", fix: "Fix it." },
  ],
  SG_SETTINGS_UNKNOWN: [
    {
      file: ".github/shipguard.yml",
      line: 3,
      key: "tag-prefx",
      within: null,
      nearest: "tag-prefix",
      close: true,
    },
    { file: "s.yml", line: 5, key: "zzz", within: 'packages."api"', nearest: "tag-prefix", close: false },
    { file: "s.yml", line: 5, key: "zzz", within: null, nearest: null, close: false },
  ],
  SG_SETTINGS_REFUSED: [
    { file: ".github/shipguard.yml", line: 2, key: "token", reason: "secret.", remedy: "Pass it." },
  ],
};

/** The codes the README's table has a row for, with the anchor of each row. */
function readmeRows(): Map<string, string> {
  const rows = new Map<string, string>();
  for (const match of readme.matchAll(/^\| <a id="([^"]+)"><\/a>`(SG_[A-Z0-9_]+)` \|/gm)) {
    rows.set(match[2] as string, match[1] as string);
  }
  return rows;
}

describe("error definitions", () => {
  it.each(codes)("%s is named SG_ + upper snake case and has a one-line summary and usual fix", (code) => {
    expect(code).toMatch(/^SG_[A-Z0-9]+(?:_[A-Z0-9]+)*$/);
    const definition: { summary: string; fix?: string } = ERRORS[code];
    expect(definition.summary.trim()).not.toBe("");
    expect(definition.summary).not.toContain("\n");
    expect(definition.fix?.trim() ?? "").not.toBe("");
    expect(definition.fix).not.toContain("\n");
  });

  it.each(codes)("%s builds a message and a remedy from its facts", (code) => {
    const samples = SAMPLES[code] as readonly ErrorParams<typeof code>[];
    expect(samples.length).toBeGreaterThan(0);
    for (const params of samples) {
      const error = shipguardError(code, params);
      expect(error.code).toBe(code);
      expect(error.message.trim()).not.toBe("");
      expect(error.remedy.trim()).not.toBe("");
      expect(error.message).not.toMatch(/undefined|\[object Object\]/);
      expect(error.remedy).not.toMatch(/undefined|\[object Object\]/);
      expect(error.describe()).toContain(`README.md#${errorAnchor(code)}`);
    }
  });
});

describe("README.md ## Error codes", () => {
  it("has a row with the anchor of every code, and no row for a code that does not exist", () => {
    const rows = readmeRows();
    expect([...rows.keys()].sort()).toEqual([...codes].sort());
    for (const code of codes) expect(rows.get(code), code).toBe(errorAnchor(code));
  });

  it("names no code that does not exist", () => {
    const named = new Set(readme.match(/\bSG_[A-Z0-9_]+\b/g) ?? []);
    expect([...named].filter((code) => !(code in ERRORS))).toEqual([]);
  });

  it("is what scripts/gen-errors.mjs writes from the definitions", () => {
    const r = spawnSync(process.execPath, [path.join(root, "scripts/gen-errors.mjs"), "--check"], {
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
  });
});
