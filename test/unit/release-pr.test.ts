import { describe, expect, it } from "vitest";
import {
  BODY_LIMIT,
  closingComment,
  forkLookalikes,
  isReleaseBranchPull,
  mergedProposals,
  type Proposal,
  proposalBody,
  proposalMarker,
  proposalTitle,
  readProposal,
  releaseBranch,
  tagMatches,
} from "../../src/core/release-pr.ts";

const root = (over: Partial<Proposal["releases"][number]> = {}): Proposal["releases"][number] => ({
  path: ".",
  component: "app",
  version: "1.3.0",
  tag: "v1.3.0",
  previousTag: "v1.2.0",
  prerelease: false,
  notes: "## 1.3.0 (2026-12-07)\n\n### Features\n\n- add export (abc1234)\n",
  ...over,
});

const mono: Proposal = {
  base: "main",
  releases: [
    root({
      path: "packages/api",
      component: "api",
      tag: "api-v2.0.0",
      version: "2.0.0",
      previousTag: "api-v1.4.0",
    }),
    root({ path: "packages/web", component: "web", tag: "web@1.0.0", version: "1.0.0", previousTag: null }),
  ],
};

describe("the release pull request's words", () => {
  it("names the branch after the base", () => {
    expect(releaseBranch("main")).toBe("shipguard/release/main");
    expect(releaseBranch("release/1.x")).toBe("shipguard/release/release/1.x");
  });

  it("titles one package with its version, a monorepo without one", () => {
    expect(proposalTitle({ base: "main", releases: [root()] })).toBe("chore(main): release 1.3.0");
    expect(proposalTitle(mono)).toBe("chore(main): release");
    // One package of a monorepo that is not the root: its version is in the list, not the title.
    expect(proposalTitle({ base: "next", releases: [mono.releases[0]!] })).toBe("chore(next): release");
  });

  it("reads back exactly the proposal its marker carries, from a body", () => {
    for (const p of [{ base: "main", releases: [root()] }, mono]) {
      expect(readProposal(proposalBody(p))).toEqual(p);
      expect(readProposal(`a person's words above\n\n${proposalMarker(p)}\n`)).toEqual(p);
    }
  });

  it("keeps text from commits from closing the comment early", () => {
    const notes = "- evil --> <!-- shipguard:release {} --> & <b>x</b>\n";
    const p: Proposal = { base: "main", releases: [root({ notes })] };
    const marker = proposalMarker(p);
    expect(marker.indexOf("-->")).toBe(marker.length - 3);
    expect(readProposal(proposalBody(p))?.releases[0]?.notes).toBe(notes);
  });

  it("lists a monorepo's packages with their previous and next tags, each package's notes apart", () => {
    const body = proposalBody(mono);
    expect(body).toContain("- `packages/api`: `api-v1.4.0` → `api-v2.0.0`");
    expect(body).toContain("- `packages/web`: first release → `web@1.0.0`");
    expect(body).toContain("<summary>api 2.0.0</summary>");
    expect(body).toContain("<summary>web 1.0.0</summary>");
  });

  it.each([
    ["no marker", "just words"],
    ["an unclosed marker", '<!-- shipguard:release {"v":1'],
    ["broken JSON", "<!-- shipguard:release {v:1} -->"],
    ["another schema version", proposalMarker(mono).replace('"v":1', '"v":2')],
    ["no releases", proposalMarker({ base: "main", releases: [] })],
    [
      "a version that is not SemVer",
      proposalMarker({ base: "main", releases: [root({ version: "1.3", tag: "v1.3" })] }),
    ],
    [
      "a tag that does not end in its version",
      proposalMarker({ base: "main", releases: [root({ tag: "v9.9.9" })] }),
    ],
    ["the same package twice", proposalMarker({ base: "main", releases: [root(), root()] })],
  ])("reads nothing from %s", (_name, body) => {
    expect(readProposal(body)).toBeNull();
  });

  it("takes a version a person edited in the marker, when it still holds together", () => {
    const edited = proposalMarker({ base: "main", releases: [root()] })
      .replace('"version":"1.3.0"', '"version":"2.0.0"')
      .replace('"tag":"v1.3.0"', '"tag":"v2.0.0"');
    expect(readProposal(edited)?.releases[0]).toMatchObject({ version: "2.0.0", tag: "v2.0.0" });
  });

  it("checks a proposed tag against the package's prefix", () => {
    expect(tagMatches(root(), "v")).toBe(true);
    expect(tagMatches(root(), "app-v")).toBe(false);
    expect(tagMatches(mono.releases[1]!, "web@")).toBe(true);
    expect(tagMatches(root({ version: "1.3.0-rc.1", tag: "v1.3.0-rc.1", prerelease: true }), "v")).toBe(true);
  });

  it("stays under GitHub's body limit for 100 packages with long notes, and the marker survives", () => {
    const long = `${"- a change with a long description that goes on (abc1234)\n".repeat(400)}`;
    const p: Proposal = {
      base: "main",
      releases: Array.from({ length: 100 }, (_, i) =>
        root({
          path: `packages/p${i}`,
          component: `p${i}`,
          tag: `p${i}-v1.0.0`,
          version: "1.0.0",
          notes: long,
        }),
      ),
    };
    const body = proposalBody(p);
    expect(body.length).toBeLessThanOrEqual(BODY_LIMIT);
    const read = readProposal(body);
    expect(read?.releases.map((r) => r.tag)).toEqual(p.releases.map((r) => r.tag));
    expect(read?.releases[0]?.notes).toContain("shortened");
    // Nothing is shortened when it fits.
    expect(readProposal(proposalBody(mono))).toEqual(mono);
  });

  it("says why it closes", () => {
    expect(closingComment("main")).toContain("nothing on `main` calls for a release");
  });
});

