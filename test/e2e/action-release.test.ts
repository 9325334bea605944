import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { secretForms } from "../../src/core/secrets.ts";
import type { Emulator, startEmulator } from "../emulator/index.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { githubOrigin } from "../helpers/github-origin.ts";
import { type ActionRun, nodeBinaries, runAction } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";

const TOKEN = "ghs_e2eTokenThatMustNeverLeak0123456789";

interface World {
  origin: TestRepo;
  emulator: Emulator;
  checkout(): TestRepo;
  release(
    checkout: TestRepo,
    inputs?: Record<string, string>,
    node?: string,
    env?: Record<string, string>,
  ): Promise<ActionRun>;
}

/** GitHub's copy of the repository (the emulator serves it) and clones of it as runner checkouts. */
async function world(
  ctx: TestContext,
  setup: (origin: TestRepo) => void,
  options: Partial<Parameters<typeof startEmulator>[0]> = {},
): Promise<World> {
  // Per test, not per file: the scenarios run concurrently (the runs mostly wait on the
  // throttling plugin's one-second gap between writes), each with its own emulator.
  const origin = new TestRepo();
  ctx.onTestFinished(() => origin.remove());
  setup(origin);
  const { emulator, checkout } = await githubOrigin(ctx, origin, TOKEN, options);
  return {
    origin,
    emulator,
    checkout,
    release(checkout, inputs = {}, node, env = {}) {
      return runAction({
        node,
        workspace: checkout.dir,
        inputs: { command: "release", token: TOKEN, repository: "acme/app", ...inputs },
        env: {
          GITHUB_API_URL: emulator.url,
          GITHUB_SHA: checkout.head(),
          GITHUB_REF_TYPE: "branch",
          GITHUB_REF_NAME: "main",
          ...env,
        },
      });
    },
  };
}

function releasesOf(emulator: Emulator, tag: string) {
  return emulator.state.releases.filter((r) => r.tagName === tag);
}

function apiCalls(emulator: Emulator) {
  return emulator.log.filter((e) => e.path.startsWith("/repos/"));
}

describe.each(nodeBinaries())("release on $name", ({ path: node }) => {
  it("a first release: tag object, ref, draft, publish; five API calls; the outputs", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: the first feature");
    });
    const checkout = w.checkout();
    const run = await w.release(checkout, {}, node);
    expect(run.stdout).not.toContain("::error::");
    expect(run.code).toBe(0);
    expect(run.outputs).toMatchObject({
      version: "1.0.0",
      tag: "v1.0.0",
      released: "true",
      superseded: "false",
      "tag-sha": checkout.head(),
    });
    const [release] = releasesOf(w.emulator, "v1.0.0");
    expect(release).toMatchObject({ draft: false, prerelease: false });
    expect(run.outputs["release-id"]).toBe(String(release?.id));
    expect(run.outputs["release-url"]).toContain("/releases/tag/v1.0.0");
    expect(w.origin.git("rev-parse", "v1.0.0^{commit}").trim()).toBe(checkout.head());
    expect(w.origin.git("cat-file", "-t", "v1.0.0").trim()).toBe("tag");
    expect(apiCalls(w.emulator).length).toBeLessThanOrEqual(6);
    expect(w.emulator.violations).toEqual([]);
    expect(run.summary).toContain("Published");
  });
});

