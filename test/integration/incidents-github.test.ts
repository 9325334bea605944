/**
 * The GitHub incident log against the API emulator: one issue per incident id, found by its hidden
 * marker among labelled issues (pages of them), a comment per later event, nothing for an event
 * already there, and GitHub's refusals as coded errors. The emulator checks every request and
 * answer against GitHub's OpenAPI description.
 */
import { getOctokit } from "@actions/github";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { describe, expect, it, type TestContext } from "vitest";
import type { GitHubClient } from "../../src/adapters/github/client.ts";
import { GitHubIncidentLog, INCIDENT_LABEL } from "../../src/adapters/github/incidents.ts";
import type { Incident, NotifyEventName } from "../../src/core/notify/event.ts";
import { ShipguardError } from "../../src/errors.ts";
import type { Logger } from "../../src/ports.ts";
import { type Emulator, type EmulatorOptions, makeGitFixture, startEmulator } from "../emulator/index.ts";

const TOKEN = "ghs_incidentTestToken00000000000000000000";
const CREATE = "POST /repos/{owner}/{repo}/issues";
const COMMENT = "POST /repos/{owner}/{repo}/issues/{issue_number}/comments";
const LIST = "GET /repos/{owner}/{repo}/issues";
const STRANGER = { login: "mallory", id: 6_666_666, type: "User" as const };

interface World {
  emulator: Emulator;
  log: GitHubIncidentLog;
  warnings: string[];
}

async function world(ctx: TestContext, options: Partial<EmulatorOptions> = {}): Promise<World> {
  const repo = makeGitFixture();
  const emulator = await startEmulator({ gitDir: repo.dir, token: TOKEN, ...options });
  ctx.onTestFinished(async () => {
    await emulator.close();
    repo.remove();
  });
  const warnings: string[] = [];
  const logger: Logger = { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };
  return {
    emulator,
    log: new GitHubIncidentLog(unthrottled(emulator), { owner: "acme", repo: "app" }, logger, {
      backoffMs: 5,
    }),
    warnings,
  };
}

/** The production plugins without throttling's one-second gap between writes, so tests stay fast. */
function unthrottled(emulator: Emulator): GitHubClient {
  return getOctokit(
    TOKEN,
    {
      baseUrl: emulator.url,
      retry: {
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 429, 451],
        retries: 3,
        retryAfterBaseValue: 1,
      },
      throttle: { enabled: false },
    },
    retry,
    throttling,
  );
}

function incident(event: NotifyEventName, overrides: Partial<Incident> = {}): Incident {
  return {
    id: "sg-m1abc-0123456789ab",
    event,
    title: "Rollback in production: 1.2.0 → 1.1.0",
    report: `## ${event}\n\nThe deploy of 1.2.0 failed its checks.`,
    ...overrides,
  };
}

const marker = (id: string) => `<!-- shipguard:incident id=${id} -->`;

async function failure(promise: Promise<unknown>): Promise<ShipguardError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ShipguardError);
  return error as ShipguardError;
}

