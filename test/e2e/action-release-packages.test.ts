import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import type { Emulator } from "../emulator/index.ts";
import { TestRepo } from "../helpers/git-repo.ts";
import { githubOrigin } from "../helpers/github-origin.ts";
import { type ActionRun, runAction } from "../helpers/run-action.ts";
import { webhookReceiver } from "../helpers/webhook-receiver.ts";
import { shipguardStepInputs } from "../helpers/workflow-step.ts";

const TOKEN = "ghs_e2eMonorepoTokenThatMustNeverLeak0123";

const SETTINGS = `packages:
  packages/api: {}
  packages/web: {}
  .: {}
`;

/** api, web and the root at 1.0.0, then a feature of api, a fix of web and a feature of the root. */
function monorepo(o: TestRepo): void {
  o.change("chore: start", {
    "packages/api/a.ts": "1\n",
    "packages/web/a.ts": "1\n",
    "README.md": "1\n",
  });
  for (const t of ["api-v1.0.0", "web-v1.0.0", "v1.0.0"]) o.tag(t, { annotated: true });
  o.change("feat(api): the routes", { "packages/api/routes.ts": "x\n" });
  o.change("fix(web): the crash on load", { "packages/web/load.ts": "x\n" });
  o.change("feat: a root feature", { "README.md": "2\n" });
}

interface World {
  origin: TestRepo;
  emulator: Emulator;
  /** A runner's checkout of the origin, with the settings file in its working tree. */
  checkout(settings?: string): TestRepo;
  release(checkout: TestRepo, inputs?: Record<string, string>, branch?: string): Promise<ActionRun>;
}

async function world(ctx: TestContext, setup: (origin: TestRepo) => void = monorepo): Promise<World> {
  const origin = new TestRepo();
  ctx.onTestFinished(() => origin.remove());
  setup(origin);
  const github = await githubOrigin(ctx, origin, TOKEN);
  const { emulator } = github;
  return {
    origin,
    emulator,
    checkout(settings = SETTINGS) {
      const checkout = github.checkout();
      mkdirSync(path.join(checkout.dir, ".github"));
      writeFileSync(path.join(checkout.dir, ".github/shipguard.yml"), settings);
      return checkout;
    },
    release(
      checkout,
      inputs = { command: "release", token: TOKEN, repository: "acme/app" },
      branch = "main",
    ) {
      return runAction({
        workspace: checkout.dir,
        inputs,
        env: {
          GITHUB_API_URL: emulator.url,
          GITHUB_REPOSITORY: "acme/app",
          GITHUB_SHA: checkout.head(),
          GITHUB_REF_TYPE: "branch",
          GITHUB_REF_NAME: branch,
        },
      });
    },
  };
}

const writes = (emulator: Emulator) => emulator.log.filter((e) => e.method !== "GET");

/** make_latest as each release was published, by tag. */
function madeLatest(emulator: Emulator): Record<string, string> {
  return Object.fromEntries(emulator.state.releases.map((r) => [r.tagName, r.makeLatest]));
}

function releaseOf(emulator: Emulator, tag: string) {
  const found = emulator.state.releases.filter((r) => r.tagName === tag);
  expect(found, tag).toHaveLength(1);
  return found[0]!;
}

