/**
 * `command: rollback` end to end, run as the dispatched rollback workflow (or a maintainer's
 * workflow_dispatch) runs it: the bundled action against the GitHub API emulator, putting a real
 * app on loopback back to a verified version, with each guard shown refusing and each way past it.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { appChecks, type DeployWorld, deployWorld, payloadOf } from "../helpers/deploy-world.ts";
import type { TestRepo } from "../helpers/git-repo.ts";
import type { ActionRun } from "../helpers/run-action.ts";

const ROLLBACK_OUTPUTS = ["deployment-id", "incident", "rolled-back-from", "rolled-back-to", "status"];
const DEPLOY_OUTPUTS = [
  "deployment-id",
  "incident",
  "previous-good-version",
  "rollback-url",
  "smoke-report",
  "smoke-verdict",
  "status",
];

/**
 * v1.0.0 deployed and verified, then `broken` deployed and failed its checks: returns the inputs
 * of the rollback that failure dispatched.
 */
async function goodThenBroken(
  w: DeployWorld,
  options: {
    broken?: string;
    environment?: string;
    extra?: Record<string, string>;
    checkout?: TestRepo;
  } = {},
): Promise<Record<string, string>> {
  const environment = options.environment ?? "production";
  const brokenTag = options.broken ?? "v1.1.0";
  w.ship("v1.0.0", true);
  const good = await w.deploy("1.0.0", { environment });
  expect(good.stdout).not.toContain("::error::");
  expect(good.outputs.status).toBe("success");
  w.ship(brokenTag, false, options.extra);
  const broken = await w.deploy(
    brokenTag,
    { environment, checks: appChecks(w.port, { deadlineMs: 1000 }) },
    { checkout: options.checkout },
  );
  expect(broken.code).toBe(1);
  expect(broken.outputs.status).toBe("failure");
  expect(w.emulator.state.dispatches).toHaveLength(1);
  return w.emulator.state.dispatches[0]?.inputs as Record<string, string>;
}

/**
 * A refusal is a result: outputs with `status: blocked`, the incident report in the job summary
 * naming the code and the fix, and a failed step whose error names the code and the remedy.
 * Returns the step's error line.
 */
function expectBlocked(run: ActionRun, code: string, remedy: RegExp): string {
  expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(1);
  expect(Object.keys(run.outputs).sort()).toEqual(ROLLBACK_OUTPUTS);
  expect(run.outputs).toMatchObject({ status: "blocked", "deployment-id": "" });
  expect(run.summary).toContain("🛑 Incident report: rollback of production blocked");
  expect(run.summary).toContain(
    `| Blocked by | [\`${code}\`](README.md#${code.toLowerCase().replace(/_/g, "-")}) |`,
  );
  expect(run.summary).toContain("| Result | blocked |");
  const error = run.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
  expect(error.startsWith(`::error::${code}: `), error).toBe(true);
  expect(error).toMatch(remedy);
  expect(error).toContain("%0AFix: ");
  return error;
}