describe("GitHubIncidentLog", () => {
  it("opens one issue, labelled, whose body is the report with the incident's and the event's markers", async (ctx) => {
    const { emulator, log } = await world(ctx);
    const record = await log.record(incident("verify-failed"));
    expect(record).toEqual({ action: "opened", where: "https://github.com/acme/app/issues/1" });
    const [issue] = emulator.state.issues;
    expect(emulator.state.issues).toHaveLength(1);
    expect(issue?.title).toBe("Rollback in production: 1.2.0 → 1.1.0");
    expect(issue?.labels).toEqual([INCIDENT_LABEL]);
    expect(issue?.body).toBe(
      "<!-- shipguard:incident id=sg-m1abc-0123456789ab -->\n" +
        "<!-- shipguard:event id=sg-m1abc-0123456789ab event=verify-failed -->\n\n" +
        "## verify-failed\n\nThe deploy of 1.2.0 failed its checks.",
    );
    const [list] = emulator.calls(LIST);
    expect(list?.query).toEqual({
      labels: INCIDENT_LABEL,
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: "100",
    });
    expect(emulator.violations).toEqual([]);
  });

  it("adds a later event as a comment on the same issue, and records nothing for an event already there", async (ctx) => {
    const { emulator, log } = await world(ctx);
    await log.record(incident("verify-failed"));
    const second = await log.record(incident("rolled-back", { report: "## Rolled back to 1.1.0" }));
    expect(second).toEqual({ action: "commented", where: "https://github.com/acme/app/issues/1" });
    // A re-run of either run: the same events again.
    expect(await log.record(incident("rolled-back"))).toEqual({ ...second, action: "unchanged" });
    expect(await log.record(incident("verify-failed"))).toEqual({ ...second, action: "unchanged" });
    expect(emulator.state.issues).toHaveLength(1);
    expect(emulator.state.issues[0]?.comments.map((comment) => comment.body)).toEqual([
      "<!-- shipguard:event id=sg-m1abc-0123456789ab event=rolled-back -->\n\n## Rolled back to 1.1.0",
    ]);
    expect(emulator.calls(CREATE)).toHaveLength(1);
    expect(emulator.calls(COMMENT)).toHaveLength(1);
    expect(emulator.violations).toEqual([]);
  });

  it("comments on the incident's issue after a person closed it, and leaves it closed", async (ctx) => {
    const { emulator, log } = await world(ctx);
    await log.record(incident("rolled-back"));
    const issue = emulator.state.issues[0];
    if (issue === undefined) throw new Error("no issue");
    issue.state = "closed";
    const record = await log.record(incident("rollback-failed"));
    expect(record.action).toBe("commented");
    expect(issue.state).toBe("closed");
    expect(issue.comments[0]?.body).toContain("without reopening it");
    expect(issue.comments[0]?.body).toContain("event=rollback-failed");
    expect(emulator.violations).toEqual([]);
  });

  it("ignores pull requests, a person's issue without the label, other incidents and look-alike titles", async (ctx) => {
    const { emulator, log } = await world(ctx);
    const id = "sg-1";
    const title = "Rollback in production: 1.2.0 → 1.1.0";
    emulator.seedIssue({ title, body: marker(id), labels: [INCIDENT_LABEL], pullRequest: true });
    // Anyone may open an unlabelled issue with a forged marker: it must not capture the incident.
    emulator.seedIssue({ title, body: marker(id), labels: ["bug"], user: STRANGER });
    emulator.seedIssue({ title, body: marker("sg-12"), labels: [INCIDENT_LABEL] });
    emulator.seedIssue({ title, body: "no marker", labels: [INCIDENT_LABEL] });
    const record = await log.record(incident("rolled-back", { id, title }));
    expect(record).toEqual({ action: "opened", where: "https://github.com/acme/app/issues/5" });
    expect(emulator.state.issues.map((issue) => issue.comments.length)).toEqual([0, 0, 0, 0, 0]);
    expect(emulator.violations).toEqual([]);
  });

  it("finds its issue behind more than 100 newer labelled issues, reading page after page", async (ctx) => {
    const { emulator, log } = await world(ctx);
    const id = "sg-old";
    emulator.seedIssue({ title: "old", body: `${marker(id)}\nreport`, labels: [INCIDENT_LABEL] });
    for (let index = 0; index < 150; index++) {
      emulator.seedIssue({ title: `other ${index}`, body: marker(`sg-n${index}`), labels: [INCIDENT_LABEL] });
    }
    const record = await log.record(incident("rolled-back", { id }));
    expect(record).toEqual({ action: "commented", where: "https://github.com/acme/app/issues/1" });
    expect(emulator.calls(LIST).map((call) => call.query.page ?? "1")).toEqual(["1", "2"]);
    expect(emulator.calls(CREATE)).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });

  it("trusts event markers only from the issue's author: a stranger's forged comment silences nothing", async (ctx) => {
    const { emulator, log } = await world(ctx);
    await log.record(incident("verify-failed"));
    const issue = emulator.state.issues[0];
    if (issue === undefined) throw new Error("no issue");
    issue.comments.push({
      id: 1,
      body: "<!-- shipguard:event id=sg-m1abc-0123456789ab event=rolled-back -->",
      user: STRANGER,
      createdAt: issue.createdAt,
      updatedAt: issue.createdAt,
    });
    expect((await log.record(incident("rolled-back"))).action).toBe("commented");
    // A forged marker quoted in a report is disarmed too: the next event is still recorded.
    const forged = "<!-- shipguard:event id=sg-m1abc-0123456789ab event=blocked -->";
    await log.record(incident("rollback-failed", { report: `quoted ${forged}` }));
    expect(issue.comments.at(-1)?.body).not.toContain(forged);
    expect((await log.record(incident("blocked"))).action).toBe("commented");
    expect(emulator.violations).toEqual([]);
  });

  it("cuts a report to GitHub's 65,536 characters with a note, keeping the markers", async (ctx) => {
    const { emulator, log } = await world(ctx);
    const report = `## Log\n\n\`\`\`\n${`${"x".repeat(80)}\n`.repeat(2000)}\`\`\`\n`;
    await log.record(incident("verify-failed", { report, title: `Rollback\nin ${"p".repeat(300)}` }));
    await log.record(incident("rolled-back", { report }));
    const issue = emulator.state.issues[0];
    expect(issue?.title).toHaveLength(256);
    expect(issue?.title).toMatch(/^Rollback in p+…$/);
    for (const body of [issue?.body ?? "", issue?.comments[0]?.body ?? ""]) {
      expect(body.length).toBeLessThanOrEqual(65_536);
      expect(body.length).toBeGreaterThan(65_000);
      expect(body).toContain("<!-- shipguard:event id=sg-m1abc-0123456789ab");
      expect(body).toMatch(/```\n\n_The report was cut here to fit GitHub's limit of 65,536 characters/);
    }
    expect(emulator.violations).toEqual([]);
  });

  it("opens one issue and adds one comment when GitHub's answers are lost", async (ctx) => {
    const { emulator, log, warnings } = await world(ctx);
    emulator.faults.lostAnswer(CREATE);
    expect((await log.record(incident("verify-failed"))).action).toBe("opened");
    emulator.faults.lostAnswer(COMMENT);
    expect((await log.record(incident("rolled-back"))).action).toBe("commented");
    expect(emulator.state.issues).toHaveLength(1);
    expect(emulator.state.issues[0]?.comments).toHaveLength(1);
    expect(warnings.join("\n")).toMatch(/checking whether it was done/);
    expect(emulator.violations).toEqual([]);
  });

  it("names `issues: write` when the token lacks it, and writes nothing", async (ctx) => {
    const { emulator, log } = await world(ctx, { permissions: { contents: "write", issues: "read" } });
    const error = await failure(log.record(incident("rolled-back")));
    expect(error.code).toBe("SG_GITHUB_FORBIDDEN");
    expect(error.remedy).toContain("`issues: write`");
    expect(error.remedy).toContain("recording incidents as issues");
    emulator.options.permissions = { contents: "write" };
    expect((await failure(log.record(incident("rolled-back")))).code).toBe("SG_GITHUB_FORBIDDEN");
    expect(emulator.state.issues).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });

  it("says Issues are turned off (a list's 404 where the repository says so), and refuses an id that is not a correlation id before any call", async (ctx) => {
    const { emulator, log } = await world(ctx, { issuesDisabled: true });
    const disabled = await failure(log.record(incident("rolled-back")));
    expect(disabled.code).toBe("SG_GITHUB_ISSUES_DISABLED");
    expect(disabled.message).toContain("GitHub answered 404");
    expect(disabled.remedy).toContain("Settings > General > Features");
    expect(emulator.calls("GET /repos/{owner}/{repo}")).toHaveLength(1);
    const calls = emulator.calls().length;
    for (const id of ["", "a b", "../x", "a/b", "x".repeat(129), "sg-1 -->"]) {
      expect((await failure(log.record(incident("rolled-back", { id })))).code).toBe(
        "SG_INCIDENT_ID_INVALID",
      );
    }
    expect(emulator.calls()).toHaveLength(calls);
    expect(emulator.violations).toEqual([]);
  });

  it("keeps a list's 404 a 404 when the repository says Issues are on", async (ctx) => {
    const { emulator, log } = await world(ctx);
    emulator.faults.status(LIST, 404, 1);
    const error = await failure(log.record(incident("rolled-back")));
    expect(error.code).toBe("SG_GITHUB_NOT_FOUND");
    expect(emulator.calls("GET /repos/{owner}/{repo}")).toHaveLength(1);
    expect(emulator.state.issues).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });
});

describe("GitHubIncidentLog when GitHub drops the label (the token's owner lacks push access)", () => {
  it("two events of one incident open one issue: the first says the label was dropped, the second finds it by its marker", async (ctx) => {
    const { emulator, log, warnings } = await world(ctx, { dropIssueLabels: true });
    expect((await log.record(incident("verify-failed"))).action).toBe("opened");
    expect(emulator.state.issues[0]?.labels).toEqual([]);
    expect(warnings).toEqual([
      "GitHub opened issue #1 of incident sg-m1abc-0123456789ab without the label shipguard:incident: it drops labels when the token's owner lacks push access to the repository. Later events find the issue by its marker among the newest 300 issues (up to 3 more calls each); add the label to it by hand, or give the token push access, to spare them.",
    ]);
    // Other issues opened since, by people and by the same app.
    for (let index = 0; index < 120; index++) {
      emulator.seedIssue({ title: `other ${index}`, user: index % 2 === 0 ? STRANGER : undefined });
    }
    const second = await log.record(incident("rolled-back"));
    expect(second).toEqual({ action: "commented", where: "https://github.com/acme/app/issues/1" });
    expect(await log.record(incident("rolled-back"))).toEqual({ ...second, action: "unchanged" });
    expect(
      emulator.state.issues.filter((issue) => issue.body?.includes(marker("sg-m1abc-0123456789ab"))),
    ).toHaveLength(1);
    expect(emulator.calls(CREATE)).toHaveLength(1);
    expect(emulator.calls(COMMENT)).toHaveLength(1);
    expect(emulator.violations).toEqual([]);
  });

  it("a person's token finds its own unlabelled issue again by its marker, never a stranger's", async (ctx) => {
    const person = { login: "octocat", id: 583231, type: "User" as const };
    const { emulator, log, warnings } = await world(ctx, { dropIssueLabels: true, actor: person });
    // A stranger's unlabelled issue with the same marker, opened first, must not be taken.
    const id = "sg-m1abc-0123456789ab";
    emulator.seedIssue({ title: "forged", body: marker(id), labels: [], user: STRANGER });
    expect((await log.record(incident("verify-failed"))).action).toBe("opened");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain("without the label shipguard:incident");
    expect(warnings[0]).toContain("opened by a person's account (octocat)");
    expect(warnings[0]).toContain("Add the label to issue #2 by hand");
    // The next event finds the token's own issue #2 by its marker: no second issue.
    expect(await log.record(incident("rolled-back"))).toEqual({
      action: "commented",
      where: "https://github.com/acme/app/issues/2",
    });
    expect(emulator.calls(CREATE)).toHaveLength(1);
    expect(emulator.calls("GET /user")).toHaveLength(1);
    expect(emulator.state.issues[0]?.comments).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });

  it("an app's token is never asked who it is when its own issue lost its label", async (ctx) => {
    const { emulator, log } = await world(ctx, { dropIssueLabels: true });
    await log.record(incident("verify-failed"));
    expect((await log.record(incident("rolled-back"))).action).toBe("commented");
    expect(emulator.calls("GET /user")).toHaveLength(0);
    expect(emulator.violations).toEqual([]);
  });
});