describe.concurrent("release in a monorepo, on the emulator", () => {
  it("one tag and one release per package, titled `<component> <version>` with its own notes; only `.` is latest; a re-run writes nothing", async (ctx) => {
    const w = await world(ctx);
    const checkout = w.checkout(`floating-tags: major-minor\n${SETTINGS}`);
    const head = checkout.head();
    const run = await w.release(checkout);
    expect(run.stdout).not.toContain("::error::");
    expect(run.code).toBe(0);

    for (const tag of ["api-v1.1.0", "web-v1.0.1", "v1.1.0"]) {
      expect(w.origin.git("cat-file", "-t", tag).trim(), tag).toBe("tag");
      expect(w.origin.git("rev-parse", `${tag}^{commit}`).trim(), tag).toBe(head);
    }
    const api = releaseOf(w.emulator, "api-v1.1.0");
    const web = releaseOf(w.emulator, "web-v1.0.1");
    const root = releaseOf(w.emulator, "v1.1.0");
    expect([api.name, web.name, root.name]).toEqual(["api 1.1.0", "web 1.0.1", "app 1.1.0"]);
    expect(api.body).toContain("the routes");
    expect(api.body).not.toMatch(/crash|root feature/);
    expect(web.body).toContain("the crash on load");
    expect(web.body).not.toMatch(/routes|root feature/);
    expect(root.body).toContain("a root feature");
    expect(root.body).not.toMatch(/routes|crash/);
    for (const r of [api, web, root]) expect(r.draft).toBe(false);
    expect(madeLatest(w.emulator)).toEqual({
      "api-v1.1.0": "false",
      "web-v1.0.1": "false",
      "v1.1.0": "true",
    });
    expect(w.emulator.state.latestRelease()?.tagName).toBe("v1.1.0");

    // Floating tags per package, from each package's prefix, plain tags on the analysed commit.
    for (const tag of ["api-v1", "api-v1.1", "web-v1", "web-v1.0", "v1", "v1.1"]) {
      expect(w.origin.git("cat-file", "-t", tag).trim(), tag).toBe("commit");
      expect(w.origin.git("rev-parse", tag).trim(), tag).toBe(head);
    }

    expect(JSON.parse(run.outputs["released-packages"]!)).toEqual(["packages/api", "packages/web", "."]);
    const packages = JSON.parse(run.outputs.packages!);
    expect(packages["packages/api"]).toMatchObject({
      component: "api",
      tag: "api-v1.1.0",
      "previous-tag": "api-v1.0.0",
      "release-needed": true,
      released: true,
      superseded: false,
      "tag-sha": head,
      "release-url": expect.stringContaining("/releases/tag/api-v1.1.0"),
    });
    expect(packages["packages/web"]).toMatchObject({ tag: "web-v1.0.1", released: true, "tag-sha": head });
    // The single-package outputs describe `.`.
    expect(run.outputs).toMatchObject({ tag: "v1.1.0", released: "true", "release-id": String(root.id) });
    expect(run.summary).toContain("### shipguard release: 3 of 3 packages released");
    expect(run.summary).toMatch(
      /\| `packages\/web` \| web \| `web-v1\.0\.0` \| .*web-v1\.0\.1.* \| patch \| web-v1\.0\.1 released \|/,
    );
    expect(w.emulator.violations).toEqual([]);

    // A re-run on the same commit finds every tag at HEAD and every release complete.
    const before = writes(w.emulator).length;
    const rerun = await w.release(w.checkout(`floating-tags: major-minor\n${SETTINGS}`));
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(writes(w.emulator)).toHaveLength(before);
    expect(w.emulator.state.releases).toHaveLength(3);
    expect(JSON.parse(rerun.outputs["released-packages"]!)).toEqual(["packages/api", "packages/web", "."]);
    expect(JSON.parse(rerun.outputs.packages!)["packages/api"]).toMatchObject({
      tag: "api-v1.1.0",
      released: true,
      "release-url": packages["packages/api"]["release-url"],
    });
    expect(rerun.summary).toContain("api-v1.1.0 already released: kept");
    expect(rerun.stdout).toContain("The floating tag api-v1.1 already points at");
  });

  it("latest-package, passed through release.yml, makes that package's release the latest and not `.`'s", async (ctx) => {
    const w = await world(ctx);
    const inputs = shipguardStepInputs("release.yml", {
      inputs: { "latest-package": "./packages/api/" },
      token: TOKEN,
    });
    const run = await w.release(w.checkout(), { ...inputs, repository: "acme/app" });
    expect(run.code, run.stdout).toBe(0);
    expect(madeLatest(w.emulator)).toEqual({
      "api-v1.1.0": "true",
      "web-v1.0.1": "false",
      "v1.1.0": "false",
    });
    expect(w.emulator.state.latestRelease()?.tagName).toBe("api-v1.1.0");
  });

  it("on a maintenance branch no package's release is latest, not even `.`'s or latest-package's", async (ctx) => {
    const w = await world(ctx, (o) => {
      o.change("chore: start", {
        "packages/api/a.ts": "1\n",
        "packages/web/a.ts": "1\n",
        "README.md": "1\n",
      });
      for (const t of ["api-v1.0.0", "web-v1.0.0", "v1.0.0"]) o.tag(t, { annotated: true });
      o.branch("release/1.x");
      o.checkout("release/1.x");
      o.change("fix(api): a backported fix", { "packages/api/fix.ts": "x\n" });
      o.change("fix: a root backport", { "README.md": "2\n" });
      o.checkout("main");
    });
    const checkout = w.checkout(
      `maintenance-branches: "release/*"\nlatest-package: packages/api\n${SETTINGS}`,
    );
    checkout.checkout("release/1.x");
    const run = await w.release(checkout, undefined, "release/1.x");
    expect(run.code, run.stdout).toBe(0);
    expect(JSON.parse(run.outputs["released-packages"] ?? "")).toEqual(["packages/api", "."]);
    expect(madeLatest(w.emulator)).toEqual({ "api-v1.0.1": "false", "v1.0.1": "false" });
  });

  it("latest-package that is not a package stops the run before anything is written, naming the packages", async (ctx) => {
    const w = await world(ctx);
    const run = await w.release(w.checkout(), {
      command: "release",
      token: TOKEN,
      repository: "acme/app",
      "latest-package": "packages/ap",
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /::error::SG_INPUT_INVALID: Invalid latest-package: "packages\/ap"\. Expected the path of a configured package: `packages\/api`, `packages\/web`, `\.`\./,
    );
    expect(w.emulator.log).toEqual([]);
  });

  it("a package whose tag another run made on another commit is superseded, and the other packages are released", async (ctx) => {
    const w = await world(ctx);
    const checkout = w.checkout();
    // Another run, on a newer commit, released api first.
    const newer = w.origin.change("fix(api): a later fix", { "packages/api/later.ts": "x\n" });
    w.origin.tag("api-v1.1.0", { annotated: true, at: newer });
    const run = await w.release(checkout);
    expect(run.code, run.stdout).toBe(0);
    expect(run.stdout).toMatch(/::warning::Superseded: api-v1\.1\.0 already exists on/);
    expect(w.emulator.state.releases.map((r) => r.tagName).sort()).toEqual(["v1.1.0", "web-v1.0.1"]);
    expect(w.origin.git("rev-parse", "api-v1.1.0^{commit}").trim()).toBe(newer);
    expect(JSON.parse(run.outputs["released-packages"]!)).toEqual(["packages/web", "."]);
    const packages = JSON.parse(run.outputs.packages!);
    expect(packages["packages/api"]).toMatchObject({
      released: false,
      superseded: true,
      "tag-sha": newer,
      "release-url": null,
    });
    expect(packages["packages/web"]).toMatchObject({ released: true, superseded: false });
    expect(run.summary).toContain("api-v1.1.0 superseded");
  });

  it("a package whose release fails part-way: the others are released, the step fails naming both, and the re-run finishes it alone", async (ctx) => {
    const hook = await webhookReceiver(ctx);
    const heard = () => hook.events.map((e) => (e as unknown as { headline: string }).headline);
    const w = await world(ctx, (o) => {
      monorepo(o);
    });
    const notify = { "notify-url": hook.url, "notify-on": "released" };
    const inputs = { command: "release", token: TOKEN, repository: "acme/app", ...notify };
    const checkout = w.checkout(SETTINGS.replace("  .: {}\n", ""));
    // The first release GitHub is asked to create (api's, in the order of the settings) is refused.
    w.emulator.faults.status("POST /repos/{owner}/{repo}/releases", 422, 1);
    const failed = await w.release(checkout, inputs);
    expect(failed.code).toBe(1);
    const error = failed.stdout.split("\n").find((l) => l.startsWith("::error::")) ?? "";
    expect(error).toMatch(
      /SG_PACKAGE_RELEASES_FAILED: The release of 1 of 2 packages stopped: packages\/api \(api-v1\.1\.0\): SG_/,
    );
    expect(error).toContain("Done: packages/web (web-v1.0.1).");
    expect(w.origin.git("tag", "-l", "api-v1.1.0").trim()).toBe("api-v1.1.0");
    expect(w.emulator.state.releases.map((r) => r.tagName)).toEqual(["web-v1.0.1"]);
    expect(JSON.parse(failed.outputs["released-packages"]!)).toEqual(["packages/web"]);
    // Without `.`, the single-package outputs are all there, and empty.
    for (const name of ["tag", "released", "release-url", "tag-sha", "superseded"])
      expect(failed.outputs[name], name).toBe("");
    expect(failed.summary).toContain("api-v1.1.0 failed (SG_");
    expect(heard()).toEqual(["acme/app web-v1.0.1 released"]);

    const rerun = await w.release(checkout, inputs);
    expect(rerun.code, rerun.stdout).toBe(0);
    expect(w.emulator.state.releases.map((r) => r.tagName).sort()).toEqual(["api-v1.1.0", "web-v1.0.1"]);
    expect(w.emulator.calls("POST /repos/{owner}/{repo}/git/refs")).toHaveLength(2);
    expect(JSON.parse(rerun.outputs["released-packages"]!)).toEqual(["packages/api", "packages/web"]);
    expect(rerun.summary).toContain("api-v1.1.0 released");
    expect(rerun.summary).toContain("web-v1.0.1 already released: kept");
    expect(heard()).toEqual(["acme/app web-v1.0.1 released", "acme/app api-v1.1.0 released"]);
    // Neither is latest: `.` is not a package, and no latest-package names another.
    expect(madeLatest(w.emulator)).toEqual({ "api-v1.1.0": "false", "web-v1.0.1": "false" });
  }, 30_000);
});