describe.concurrent("rollback guards", () => {
  it("a rollback whose checks fail fails loudly and stops; a rollback of that rollback is refused", async (ctx) => {
    const w = await deployWorld(ctx);
    const inputs = await goodThenBroken(w);
    // The rollback's own checks fail (say the database is down for every version).
    const failing = await w.rollback({
      ...inputs,
      checks: `settings: { deadline-ms: 800, retry-interval-ms: 100 }
checks:
  - name: database
    command: echo "connection refused" >&2; exit 1
`,
    });
    expect(failing.code).toBe(1);
    expect(failing.outputs).toMatchObject({ status: "failure", "rolled-back-to": "1.0.0" });
    expect(failing.stdout).toMatch(
      /::error::Rollback of production to v1\.0\.0 FAILED: smoke checks failed: database \(exit-code\)\. No further rollback is attempted: the environment needs a human now\./,
    );
    expect(failing.summary).toContain("🚨 Incident report: rollback of production");
    // A failed rollback dispatches nothing.
    expect(w.emulator.state.dispatches).toHaveLength(1);
    expect(w.emulator.calls("POST actions/create-workflow-dispatch")).toHaveLength(1);
    const rollback = w.emulator.state.deployments[2];
    expect(rollback?.task).toBe("deploy:rollback");
    expect(rollback?.statuses.map((s) => s.state)).toEqual(["in_progress", "failure"]);

    // Anyone starting another rollback now (a maintainer, a re-dispatch) is refused.
    const again = await w.rollback({ environment: "production", reason: "try once more" });
    expectBlocked(again, "SG_ROLLBACK_OF_ROLLBACK", /fix forward and deploy a new version/);
    expect(again.outputs).toMatchObject({ "rolled-back-from": "1.0.0", "rolled-back-to": "" });
    expect(w.emulator.state.deployments).toHaveLength(3);
    expect(w.emulator.violations).toEqual([]);
  });

  it("the same correlation id twice: the second run does nothing and says skipped", async (ctx) => {
    const w = await deployWorld(ctx);
    const inputs = await goodThenBroken(w);
    const first = await w.rollback(inputs);
    expect(first.outputs).toMatchObject({ status: "success", "rolled-back-to": "1.0.0" });
    const second = await w.rollback(inputs);
    expect(second.code).toBe(0);
    expect(Object.keys(second.outputs).sort()).toEqual(ROLLBACK_OUTPUTS);
    expect(second.outputs).toMatchObject({
      status: "skipped",
      "deployment-id": first.outputs["deployment-id"],
      "rolled-back-to": "1.0.0",
      "rolled-back-from": "1.1.0",
    });
    expect(second.stdout).toContain(
      `Correlation id ${inputs["correlation-id"]} already ran as deployment #${first.outputs["deployment-id"]} (success): nothing was done again.`,
    );
    expect(second.stdout).not.toContain("Deploying");
    expect(second.summary).toContain("⏭️ Incident report");
    expect(w.emulator.state.deployments).toHaveLength(3);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a rollback queued behind a newer deploy that passed its checks does nothing", async (ctx) => {
    const w = await deployWorld(ctx);
    const inputs = await goodThenBroken(w);
    // The fix goes out before the rollback run gets its turn (they share a concurrency group).
    w.ship("v1.2.0", true);
    const fix = await w.deploy("1.2.0");
    expect(fix.outputs).toMatchObject({ status: "success", "previous-good-version": "1.0.0" });
    const late = await w.rollback(inputs);
    expect(late.code).toBe(0);
    expect(late.outputs).toMatchObject({
      status: "skipped",
      "rolled-back-from": "",
      "rolled-back-to": "",
    });
    expect(late.stdout).toMatch(
      /::warning::production no longer runs 1\.1\.0: its newest deployment, 1\.2\.0 \(#\d+\), passed its checks since\. Nothing was rolled back\./,
    );
    expect(await w.served()).toBe("1.2.0");
    expect(w.emulator.state.deployments.map((d) => d.task)).toEqual(["deploy", "deploy", "deploy"]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("migrations between the two versions block the rollback, listing them; allow-migrations lets it run", async (ctx) => {
    const w = await deployWorld(ctx);
    const inputs = await goodThenBroken(w, {
      extra: {
        "migrations/002_add_email.sql": "ALTER TABLE users ADD COLUMN email text;\n",
        "db/migrate/003_index.rb": "add_index :users, :email\n",
        "docs/migrations.md": "not a migration folder of the app\n",
      },
    });
    const blocked = await w.rollback(inputs);
    const error = expectBlocked(
      blocked,
      "SG_MIGRATIONS_BETWEEN",
      /Roll forward with a fix instead.*allow-migrations: true/,
    );
    expect(error).toContain(
      "Rolling production back from 1.1.0 to 1.0.0 crosses database migrations:%0A  - db/migrate/003_index.rb%0A  - migrations/002_add_email.sql",
    );
    expect(error).not.toContain("docs/migrations.md");
    expect(blocked.outputs).toMatchObject({ "rolled-back-from": "1.1.0", "rolled-back-to": "1.0.0" });
    // Nothing was recorded or deployed: the broken version still runs.
    expect(w.emulator.state.deployments).toHaveLength(2);
    expect(await w.served()).toBe("1.1.0");

    const allowed = await w.rollback({ ...inputs, "allow-migrations": "true" });
    expect(allowed.stdout).not.toContain("::error::");
    expect(allowed.outputs).toMatchObject({ status: "success", "rolled-back-to": "1.0.0" });
    expect(allowed.summary).toContain(
      "| Migrations | 2 migration file(s) changed (allowed by allow-migrations): db/migrate/003_index.rb, migrations/002_add_email.sql |",
    );
    expect(await w.served()).toBe("1.0.0");
    expect(w.emulator.violations).toEqual([]);
  });

  it("a to-version never deployed there is refused; force: true deploys it anyway", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v0.9.0", true);
    const inputs = await goodThenBroken(w);
    const refused = await w.rollback({ ...inputs, "to-version": "0.9.0" });
    expectBlocked(refused, "SG_TARGET_NOT_VERIFIED", /or set force: true to deploy 0\.9\.0 anyway/);
    expect(refused.outputs).toMatchObject({ "rolled-back-from": "1.1.0", "rolled-back-to": "" });
    expect(w.emulator.state.deployments).toHaveLength(2);

    const forced = await w.rollback({ ...inputs, "to-version": "v0.9.0", force: "true" });
    expect(forced.stdout).not.toContain("::error::");
    expect(forced.stdout).toContain(
      "::warning::force: rolling back to 0.9.0, which never passed its checks in production.",
    );
    expect(forced.outputs).toMatchObject({ status: "success", "rolled-back-to": "0.9.0" });
    expect(await w.served()).toBe("0.9.0");
    expect(payloadOf(w.emulator.state.deployments[2])).toMatchObject({
      kind: "rollback",
      version: "0.9.0",
      tag: "v0.9.0",
      rolledBackFrom: { version: "1.1.0" },
    });
    expect(w.emulator.violations).toEqual([]);
  });

  it("a maintainer's manual rollback needs only environment and reason; hooks get the deploy variables", async (ctx) => {
    const w = await deployWorld(ctx);
    await goodThenBroken(w);
    const log = path.join(w.appHome, "hooks.log");
    const run = await w.rollback(
      {
        environment: "production",
        reason: "customers report 500s",
        "before-rollback": `printf 'before %s %s->%s (%s)\\n' "$SHIPGUARD_ENVIRONMENT" "$SHIPGUARD_ROLLBACK_FROM" "$SHIPGUARD_VERSION" "$SHIPGUARD_ROLLBACK_REASON" >> "${log}"`,
        "after-rollback": `printf 'after %s %s\\n' "$SHIPGUARD_ROLLBACK_STATUS" "$SHIPGUARD_KIND" >> "${log}"`,
      },
      { env: { GITHUB_ACTOR: "octocat" } },
    );
    expect(run.code, `${run.stdout}\n${run.stderr}`).toBe(0);
    expect(run.stdout).not.toContain("::error::");
    expect(run.outputs).toMatchObject({
      status: "success",
      "rolled-back-to": "1.0.0",
      "rolled-back-from": "1.1.0",
    });
    expect(readFileSync(log, "utf8")).toBe(
      "before production 1.1.0->1.0.0 (customers report 500s)\nafter success rollback\n",
    );
    expect(run.summary).toContain("| Started by | octocat |");
    expect(run.summary).toContain("| Reason | customers report 500s |");
    expect(payloadOf(w.emulator.state.deployments[2])).toMatchObject({ reason: "customers report 500s" });
    expect(await w.served()).toBe("1.0.0");
    expect(w.emulator.violations).toEqual([]);
  });
});

/* ------------------------------------------------------------------ issue 11 ---------- */

describe.concurrent("a rollback rolls back, never forward (issue 11)", () => {
  it("after the automatic rollback to 2.0.0 and a manual one to 1.0.0, a second manual one does not bring 2.0.0 back", async (ctx) => {
    const w = await deployWorld(ctx);
    w.ship("v1.0.0", true);
    w.ship("v2.0.0", true);
    w.ship("v2.0.1", false);
    expect((await w.deploy("1.0.0")).outputs.status).toBe("success");
    expect((await w.deploy("2.0.0")).outputs.status).toBe("success");
    const broken = await w.deploy("2.0.1", { checks: appChecks(w.port, { deadlineMs: 1000 }) });
    expect(broken.outputs.status).toBe("failure");
    const automatic = await w.rollback(w.emulator.state.dispatches[0]?.inputs as Record<string, string>);
    expect(automatic.outputs).toMatchObject({ status: "success", "rolled-back-to": "2.0.0" });

    const manual = await w.rollback({ environment: "production", reason: "2.0.0 corrupts carts" });
    expect(manual.outputs).toMatchObject({
      status: "success",
      "rolled-back-from": "2.0.0",
      "rolled-back-to": "1.0.0",
    });
    expect(await w.served()).toBe("1.0.0");

    const again = await w.rollback({ environment: "production", reason: "still broken" });
    const error = expectBlocked(again, "SG_NOTHING_TO_ROLL_BACK_TO", /Fix forward/);
    expect(error).toContain("there is nothing older to roll back to");
    expect(w.emulator.state.deployments).toHaveLength(5);
    expect(await w.served()).toBe("1.0.0");
    expect(w.emulator.violations).toEqual([]);
  });

  it("a rollback without a reason fails naming `reason`; an unknown command names no CLI flag", async (ctx) => {
    const w = await deployWorld(ctx);
    const noReason = await w.rollback({ environment: "production" });
    expect(noReason.code).toBe(1);
    expect(noReason.stdout).toMatch(
      /::error::SG_INPUT_INVALID: Invalid reason: ""\. A rollback needs a reason/,
    );
    const bogus = await w.run({ command: "bogus" });
    expect(bogus.code).toBe(1);
    const error = bogus.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
    expect(error).toContain("the action input `command`");
    expect(error).not.toContain("--command");
    expect(w.emulator.state.deployments).toHaveLength(0);
  });
});

/* ------------------------------------------------------------------ injection ---------- */

describe.concurrent("hostile values", () => {
  it("an environment and reason holding $(...), backticks and quotes reach commands only as variables; such a version is refused", async (ctx) => {
    const w = await deployWorld(ctx);
    const environment = 'prod $(touch${IFS}pwned-env1) `touch pwned-env2` "; touch pwned-env3 #';
    const hostile = 'v1.1.0-$(touch${IFS}pwned-v1)-`touch${IFS}pwned-v2`-";touch${IFS}pwned-v3;#';
    // A version is SemVer (issue 18, item 10): a hostile one stops before anything runs.
    const tag = "v1.1.0";
    const version = tag.slice(1);
    const checkouts: TestRepo[] = [];
    const record = `printf '%s|%s|%s\\n' "$SHIPGUARD_VERSION" "$SHIPGUARD_TAG" "$SHIPGUARD_ENVIRONMENT" >> "$APP_HOME/seen.log"`;
    const deployCommand = `sh "$DEPLOY_SCRIPT" && ${record}`;
    const deploy = async (v: string, checks: string) => {
      const checkout = w.checkout();
      checkouts.push(checkout);
      return w.deploy(v, { environment, checks, "deploy-command": deployCommand }, { checkout });
    };

    w.ship("v1.0.0", true);
    const good = await deploy("1.0.0", w.checks);
    expect(good.stdout).not.toContain("::error::");
    expect(good.outputs.status).toBe("success");
    w.ship(hostile, false);
    const refused = await deploy(hostile, w.checks);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      `::error::SG_INPUT_INVALID: Invalid version: ${JSON.stringify(hostile)}.`,
    );
    expect(w.emulator.state.deployments).toHaveLength(1);
    w.ship(tag, false);
    const broken = await deploy(tag, appChecks(w.port, { deadlineMs: 1000 }));
    expect(broken.code).toBe(1);
    expect(Object.keys(broken.outputs).sort()).toEqual(DEPLOY_OUTPUTS);
    expect(broken.outputs.status).toBe("failure");
    // The app reported the hostile version verbatim: the version check passed, health failed.
    const report = JSON.parse(broken.outputs["smoke-report"] ?? "null");
    expect(report.checks.find((c: { name: string }) => c.name === "version").verdict).toBe("pass");

    const [dispatch] = w.emulator.state.dispatches;
    expect(dispatch?.inputs).toMatchObject({
      environment,
      "to-version": "1.0.0",
      "from-version": version,
      reason: `${tag}: smoke checks failed: health (status)`,
    });

    const reason = `${String(dispatch?.inputs.reason)} "; touch pwned-r1 # $(touch pwned-r2) \`touch pwned-r3\` x\nNEW=evil`;
    const checkout = w.checkout();
    checkouts.push(checkout);
    const rolled = await w.rollback(
      {
        ...(dispatch?.inputs as Record<string, string>),
        reason,
        "deploy-command": deployCommand,
        "before-rollback": `printf '%s\\n' "$SHIPGUARD_ROLLBACK_REASON" > "$APP_HOME/reason.log"; printf '%s\\n' "$SHIPGUARD_ROLLBACK_FROM" > "$APP_HOME/from.log"`,
      },
      { checkout },
    );
    expect(rolled.stdout).not.toContain("::error::");
    expect(Object.keys(rolled.outputs).sort()).toEqual(ROLLBACK_OUTPUTS);
    expect(rolled.outputs).toMatchObject({
      status: "success",
      "rolled-back-to": "1.0.0",
      "rolled-back-from": version,
    });
    expect(await w.served()).toBe("1.0.0");

    // Every value arrived verbatim, as data.
    expect(readFileSync(path.join(w.appHome, "seen.log"), "utf8")).toBe(
      [`1.0.0|v1.0.0|${environment}`, `${version}|${tag}|${environment}`, `1.0.0|v1.0.0|${environment}`]
        .map((l) => `${l}\n`)
        .join(""),
    );
    expect(readFileSync(path.join(w.appHome, "reason.log"), "utf8")).toBe(`${reason}\n`);
    expect(readFileSync(path.join(w.appHome, "from.log"), "utf8")).toBe(`${version}\n`);
    // ...and nothing ran: no file of any of the payloads exists anywhere the commands ran.
    for (const dir of [...checkouts.map((c) => c.dir), w.appHome, w.origin.dir, process.cwd()]) {
      const found = execFileSync("find", [dir, "-name", "pwned*"], { encoding: "utf8" });
      expect(found).toBe("");
    }
    // The records hold the values as given.
    expect(w.emulator.state.deployments.map((d) => d.environment)).toEqual([
      environment,
      environment,
      environment,
    ]);
    expect(payloadOf(w.emulator.state.deployments[2])).toMatchObject({ reason });
    expect(w.emulator.violations).toEqual([]);
  });
});