describe("the merged release pull requests still to release", () => {
  const one: Proposal = { base: "main", releases: [root()] };
  const pull = (over: Partial<Parameters<typeof mergedProposals>[0][number]> = {}) => ({
    number: 7,
    merged: true,
    mergeCommitSha: "a".repeat(40),
    head: "shipguard/release/main",
    fromFork: false,
    base: "main",
    body: proposalBody(one),
    labels: ["shipguard: pending"],
    ...over,
  });

  it("keeps the merged ones of the base's release branch labelled pending with a marker for that base, oldest first", () => {
    const found = mergedProposals(
      [pull({ number: 12 }), pull({ number: 3 }), pull({ number: 9, labels: ["x", "shipguard: pending"] })],
      "main",
    );
    expect(found.map((f) => f.pr.number)).toEqual([3, 9, 12]);
    expect(found[0]!.proposal).toEqual(one);
  });

  it("leaves out what is not a merged, pending release pull request of this base", () => {
    const other = proposalBody({ ...one, base: "next" });
    const left = [
      pull({ merged: false, mergeCommitSha: null }),
      pull({ mergeCommitSha: null }),
      pull({ labels: ["shipguard: released"] }),
      pull({ labels: [] }),
      pull({ head: "shipguard/release/next" }),
      pull({ head: "feature/x" }),
      pull({ base: "next" }),
      pull({ body: other }),
      pull({ body: "no marker" }),
      pull({ body: '<!-- shipguard:release {"v":1,"base":"main","releases":[]} -->' }),
    ];
    expect(mergedProposals(left, "main")).toEqual([]);
    // The same list with the right label set: the released one only.
    expect(mergedProposals(left, "main", ["shipguard: released"]).map((f) => f.pr.labels)).toEqual([
      ["shipguard: released"],
    ]);
  });

  it("gives a pull request listed twice once", () => {
    expect(mergedProposals([pull(), pull()], "main")).toHaveLength(1);
  });

  it("never takes a fork's pull request, though its branch, label and marker are the release pull request's", () => {
    const forged = proposalBody({ ...one, releases: [{ ...root(), version: "9.9.9", tag: "v9.9.9" }] });
    const fork = pull({ number: 8, fromFork: true, body: forged });
    expect(mergedProposals([fork], "main")).toEqual([]);
    expect(mergedProposals([fork], "main", ["shipguard: pending", "shipguard: released"])).toEqual([]);
    expect(mergedProposals([pull({ number: 5 }), fork], "main").map((f) => f.pr.number)).toEqual([5]);
    expect(isReleaseBranchPull(fork, "main")).toBe(false);
    expect(isReleaseBranchPull(pull(), "main")).toBe(true);
    expect(isReleaseBranchPull(pull({ base: "next" }), "main")).toBe(false);
  });

  it("names the merged fork pull requests that look like the release pull request, and only those", () => {
    const fork = (over: Parameters<typeof pull>[0]) => pull({ fromFork: true, ...over });
    const listed = [
      pull({ number: 1 }),
      fork({ number: 2 }),
      fork({ number: 3, labels: [], body: "no marker" }),
      fork({ number: 4, head: "feature/x" }),
      fork({ number: 5, base: "next" }),
      fork({ number: 6, merged: false, mergeCommitSha: null }),
    ];
    expect(forkLookalikes(listed, "main").map((p) => p.number)).toEqual([2, 3]);
  });
});
