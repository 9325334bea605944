/**
 * A secret a check prints never leaves the process. A failing `command` check echoes DEPLOY_TOKEN
 * and CHECKS_TOKEN (as is, base64 and URL-encoded); the bundled CLI and the bundled action run the
 * failed deploy, its rollback, its notifications and its incident. Each place a result goes is
 * read back: stdout and stderr (text and --json), the job summary, the outputs, the body a webhook
 * receiver on loopback got, the local incident file and the GitHub incident issue. On the CLI
 * also a commit message quoting a token (a version's notes) and an error quoting a refused value.
 */
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appChecks, deployWorld, tempDir } from "../helpers/deploy-world.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { collected, ROOT } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

const DEPLOY_TOKEN = "dep-Tok3n-9f8e7d6c5b4a";
const CHECKS_TOKEN = "chk/Tok3n+0a1b2c3d4e5f";
const SECRETS = { DEPLOY_TOKEN, CHECKS_TOKEN };

/** Every form the check below prints the tokens in. */
const FORMS = [
  DEPLOY_TOKEN,
  CHECKS_TOKEN,
  Buffer.from(DEPLOY_TOKEN).toString("base64"),
  encodeURIComponent(CHECKS_TOKEN),
];

/**
 * Passes for 1.0.0 only; prints the tokens on every run. Its line is long enough that the last form
 * crosses the 200 characters a failed check's cause is cut to in an event: redacted after that cut,
 * a piece of it would be sent.
 */
const LEAKY_CHECK = `settings: { deadline-ms: 1500, retry-interval-ms: 100 }
checks:
  - name: leaky
    command: >-
      echo "deploy token $DEPLOY_TOKEN, encoded $(printf %s "$DEPLOY_TOKEN" | base64),
      checks token $CHECKS_TOKEN, and in a URL, encoded: $(printf %s "$CHECKS_TOKEN" | sed 's|/|%2F|g; s|+|%2B|g')";
      test "$SHIPGUARD_VERSION" = 1.0.0
`;

/** No form of a token, not even 8 characters of one (what a cut would leave). */
function expectNoSecret(where: string, text: string): void {
  for (const form of FORMS) {
    for (let at = 0; at + 8 <= form.length; at++) {
      expect(text, `${where} shows ${form}`).not.toContain(form.slice(at, at + 8));
    }
  }
}