describe.concurrent("release scenarios", () => {
  it("feature, breaking and prerelease releases; make_latest only for the highest stable", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
      o.tag("v1.0.0");
      o.commit("feat(api): b");
    });
    let run = await w.release(w.checkout());
    expect(run.outputs).toMatchObject({ tag: "v1.1.0", released: "true" });
    w.origin.commit("feat!: c");
    run = await w.release(w.checkout(), { prerelease: "rc" });
    expect(run.outputs).toMatchObject({ tag: "v2.0.0-rc.1", prerelease: "true" });
    expect(releasesOf(w.emulator, "v2.0.0-rc.1")[0]).toMatchObject({ prerelease: true, draft: false });
    run = await w.release(w.checkout());
    expect(run.stdout).not.toContain("::error::");
    expect(run.outputs).toMatchObject({ tag: "v2.0.0", bump: "major" });
    const publishes = w.emulator.log.filter((e) => e.method === "PATCH" && /releases\/\d+$/.test(e.path));
    expect(publishes.map((e) => (e.body as { make_latest?: string }).make_latest)).toEqual([
      "true",
      "false",
      "true",
    ]);
    expect(w.emulator.violations).toEqual([]);
  });

  it("a maintenance release of an old line does not become latest", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
      o.tag("v1.0.0");
      o.branch("v1.0.x");
      o.commit("feat: b");
      o.tag("v1.1.0");
      o.checkout("v1.0.x");
      o.commit("fix: backport");
    });
    const checkout = w.checkout();
    checkout.checkout("v1.0.x");
    const run = await w.release(checkout);
    expect(run.outputs).toMatchObject({ tag: "v1.0.1", released: "true" });
    const publish = w.emulator.log.find((e) => e.method === "PATCH");
    expect(publish?.body).toMatchObject({ make_latest: "false" });
  });

  it("a release from a maintenance branch is never latest, even as the highest version", async (ctx) => {
    const hotfix = (o: TestRepo) => {
      o.commit("feat: a");
      o.tag("v1.2.4");
      o.branch("hotfix/login");
      o.checkout("hotfix/login");
      o.commit("fix: login loop");
      o.checkout("main");
    };
    const run = async (w: World, inputs: Record<string, string>) => {
      const checkout = w.checkout();
      checkout.checkout("hotfix/login");
      return w.release(checkout, inputs, undefined, { GITHUB_REF_NAME: "hotfix/login" });
    };
    const [lines, plain] = await Promise.all([world(ctx, hotfix), world(ctx, hotfix)]);
    const [onLine, offLine] = await Promise.all([
      run(lines, { "maintenance-branches": "hotfix/*, release/*" }),
      run(plain, {}),
    ]);
    for (const r of [onLine, offLine]) expect(r.outputs).toMatchObject({ tag: "v1.2.5", released: "true" });
    const publishOf = (w: World) => w.emulator.log.find((e) => e.method === "PATCH")?.body;
    expect(publishOf(lines)).toMatchObject({ make_latest: "false" });
    expect(publishOf(plain)).toMatchObject({ make_latest: "true" });
    expect(onLine.summary).toContain("v1.2.5, not marked latest (maintenance line");
    expect(onLine.summary).toContain("hotfix/login is a maintenance branch");
    expect(lines.emulator.violations).toEqual([]);
  });

  it("a release the maintenance line refuses fails with its code and writes nothing", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
      o.tag("v1.2.4");
      o.branch("release/1.2");
      o.commit("feat: b");
      o.tag("v1.3.0");
      o.checkout("release/1.2");
      o.commit("feat: backported option");
      o.checkout("main");
    });
    const checkout = w.checkout();
    checkout.checkout("release/1.2");
    const run = await w.release(checkout, { "maintenance-branches": "release/*" }, undefined, {
      GITHUB_REF_NAME: "release/1.2",
    });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/::error::SG_MAINTENANCE_LINE: release\/1\.2 is a maintenance branch/);
    expect(run.stdout).toContain("which v1.3.0 already is");
    expect(w.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(w.origin.git("tag", "-l", "v1.4.0").trim()).toBe("");
  });

  it("dry-run writes nothing and makes no write call", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    const run = await w.release(w.checkout(), { "dry-run": "true" });
    expect(run.outputs).toMatchObject({ version: "1.0.0", released: "false" });
    expect(w.emulator.log.filter((e) => e.method !== "GET")).toEqual([]);
    expect(w.emulator.state.releases).toEqual([]);
  });

  it("floating tags major-minor move v1 and v1.1 as plain tags", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
      o.tag("v1.0.0");
      o.commit("feat: b");
    });
    const checkout = w.checkout();
    const run = await w.release(checkout, { "floating-tags": "major-minor" });
    expect(run.stdout).not.toContain("::error::");
    expect(run.code).toBe(0);
    expect(w.origin.git("rev-parse", "v1").trim()).toBe(checkout.head());
    expect(w.origin.git("cat-file", "-t", "v1.1").trim()).toBe("commit");
    expect(releasesOf(w.emulator, "v1")).toEqual([]);
  });

  it("two runs release adjacent commits at once: one tag, one release, the other superseded", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
      o.tag("v1.0.0");
      o.commit("feat: b");
    });
    const first = w.checkout();
    w.origin.commit("fix: c");
    const second = w.checkout();
    const [a, b] = await Promise.all([w.release(first), w.release(second)]);
    const runs = [a, b];
    expect(runs.map((r) => r.code)).toEqual([0, 0]);
    expect(runs.map((r) => r.outputs.superseded).sort()).toEqual(["false", "true"]);
    expect(w.origin.git("tag", "-l", "v1.1.0").trim()).toBe("v1.1.0");
    expect(releasesOf(w.emulator, "v1.1.0")).toHaveLength(1);
    const loser = runs.find((r) => r.outputs.superseded === "true");
    expect(loser?.outputs.released).toBe("false");
    expect(loser?.stdout).toMatch(/::warning::Superseded/);
  });

  // A re-run while the first run still runs, or two pushes of one commit. The tag's ref lets one
  // run create it; both then find it on their commit and go on to the release. Left to the timing,
  // the run that lost the ref usually lists the releases before the winner's draft exists, and both
  // make a draft; holding the first draft until that list was answered makes it certain.
  it.for([
    ["as they come", false],
    ["as they come", false],
    ["first draft held until the other run listed the releases", true],
    ["first draft held until the other run listed the releases", true],
  ] as const)(
    "two runs release the same commit at once (%s): one published release, no draft left, both succeed",
    async ([, hold], ctx) => {
      const w = await world(ctx, (o) => {
        o.commit("feat: a");
      });
      const listed = () => w.emulator.calls("GET /repos/{owner}/{repo}/releases").some((c) => c.answered);
      if (hold) w.emulator.faults.holdUntil("POST /repos/{owner}/{repo}/releases", listed);
      const checkout = w.checkout();
      const runs = await Promise.all([w.release(checkout), w.release(checkout)]);
      for (const run of runs) {
        expect(run.stdout).not.toContain("::error::");
        expect(run.code).toBe(0);
        expect(run.outputs).toMatchObject({ released: "true", superseded: "false", tag: "v1.0.0" });
      }
      const releases = releasesOf(w.emulator, "v1.0.0");
      expect(releases.map((r) => r.draft)).toEqual([false]);
      expect(runs.map((r) => r.outputs["release-id"])).toEqual([
        String(releases[0]?.id),
        String(releases[0]?.id),
      ]);
      // Each draft made beyond the one published was deleted by the run that made it, which says so.
      const drafts = w.emulator.calls("POST /repos/{owner}/{repo}/releases").length;
      expect(w.emulator.calls("DELETE /repos/{owner}/{repo}/releases/{release_id}")).toHaveLength(drafts - 1);
      if (hold) expect(drafts).toBe(2);
      const late = runs.filter((r) => /Already released/.test(r.summary));
      expect(late).toHaveLength(drafts - 1);
      for (const run of late) expect(run.stdout).toMatch(/Already released: another run published/);
      expect(w.emulator.violations).toEqual([]);
    },
  );

  it("502 twice on a read, then success: one tag, one release", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    w.emulator.faults.status("GET /repos/{owner}/{repo}/git/ref/{ref}", 502, 2);
    const run = await w.release(w.checkout());
    expect(run.outputs.released).toBe("true");
    expect(releasesOf(w.emulator, "v1.0.0")).toHaveLength(1);
  }, 30_000);

  it("403 secondary rate limit with retry-after: 1 is waited out, once", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    w.emulator.faults.secondaryRateLimit("POST /repos/{owner}/{repo}/git/tags", { retryAfter: 1 });
    const run = await w.release(w.checkout());
    expect(run.outputs.released).toBe("true");
    expect(run.stdout).toMatch(/secondary rate limit/);
    expect(w.emulator.calls("POST /repos/{owner}/{repo}/git/tags")).toHaveLength(2);
  });

  it("the create-ref answer is lost after the ref was made: reconciled, one tag, one release", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    w.emulator.faults.lostAnswer("POST /repos/{owner}/{repo}/git/refs");
    const checkout = w.checkout();
    const run = await w.release(checkout);
    expect(run.outputs).toMatchObject({ released: "true", superseded: "false", "tag-sha": checkout.head() });
    expect(releasesOf(w.emulator, "v1.0.0")).toHaveLength(1);
  });

  it("the create-release answer is lost: reconciled by tag, exactly one release", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    w.emulator.faults.lostAnswer("POST /repos/{owner}/{repo}/releases");
    const run = await w.release(w.checkout());
    expect(run.outputs.released).toBe("true");
    expect(releasesOf(w.emulator, "v1.0.0")).toHaveLength(1);
  });

  it("a re-run after release creation failed completes the release without a duplicate", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    const checkout = w.checkout();
    w.emulator.faults.status("POST /repos/{owner}/{repo}/releases", 500, 3);
    const failed = await w.release(checkout);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(
      /::error::SG_GITHUB_UNAVAILABLE: Could not create the release v1.0.0.*Re-run/s,
    );
    expect(w.origin.git("tag", "-l").trim()).toBe("v1.0.0");
    expect(w.emulator.state.releases).toEqual([]);
    w.emulator.faults.clear();
    const rerun = await w.release(checkout);
    expect(rerun.outputs).toMatchObject({ released: "true", tag: "v1.0.0" });
    expect(rerun.summary).toContain("already points at");
    expect(releasesOf(w.emulator, "v1.0.0")).toHaveLength(1);
    expect(w.emulator.calls("POST /repos/{owner}/{repo}/git/refs")).toHaveLength(1);
  }, 30_000);

  it("`released` is announced by the run that made the release, and a re-run that finds it done tells nothing", async (ctx) => {
    const hook = await webhookReceiver(ctx);
    const heard = () => hook.events.map((e) => `${e.event} ${e.version}`);
    const w = await world(ctx, (o) => {
      o.commit("feat: a");
    });
    const tell = { "notify-url": hook.url, "notify-on": "released" };
    const checkout = w.checkout();
    const first = await w.release(checkout, tell);
    expect(first.code, first.stdout).toBe(0);
    expect(heard()).toEqual(["released 1.0.0"]);
    const rerun = await w.release(checkout, tell);
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(rerun.outputs).toMatchObject({ released: "true", tag: "v1.0.0" });
    expect(rerun.summary).not.toContain("#### Notifications");
    expect(heard()).toEqual(["released 1.0.0"]);

    // A run whose release creation failed told nothing; the re-run that publishes it does.
    w.origin.commit("feat: b");
    const next = w.checkout();
    w.emulator.faults.status("POST /repos/{owner}/{repo}/releases", 422, 1);
    expect((await w.release(next, tell)).code).toBe(1);
    expect(heard()).toEqual(["released 1.0.0"]);
    w.emulator.faults.clear();
    const finished = await w.release(next, tell);
    expect(finished.outputs).toMatchObject({ released: "true", tag: "v1.1.0" });
    expect(heard()).toEqual(["released 1.0.0", "released 1.1.0"]);
    expect(w.emulator.violations).toEqual([]);
  }, 30_000);

  it("a missing contents: write names the permission", async (ctx) => {
    const w = await world(
      ctx,
      (o) => {
        o.commit("feat: a");
      },
      { permissions: { contents: "read" } },
    );
    const run = await w.release(w.checkout());
    expect(run.code).toBe(1);
    const error = run.stdout.split("\n").find((line) => line.startsWith("::error::")) ?? "";
    // Refused on the tag object itself: the plain missing permission, nothing about workflows.
    expect(error).toMatch(
      /SG_GITHUB_FORBIDDEN: Could not create the tag v1\.0\.0.*Resource not accessible by integration/,
    );
    expect(error).toContain("lacks the `contents: write` permission");
    expect(error).not.toContain("workflow");
    expect(w.emulator.state.releases).toEqual([]);
  });

  it("a tag refused because the commit's workflows differ from the default branch names that cause and its remedies", async (ctx) => {
    const w = await world(
      ctx,
      (o) => {
        o.commit("feat: a");
        o.branch("topic");
        o.checkout("topic");
        mkdirSync(path.join(o.dir, ".github/workflows"), { recursive: true });
        writeFileSync(path.join(o.dir, ".github/workflows/ci.yml"), "on: push\n");
        o.git("add", ".github");
        o.git("commit", "-q", "-m", "feat: a workflow");
        o.checkout("main");
      },
      { workflowScopeMissing: true },
    );
    const checkout = w.checkout();
    checkout.checkout("topic");
    const run = await w.release(checkout);
    expect(run.code).toBe(1);
    const error = run.stdout.split("\n").find((line) => line.startsWith("::error::")) ?? "";
    expect(error).toMatch(/SG_GITHUB_REF_REFUSED: Could not create the tag v1\.0\.0/);
    // GitHub's header names contents=write, as on every answer of that endpoint; the tag object this
    // token had just created shows it holds that permission, so the cause is the workflow files.
    expect(w.emulator.calls("POST /repos/{owner}/{repo}/git/tags")[0]?.status).toBe(201);
    expect(error).toContain("this token had just created the tag object");
    expect(error).not.toMatch(/grant it|lacks `contents: write`|lacks the `contents: write`/i);
    expect(error).toContain(".github/workflows/ differ from the default branch");
    expect(error).toContain("`workflow` scope");
    expect(error).toContain("release a commit whose workflows match the default branch");
    expect(w.origin.git("tag", "-l").trim()).toBe("");
  });

  it("a tag ruleset (GH013) suggests a GitHub App token", async (ctx) => {
    const w = await world(
      ctx,
      (o) => {
        o.commit("feat: a");
      },
      { rulesetBlocksTags: "v*" },
    );
    const run = await w.release(w.checkout());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*GH013.*GitHub App token/s);
  });

  it("a tag name burned by an immutable release is named, with the way out", async (ctx) => {
    const w = await world(
      ctx,
      (o) => {
        o.commit("feat: a");
      },
      { immutableReleases: true },
    );
    w.emulator.state.burnedTags.add("v1.0.0");
    const run = await w.release(w.checkout());
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*v1\.0\.0.*immutable release.*Release-As/s);
  });

  it("immutable releases: draft first, then publish, works", async (ctx) => {
    const w = await world(
      ctx,
      (o) => {
        o.commit("feat: a");
      },
      { immutableReleases: true },
    );
    const run = await w.release(w.checkout());
    expect(run.outputs.released).toBe("true");
    expect(releasesOf(w.emulator, "v1.0.0")[0]).toMatchObject({ draft: false, immutable: true });
  });

  it("hostile commit text cannot add outputs or workflow commands, and the token never shows", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.commit("feat: base");
      o.tag("v1.0.0");
      o.commit(
        "fix: x\n\n::set-output name=released::false\n::add-mask::v1.0.1\nreleased<<ghadelimiter_x\nfalse\nghadelimiter_x",
      );
      o.commit("fix: $(id) `id` ${{ secrets.TOKEN }}\n\n::stop-commands::abc\n::error::smuggled");
    });
    const run = await w.release(w.checkout(), {}, undefined);
    expect(run.code).toBe(0);
    expect(Object.keys(run.outputs).sort()).toEqual([
      "bump",
      "commit-count",
      "notes",
      "pr-number",
      "pr-url",
      "prerelease",
      "previous-tag",
      "previous-version",
      "release-id",
      "release-needed",
      "release-sha",
      "release-url",
      "released",
      "superseded",
      "tag",
      "tag-sha",
      "version",
    ]);
    expect(run.outputs.released).toBe("true");
    let stopped: string | null = null;
    for (const line of run.stdout.split("\n")) {
      if (stopped !== null) {
        if (line === `::${stopped}::`) stopped = null;
        continue;
      }
      const stop = /^::stop-commands::(.+)$/.exec(line);
      if (stop?.[1]?.startsWith("shipguard-")) {
        stopped = stop[1];
        continue;
      }
      if (line.startsWith("::add-mask::")) continue;
      expect(line).not.toMatch(/^::(set-output|error|stop-commands)/);
    }
  });

  it("the token never appears in any encoding, even at debug level on a failing run", async (ctx) => {
    const w = await world(
      ctx,
      (o) => {
        o.commit("feat: a");
      },
      { permissions: { contents: "read" } },
    );
    const checkout = w.checkout();
    const run = await runAction({
      workspace: checkout.dir,
      inputs: { command: "release", token: TOKEN, repository: "acme/app" },
      env: { GITHUB_API_URL: w.emulator.url, ACTIONS_STEP_DEBUG: "true", RUNNER_DEBUG: "1" },
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("::debug::");
    const visible = `${run.stdout}\n${run.stderr}`
      .split("\n")
      .filter((l) => !l.startsWith("::add-mask::"))
      .join("\n");
    for (const form of secretForms(TOKEN)) expect(visible).not.toContain(form);
    // The runner is told to mask every form.
    for (const form of secretForms(TOKEN)) expect(run.stdout).toContain(`::add-mask::${form}`);
  });
});