describe.concurrent("a token a failing check prints never leaves the process", () => {
  it("the CLI: stdout and stderr (text and --json), the webhook body, the incident file", async (ctx) => {
    const repo = new TestRepo();
    ctx.onTestFinished(() => repo.remove());
    repo.commit("feat: first");
    repo.tag("v1.0.0");
    repo.commit("feat: second");
    repo.tag("v1.1.0");
    // Untrusted text other than a check's: a commit that quotes the token, in a version's report.
    repo.commit(`fix: stop printing ${DEPLOY_TOKEN} in the deploy log`);
    const checksFile = path.join(tempDir(ctx, "checks"), "checks.yml");
    writeFileSync(checksFile, LEAKY_CHECK);
    const hook = await webhookReceiver(ctx);
    const env = { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: repo.dir, USER: "dev", ...SECRETS };
    const run = (args: string[]) =>
      collected(
        spawn(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args], {
          cwd: repo.dir,
          env,
          stdio: ["ignore", "pipe", "pipe"],
        }),
      );
    const cli = (version: string, ...extra: string[]) =>
      run([
        "deploy",
        "--environment",
        "staging",
        "--version",
        version,
        "--strategy",
        "command",
        "--deploy-command",
        "true",
        "--checks-file",
        checksFile,
        "--notify-url",
        hook.url,
        "--notify-format",
        "slack",
        "--notify-on",
        "all",
        "--incident-issue",
        ...extra,
      ]);

    const good = await cli("1.0.0");
    expect(good.code, good.stderr).toBe(0);
    const json = await cli("1.1.0", "--json");
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toMatchObject({ status: "failure", rollback: { status: "success" } });
    const text = await cli("1.1.0", "--verbose");
    expect(text.code).toBe(1);
    expect(text.stderr).toContain("rollback to v1.0.0 done");
    // The check's output is in the report: the tokens were printed, and taken out.
    expect(text.stdout).toContain(
      "deploy token ***, encoded ***, checks token ***, and in a URL, encoded: ***",
    );

    const version = await run(["version", "--json"]);
    expect(version.stdout).toContain("fix: stop printing *** in the deploy log");
    // An error quoting a value it refuses.
    const refused = await cli("1.1.0", "--notify-on", `deployed, ${DEPLOY_TOKEN}`);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('shipguard: SG_INPUT_INVALID: Invalid notify-on: "***".');
    for (const shown of [good, json, text, version, refused]) {
      expectNoSecret("stdout", shown.stdout);
      expectNoSecret("stderr", shown.stderr);
    }
    expect(hook.bodies.length).toBeGreaterThanOrEqual(5);
    expect(hook.raw.join("\n")).toContain("deploy token ***");
    expectNoSecret("the webhook bodies", hook.raw.join("\n"));
    expectNoSecret(
      "the ledger",
      readFileSync(path.join(repo.dir, ".shipguard", "deployments.jsonl"), "utf8"),
    );
    const incidents = path.join(repo.dir, ".shipguard", "incidents");
    const files = readdirSync(incidents);
    expect(files).toHaveLength(2);
    for (const file of files) {
      const incident = readFileSync(path.join(incidents, file), "utf8");
      expect(incident).toContain("deploy token ***");
      expectNoSecret(`incident ${file}`, incident);
    }
  });

  it("the CLI keeps a word of the webhook URL's path in its own text, in any case, and takes the key out", async (ctx) => {
    const repo = new TestRepo();
    ctx.onTestFinished(() => repo.remove());
    repo.commit("feat: first");
    repo.tag("v1.1.0");
    const hook = await webhookReceiver(ctx, { path: "/hooks/Production/T0123ABCD/Xy3kPq9ZmW2vLr8TnB5cHd1F" });
    const args = [
      ...["deploy", "--environment", "Production", "--version", "1.1.0", "--strategy", "command"],
      ...[
        "--deploy-command",
        'echo "hook at $HOOK"',
        "--notify-url",
        hook.url,
        "--notify-format",
        "json",
        "--notify-on",
        "deployed",
      ],
    ];
    const run = await collected(
      spawn(process.execPath, [path.join(ROOT, "dist/cli.js"), ...args, "--verbose"], {
        cwd: repo.dir,
        env: { PATH: process.env.PATH ?? "/usr/bin:/bin", HOME: repo.dir, USER: "dev", HOOK: hook.url },
        stdio: ["ignore", "pipe", "pipe"],
      }),
    );
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain("Deployed 1.1.0 to Production (no smoke checks configured).");
    expect(run.stderr).toContain("Deploying 1.1.0 to Production with the deploy-command.");
    expect(run.stderr).toContain(`hook at ${hook.url.replace(/T0123ABCD\/\w+$/, "***/***")}`);
    expect(hook.events).toMatchObject([{ event: "deployed", version: "1.1.0" }]);
    expect(hook.raw[0]).toContain('"environment":"Production"');
  });

  it("the action: the log, the job summary, the outputs, the webhook body, the incident issue", async (ctx) => {
    const w = await deployWorld(ctx, {
      permissions: { contents: "write", deployments: "write", actions: "write", issues: "write" },
    });
    const hook = await webhookReceiver(ctx);
    w.ship("v1.0.0", true);
    expect((await w.deploy("1.0.0", { checks: appChecks(w.port) })).outputs.status).toBe("success");
    w.ship("v1.1.0", true);
    const run = await w.deploy(
      "1.1.0",
      {
        checks: LEAKY_CHECK,
        "notify-url": hook.url,
        "notify-format": "slack",
        "notify-on": "all",
        "incident-issue": "true",
      },
      { env: SECRETS },
    );
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe("failure");
    // The runner is told to mask every form in the log; nothing else shows any.
    // (A workflow command's data escapes `%` as `%25`; the runner reads it back.)
    for (const form of FORMS) expect(run.stdout).toContain(`::add-mask::${form.replace(/%/g, "%25")}`);
    const log = `${run.stdout}\n${run.stderr}`
      .split("\n")
      .filter((line) => !line.startsWith("::add-mask::"))
      .join("\n");
    expect(run.summary).toContain("deploy token ***");
    expectNoSecret("the log", log);
    expectNoSecret("the summary", run.summary);
    expectNoSecret("the outputs", run.outputFile);
    expect(hook.bodies).toHaveLength(1);
    expectNoSecret("the webhook body", hook.raw.join("\n"));
    const [issue] = w.emulator.state.issues;
    expect(issue?.body).toContain("deploy token ***");
    expectNoSecret("the incident issue", JSON.stringify(w.emulator.state.issues));
  });
});
