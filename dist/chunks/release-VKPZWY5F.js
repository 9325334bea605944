import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  releaseEvents
} from "./chunk-KDY75MUL.js";
import "./chunk-W4CJRQLD.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-IBAEMWP6.js";
import {
  computeVersion,
  computeVersions,
  entryOf,
  packagesJson,
  packagesOutput,
  versionJson,
  versionOutputs,
  versionSummary
} from "./chunk-C4UYULSX.js";
import {
  eventContext,
  register
} from "./chunk-YAYRVYX3.js";
import {
  OUTPUT_LIMIT_BYTES
} from "./chunk-BCCI77KM.js";
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  parseVersionTag,
  readReleaseSettings
} from "./chunk-CBWRE5I2.js";
import "./chunk-RJ6OJS2X.js";
import {
  require_semver
} from "./chunk-DRFFNYML.js";
import "./chunk-LYGUENMR.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ECTPGKCW.js";
import {
  isShipguardError,
  refusal,
  shipguardError
} from "./chunk-TP3S34VV.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

// src/registry/commands/release.ts
import { readFile, writeFile } from "node:fs/promises";
import path2 from "node:path";

// src/commands/release.ts
import path from "node:path";

// src/steps/release-pr.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/core/release-pr.ts
var import_semver = __toESM(require_semver(), 1);
var PENDING_LABEL = "shipguard: pending";
var RELEASED_LABEL = "shipguard: released";
var BODY_LIMIT = 65536;
function releaseBranch(base) {
  return `shipguard/release/${base}`;
}
function proposalTitle(p) {
  const only = p.releases.length === 1 ? p.releases[0] : null;
  return only !== null && only.path === "." ? `chore(${p.base}): release ${only.version}` : `chore(${p.base}): release`;
}
var MARKER_START = "<!-- shipguard:release ";
var MARKER_END = " -->";
function proposalMarker(p) {
  const json = JSON.stringify({ v: 1, ...p }).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
  return `${MARKER_START}${json}${MARKER_END}`;
}
function readProposal(body) {
  const start = body.lastIndexOf(MARKER_START);
  if (start < 0) return null;
  const end = body.indexOf(MARKER_END, start + MARKER_START.length);
  if (end < 0) return null;
  let data;
  try {
    data = JSON.parse(body.slice(start + MARKER_START.length, end));
  } catch {
    return null;
  }
  if (typeof data !== "object" || data === null) return null;
  const { v, base, releases } = data;
  if (v !== 1 || typeof base !== "string" || !Array.isArray(releases) || releases.length === 0) return null;
  const read = releases.map(releaseOf);
  if (read.some((r) => r === null)) return null;
  const paths = new Set(read.map((r) => r.path));
  if (paths.size !== read.length) return null;
  return { base, releases: read };
}
function releaseOf(value) {
  if (typeof value !== "object" || value === null) return null;
  const r = value;
  const strings = ["path", "component", "version", "tag", "notes"];
  if (strings.some((k) => typeof r[k] !== "string")) return null;
  if (r.previousTag !== null && typeof r.previousTag !== "string") return null;
  const version = r.version;
  if (import_semver.default.valid(version) !== version || !r.tag.endsWith(version)) return null;
  return {
    path: r.path,
    component: r.component,
    version,
    tag: r.tag,
    previousTag: r.previousTag ?? null,
    prerelease: import_semver.default.prerelease(version) !== null,
    notes: r.notes
  };
}
function tagMatches(release, prefix) {
  return parseVersionTag(release.tag, prefix)?.version === release.version;
}
var TRUNCATED = "\n\n_(shipguard shortened these notes to keep the pull request under GitHub's size limit; the release has them whole.)_\n";
function proposalBody(p, limit = BODY_LIMIT) {
  const fitted = fitMarker(p, limit);
  const marker = proposalMarker(fitted);
  const intro = introOf(p);
  const room = limit - marker.length - intro.length - 16;
  const sections = p.releases.map((r) => sectionOf(p, r));
  const total = sections.reduce((n, s) => n + s.length, 0);
  const each = total <= room ? Number.POSITIVE_INFINITY : Math.floor(room / sections.length);
  const shown = sections.map(
    (s) => s.length <= each ? s : `${cutAt(s, each - TRUNCATED.length)}${TRUNCATED}`
  );
  return `${intro}${shown.join("\n")}
${marker}
`;
}
function introOf(p) {
  const list = p.releases.length === 1 && p.releases[0].path === "." ? "" : `${p.releases.map((r) => `- \`${r.path}\`: ${r.previousTag === null ? "first release" : `\`${r.previousTag}\``} \u2192 \`${r.tag}\``).join("\n")}

`;
  return `:robot: shipguard release. Merging this pull request releases ${p.releases.length === 1 ? `\`${p.releases[0].tag}\`` : `${p.releases.length} packages`} on \`${p.base}\`: the tag${p.releases.length === 1 ? "" : "s"} and GitHub Release${p.releases.length === 1 ? "" : "s"} are made on the merged commit.

${list}---

`;
}
function sectionOf(p, r) {
  if (p.releases.length === 1 && r.path === ".") return `${r.notes.trimEnd()}
`;
  return `<details${p.releases.length <= 10 ? " open" : ""}><summary>${escapeHtml(r.component)} ${r.version}</summary>

${r.notes.trimEnd()}

</details>
`;
}
function fitMarker(p, limit) {
  const half = Math.floor(limit / 2);
  if (proposalMarker(p).length <= half) return p;
  const frame = proposalMarker({ ...p, releases: p.releases.map((r) => ({ ...r, notes: "" })) }).length;
  const each = Math.max(0, Math.floor((half - frame) / p.releases.length / 2) - TRUNCATED.length);
  return {
    ...p,
    releases: p.releases.map(
      (r) => r.notes.length <= each ? r : { ...r, notes: `${cutAt(r.notes, each)}${TRUNCATED}` }
    )
  };
}
function cutAt(text, max) {
  if (max <= 0) return "";
  let cut = text.slice(0, max);
  const line = cut.lastIndexOf("\n");
  if (line > max / 2) cut = cut.slice(0, line);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 55296 && last <= 56319 ? cut.slice(0, -1) : cut;
}
function escapeHtml(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
function closingComment(base) {
  return `shipguard closed this pull request: nothing on \`${base}\` calls for a release any more (the commits that did were reverted, or released another way). A new one opens when a commit calls for a release.`;
}
function releasedComment(done, sha) {
  const list = done.map((d) => `- ${d.url === null ? `\`${d.tag}\`` : `[\`${d.tag}\`](${d.url})`}`).join("\n");
  return `:rocket: shipguard released this on ${sha}:

${list}
`;
}

// src/steps/release-pr.ts
async function baseBranchOf(git, branch) {
  const base = branch ?? await git.currentBranch();
  if (base === null) throw shipguardError("SG_RELEASE_PR_NO_BRANCH", {});
  return base;
}
function newReport(base, dryRun) {
  return {
    action: "none",
    number: null,
    url: null,
    branch: releaseBranch(base),
    base,
    commit: null,
    files: [],
    dryRun,
    steps: []
  };
}
function portOf(forge) {
  if (forge.pullRequests === void 0 || forge.commitFiles === void 0) {
    throw shipguardError("SG_RELEASE_PR_NEEDS_GITHUB", {});
  }
  return forge.pullRequests;
}
async function findMergedProposal(forge, base, head) {
  const pulls = await portOf(forge).forCommit(head);
  for (const pr of pulls) {
    if (!pr.merged || pr.mergeCommitSha !== head) continue;
    if (pr.base !== base || pr.head !== releaseBranch(base)) continue;
    if (!pr.labels.includes(PENDING_LABEL) && !pr.labels.includes(RELEASED_LABEL)) continue;
    const proposal = readProposal(pr.body);
    if (proposal !== null && proposal.base === base) return { pr, proposal };
  }
  return null;
}
async function proposedVersions(merged, known, head, git) {
  const { pr, proposal } = merged;
  const out = /* @__PURE__ */ new Map();
  for (const r of proposal.releases) {
    const pkg = known.find((k) => k.path === r.path);
    const problem = pkg === void 0 ? `a release of \`${r.path}\`, which is not a configured package` : tagMatches(r, pkg.tagPrefix) ? null : `the tag \`${r.tag}\` for \`${r.path}\`, which is not its tag prefix \`${pkg.tagPrefix}\` followed by ${r.version}`;
    if (problem !== null || pkg === void 0) {
      throw shipguardError("SG_RELEASE_PR_PROPOSAL_INVALID", {
        number: pr.number,
        url: pr.url,
        problem: problem ?? ""
      });
    }
    const tags = await git.listTags(`${pkg.tagPrefix}*`);
    out.set(r.path, versionOfProposal(r, pkg, head, tags));
  }
  return out;
}
function versionOfProposal(r, pkg, head, tags) {
  const existing = tags.map((t) => ({ name: t.name, parsed: parseVersionTag(t.name, pkg.tagPrefix) })).filter((t) => t.parsed !== null).map((t) => ({ name: t.name, version: t.parsed.version, prerelease: t.parsed.prerelease })).sort((a, b) => import_semver2.default.rcompare(a.version, b.version));
  const previous = r.previousTag === null ? null : parseVersionTag(r.previousTag, pkg.tagPrefix);
  const bump = previous === null ? "minor" : bumpBetween(previous.version, r.version);
  return {
    version: r.version,
    previousVersion: previous?.version ?? null,
    tag: r.tag,
    previousTag: r.previousTag,
    bump,
    releaseNeeded: true,
    prerelease: r.prerelease,
    commitCount: 0,
    notes: r.notes,
    sha: head,
    reason: `The merged release pull request proposed ${r.tag}.`,
    warnings: [],
    analysis: emptyAnalysis(),
    existingVersions: existing,
    tagsAtHead: tags.filter((t) => t.sha === head).map((t) => t.name),
    maintenanceLine: null,
    path: pkg.path,
    component: r.component,
    tagPrefix: pkg.tagPrefix
  };
}
function bumpBetween(from, to) {
  const d = import_semver2.default.diff(from, to);
  return d === "major" || d === "premajor" ? "major" : d === "minor" || d === "preminor" ? "minor" : "patch";
}
function notProposed(k, head) {
  return {
    version: null,
    previousVersion: null,
    tag: null,
    previousTag: null,
    bump: "none",
    releaseNeeded: false,
    prerelease: false,
    commitCount: 0,
    notes: "",
    sha: head,
    reason: "The merged release pull request proposed no release of this package.",
    warnings: [],
    analysis: emptyAnalysis(),
    existingVersions: [],
    tagsAtHead: [],
    maintenanceLine: null,
    ...k
  };
}
function emptyAnalysis() {
  return {
    commitsRead: 0,
    commitCount: 0,
    mergeCount: 0,
    countsByType: {},
    bump: "none",
    decidingCommit: null,
    breaking: false,
    releaseAs: null,
    cancelledCount: 0,
    notes: [],
    notesDropped: 0,
    warnings: []
  };
}
async function settleMerged(pr, results, tagsCreated, ports, report) {
  const pulls = portOf(ports.forge);
  report.action = "released";
  report.number = pr.number;
  report.url = pr.url;
  const done = results.filter((r) => r.released);
  if (done.length < results.length) {
    report.steps.push(
      `Kept the label \`${PENDING_LABEL}\` on #${pr.number}: not every release is whole yet.`
    );
    return;
  }
  if (pr.labels.includes(PENDING_LABEL) || !pr.labels.includes(RELEASED_LABEL)) {
    await pulls.setLabels(pr.number, { add: [RELEASED_LABEL], remove: [PENDING_LABEL] });
    report.steps.push(`Labelled #${pr.number} \`${RELEASED_LABEL}\`.`);
  }
  if (tagsCreated) {
    const list = done.map((r) => ({ tag: r.version.tag ?? "", url: r.release?.url ?? null }));
    await pulls.comment(pr.number, releasedComment(list, results[0]?.version.sha ?? ""));
    report.steps.push(`Commented on #${pr.number} with the releases.`);
  }
}
async function propose(versions, head, files, ports, report) {
  const pulls = portOf(ports.forge);
  const worthy = versions.filter((v) => v.releaseNeeded && v.version !== null && v.tag !== null);
  if (report.dryRun) {
    report.steps.push(
      worthy.length === 0 ? `Dry run: would close an open release pull request from ${report.branch}, if any.` : `Dry run: would commit ${worthy.map((v) => v.tag).join(", ")} on ${report.branch} and open or update its pull request to ${report.base}.`
    );
    return;
  }
  const open = await pulls.findOpen(report.branch, report.base);
  if (worthy.length === 0) {
    if (open !== null) await close(pulls, open, report);
    else report.steps.push("Nothing release-worthy, and no release pull request is open.");
    return;
  }
  const proposal = { base: report.base, releases: worthy.map(proposedOf) };
  const title = proposalTitle(proposal);
  const body = proposalBody(proposal);
  const changes = await files(worthy);
  const commit = await ports.forge.commitFiles({
    branch: report.branch,
    parent: head,
    message: `${title}

${worthy.map((v) => `- ${v.tag}`).join("\n")}
`,
    files: changes,
    force: true
  });
  report.commit = commit.sha;
  report.files = changes.map((c) => c.path);
  report.steps.push(
    `Committed ${changes.length} file(s) as ${commit.sha} on ${report.branch}, on top of ${head}.`
  );
  const pr = open === null ? await openOrAdopt(pulls, report, title, body) : await refresh(pulls, open, title, body, report);
  report.number = pr.number;
  report.url = pr.url;
  if (!pr.labels.includes(PENDING_LABEL)) {
    await pulls.setLabels(pr.number, { add: [PENDING_LABEL], remove: [] });
    report.steps.push(`Labelled #${pr.number} \`${PENDING_LABEL}\`.`);
  }
}
function proposedOf(v) {
  const p = v;
  return {
    path: p.path ?? ".",
    component: p.component ?? "",
    version: v.version,
    tag: v.tag,
    previousTag: v.previousTag,
    prerelease: v.prerelease,
    notes: v.notes
  };
}
async function openOrAdopt(pulls, report, title, body) {
  try {
    const pr = await pulls.create({ head: report.branch, base: report.base, title, body });
    report.action = "opened";
    report.steps.push(`Opened the release pull request #${pr.number} (${pr.url}).`);
    return pr;
  } catch (error) {
    const again = await pulls.findOpen(report.branch, report.base).catch(() => null);
    if (again === null) throw error;
    return refresh(pulls, again, title, body, report);
  }
}
async function refresh(pulls, pr, title, body, report) {
  if (pr.title === title && pr.body === body) {
    report.action = "unchanged";
    report.steps.push(
      `The release pull request #${pr.number} already proposes this: its branch moved to the new commit.`
    );
    return pr;
  }
  const updated = await pulls.update(pr.number, { title, body });
  report.action = "updated";
  report.steps.push(`Updated the release pull request #${pr.number} (${pr.url}).`);
  return { ...updated, labels: pr.labels };
}
async function close(pulls, pr, report) {
  await pulls.comment(pr.number, closingComment(report.base));
  await pulls.update(pr.number, { state: "closed" });
  report.action = "closed";
  report.number = pr.number;
  report.url = pr.url;
  report.steps.push(`Closed the release pull request #${pr.number}: nothing release-worthy is left.`);
}

// src/steps/write-release.ts
var import_semver3 = __toESM(require_semver(), 1);
function newReleaseResult(version, dryRun, where) {
  return {
    version,
    released: false,
    madeNow: false,
    tagCreated: false,
    superseded: false,
    dryRun,
    tagSha: null,
    release: null,
    floatingTags: [],
    steps: [],
    where
  };
}
async function writeRelease(result, target, ports) {
  const { forge, logger } = ports;
  const { version, steps } = result;
  if (!version.releaseNeeded || version.tag === null || version.version === null) {
    steps.push("No release needed: nothing written.");
    return;
  }
  const { tag, sha } = version;
  const floating = floatingTagsFor(target, version);
  const makeLatest = target.mayBeLatest && isHighestStable(version);
  if (result.dryRun) {
    steps.push(...wouldDo(forge, version, target.title, floating, makeLatest));
    return;
  }
  let existing = await forge.tagCommit(tag);
  let createdNow = false;
  if (existing === null) {
    if (await forge.createTag(tag, sha, version.notes) === "created") {
      createdNow = true;
      existing = sha;
    } else {
      existing = await forge.tagCommit(tag);
    }
  }
  if (existing === null) {
    throw shipguardError("SG_TAG_UNREADABLE", { tag, where: forge.describe });
  }
  result.tagSha = existing;
  if (existing !== sha) {
    result.superseded = true;
    const message = `Superseded: ${tag} already exists on ${existing}, not on the analysed commit ${sha}. Another run released this version first; nothing was created. The next run on this branch computes the version after it.`;
    logger.warning(message);
    steps.push(message);
    return;
  }
  steps.push(
    createdNow ? `Created the tag ${tag} on ${sha}.` : `The tag ${tag} already points at ${sha}: kept.`
  );
  result.madeNow = createdNow;
  result.tagCreated = createdNow;
  if (!createdNow && await shareExistingTag(forge, logger, tag, sha, result) === "conflict") return;
  if (forge.releases) {
    let release = createdNow ? null : await forge.releases.find(tag);
    if (release === null) {
      release = await forge.releases.createDraft({
        tag,
        name: target.title,
        body: version.notes,
        prerelease: version.prerelease
      });
      steps.push(`Created the draft release ${release.url}.`);
    } else {
      steps.push(`Found the ${release.draft ? "draft " : ""}release ${release.url}.`);
    }
    if (release.draft) release = await publishDraft(forge.releases, logger, release, makeLatest, result);
    result.release = release;
  }
  result.released = true;
  for (const f of floating) {
    const moved = await forge.moveTag(f, sha);
    result.floatingTags.push(f);
    steps.push(
      moved === "moved" ? `Moved the floating tag ${f} to ${sha}.` : `The floating tag ${f} already points at ${sha}: kept.`
    );
  }
}
function wouldDo(forge, version, title, floating, makeLatest) {
  const { tag, sha } = version;
  const steps = [`Would create the tag ${tag} on ${sha} in ${forge.describe}.`];
  if (forge.releases) {
    const named = title === tag ? "" : ` titled "${title}"`;
    steps.push(
      `Would create and publish the release ${tag}${named}${version.prerelease ? " as a prerelease" : ""}${latestText(makeLatest, version, ", marked latest")}.`
    );
  }
  for (const f of floating) steps.push(`Would move the floating tag ${f} to ${sha}.`);
  return steps;
}
async function publishDraft(releases, logger, draft, makeLatest, result) {
  const { steps } = result;
  const outcome = await releases.publish(draft, { makeLatest });
  if (outcome.state === "published") {
    steps.push(
      `Published ${outcome.release.url}${latestText(makeLatest, result.version, " as the latest release")}.`
    );
    result.madeNow = true;
    return outcome.release;
  }
  try {
    await releases.deleteDraft(draft);
    steps.push(
      `Already released: another run published ${outcome.by.url} first; deleted this run's draft ${draft.url}.`
    );
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    logger.warning(`Could not delete this run's redundant draft release ${draft.url}: ${detail}`);
    steps.push(
      `Already released: another run published ${outcome.by.url} first; this run's draft ${draft.url} could not be deleted: delete it by hand.`
    );
  }
  return outcome.by;
}
async function shareExistingTag(forge, logger, tag, sha, result) {
  const shared = await forge.shareTag?.(tag, sha);
  if (shared?.state === "pushed") {
    result.steps.push(`Pushed the tag ${tag} to ${shared.where}.`);
    result.madeNow = true;
  }
  if (shared?.state !== "conflict") return "shared";
  result.superseded = true;
  const message = `Not pushed: ${shared.where} has ${tag} on ${shared.remoteSha ?? "another commit"}, not on ${sha} as here. Another run released this version there first; delete the local tag (git tag -d ${tag}) so this clone agrees with ${shared.where}.`;
  logger.warning(message);
  result.steps.push(message);
  return "conflict";
}
function latestText(makeLatest, v, latest) {
  if (makeLatest) return latest;
  return v.maintenanceLine === null ? "" : `, not marked latest (maintenance line ${v.maintenanceLine})`;
}
function isHighestStable(v) {
  if (v.version === null || v.prerelease || v.maintenanceLine !== null) return false;
  const mine = v.version;
  return v.existingVersions.every((t) => t.prerelease || t.name === v.tag || import_semver3.default.gt(mine, t.version));
}
function floatingTagsFor(target, v) {
  if (target.floatingTags === "none" || v.version === null || v.prerelease) return [];
  const parsed = import_semver3.default.parse(v.version);
  if (parsed === null) return [];
  const stable = v.existingVersions.filter((t) => !t.prerelease && t.name !== v.tag).map((t) => import_semver3.default.parse(t.version));
  const tags = [];
  if (stable.every((o) => o.major !== parsed.major || import_semver3.default.gt(parsed, o)))
    tags.push(`${target.tagPrefix}${parsed.major}`);
  if (target.floatingTags === "major-minor" && stable.every((o) => o.major !== parsed.major || o.minor !== parsed.minor || import_semver3.default.gt(parsed, o))) {
    tags.push(`${target.tagPrefix}${parsed.major}.${parsed.minor}`);
  }
  return tags;
}

// src/commands/release.ts
async function runReleaseCommand(settings, ports, context) {
  if (settings.releaseMode === "pull-request") return runPullRequestMode(settings, ports, context);
  if (settings.packages === null)
    return { kind: "single", result: await runRelease(settings, ports, context), pullRequest: null };
  return { kind: "packages", result: await runPackagesRelease(settings, ports, context), pullRequest: null };
}
async function runPullRequestMode(settings, ports, context) {
  const base = await baseBranchOf(ports.git, context.branch);
  const report = newReport(base, settings.dryRun);
  const clone = await ports.git.inspect();
  const head = clone?.head ?? null;
  const merged = settings.dryRun || head === null ? null : await findMergedProposal(ports.forge, base, head);
  if (merged !== null && head !== null) {
    report.steps.push(`HEAD ${head} is the merge of the release pull request #${merged.pr.number}.`);
    const name = context.repository?.repo ?? path.basename(clone?.topLevel ?? ".");
    const known = (settings.packages ?? [{ path: ".", component: null, tagPrefix: settings.tagPrefix }]).map((p) => ({ path: p.path, component: p.component ?? name, tagPrefix: p.tagPrefix }));
    const proposed = await proposedVersions(merged, known, head, ports.git);
    const outcome = await releaseProposed(settings, ports, known, proposed, head);
    const results = outcome.kind === "single" ? [outcome.result] : outcome.result.releases;
    const written = results.filter((r) => r.version.releaseNeeded);
    await settleMerged(
      merged.pr,
      written,
      written.some((r) => r.tagCreated),
      ports,
      report
    );
    return { ...outcome, pullRequest: report };
  }
  const files = ports.files ?? (async () => []);
  if (settings.packages === null) {
    const version = await computeVersion(settings, ports, context);
    await propose([version], version.sha, files, ports, report);
    const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
    result.steps.push(...report.steps);
    return { kind: "single", result, pullRequest: report };
  }
  const versions = await computeVersions(settings, ports, context);
  await propose(versions.packages, versions.sha, files, ports, report);
  const releases = versions.packages.map((v) => ({
    ...newReleaseResult(v, settings.dryRun, ports.forge.describe),
    failure: null
  }));
  return {
    kind: "packages",
    result: { versions, releases, dryRun: settings.dryRun, where: ports.forge.describe },
    pullRequest: report
  };
}
async function releaseProposed(settings, ports, known, proposed, head) {
  if (settings.packages === null) {
    const version = proposed.get(".");
    const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
    const target = {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true
    };
    await writeRelease(result, target, ports);
    return { kind: "single", result, pullRequest: null };
  }
  const packages = known.map((k) => proposed.get(k.path) ?? notProposed(k, head));
  const versions = { packages, sha: head, warnings: [], commitsRead: 0 };
  return { kind: "packages", result: await releaseEach(settings, ports, versions), pullRequest: null };
}
async function runRelease(settings, ports, context) {
  let version = await computeVersion(settings, ports, context);
  if (!version.releaseNeeded && version.tagsAtHead.length > 0) {
    const before = await computeVersion(settings, ports, context, { ignoreTagsAtHead: true });
    if (before.tag !== null && version.tagsAtHead.includes(before.tag)) version = before;
  }
  const result = newReleaseResult(version, settings.dryRun, ports.forge.describe);
  await writeRelease(
    result,
    {
      title: version.tag ?? "",
      tagPrefix: settings.tagPrefix,
      floatingTags: settings.floatingTags,
      mayBeLatest: true
    },
    ports
  );
  return result;
}
async function runPackagesRelease(settings, ports, context) {
  return releaseEach(settings, ports, await finishingVersions(settings, ports, context));
}
async function releaseEach(settings, ports, versions) {
  const latest = settings.latestPackage ?? ".";
  const releases = [];
  for (const version of versions.packages) {
    const result = {
      ...newReleaseResult(version, settings.dryRun, ports.forge.describe),
      failure: null
    };
    releases.push(result);
    try {
      await writeRelease(
        result,
        {
          title: version.version === null ? "" : `${version.component} ${version.version}`,
          tagPrefix: version.tagPrefix,
          floatingTags: settings.floatingTags,
          mayBeLatest: version.path === latest
        },
        ports
      );
    } catch (error) {
      const failure = failureOf(error);
      result.failure = failure;
      ports.logger.warning(`${version.path}: the release of ${version.tag} stopped: ${failure.message}`);
      result.steps.push(`Stopped: ${failure.code}: ${failure.message}`);
    }
  }
  return { versions, releases, dryRun: settings.dryRun, where: ports.forge.describe };
}
async function finishingVersions(settings, ports, context) {
  const versions = await computeVersions(settings, ports, context);
  const tagged = versions.packages.filter((p) => !p.releaseNeeded && p.tagsAtHead.length > 0);
  if (tagged.length === 0) return versions;
  const paths = tagged.map((p) => p.path);
  const before = await computeVersions(settings, ports, context, {
    ignoreTagsAtHead: new Set(paths),
    only: paths
  });
  const earlier = new Map(before.packages.map((p) => [p.path, p]));
  const packages = versions.packages.map((p) => {
    const b = earlier.get(p.path);
    return b !== void 0 && b.tag !== null && p.tagsAtHead.includes(b.tag) ? b : p;
  });
  return { ...versions, packages };
}
function failureOf(error) {
  const e = isShipguardError(error) ? error : shipguardError("SG_INTERNAL", {
    detail: error instanceof Error ? error.stack ?? error.message : String(error)
  });
  return { code: e.code, message: e.message, remedy: e.remedy };
}

// src/presenters/release.ts
function releaseOutputs(r) {
  return {
    ...versionOutputs(r.version),
    released: String(r.released),
    "release-id": r.release === null ? "" : String(r.release.id),
    "release-url": r.release?.url ?? "",
    "tag-sha": r.tagSha ?? "",
    superseded: String(r.superseded)
  };
}
function releaseJson(r) {
  return { ...versionJson(r.version), ...releaseFields(r) };
}
function releaseFields(r) {
  return {
    released: r.released,
    superseded: r.superseded,
    dryRun: r.dryRun,
    tagSha: r.tagSha,
    releaseId: r.release?.id ?? null,
    releaseUrl: r.release?.url ?? null,
    floatingTags: r.floatingTags,
    steps: r.steps
  };
}
function releaseSummary(r, tagUrl) {
  const v = r.version;
  const head = r.superseded ? `### shipguard release: superseded` : r.dryRun && v.releaseNeeded ? `### shipguard release (dry run): would release ${cell(v.tag ?? "")}` : r.released ? `### shipguard release: ${tagUrl ? `[${cell(v.tag ?? "")}](${tagUrl})` : cell(v.tag ?? "")}${r.release ? ` ([release](${r.release.url}))` : ""}` : "### shipguard release: no release needed";
  const steps = r.steps.map((s) => `- ${cell(s)}`).join("\n");
  return `${head}

${steps}

${versionSummary(v).replace(/^### .*\n/, "")}`;
}
function releaseText(r) {
  return `${r.steps.join("\n")}
`;
}
function tagUrlOf(r, serverUrl, repo) {
  return r.tagSha && serverUrl && repo ? `${serverUrl}/${repo.owner}/${repo.repo}/releases/tag/${encodeURIComponent(r.version.tag ?? "")}` : null;
}

// src/presenters/release-packages.ts
function rootOf(r) {
  return r.releases.find((p) => p.version.path === ".") ?? null;
}
function releaseOf2(r, p) {
  return r.releases.find((x) => x.version.path === p.path);
}
function releasedPackages(r) {
  return r.releases.filter((p) => p.released).map((p) => p.version.path);
}
function outputEntry(p) {
  return {
    released: p.released,
    "release-url": p.release?.url ?? null,
    "tag-sha": p.tagSha,
    superseded: p.superseded
  };
}
function releasePackagesOutputs(r, limit = OUTPUT_LIMIT_BYTES) {
  const root = rootOf(r);
  const single2 = root === null ? Object.fromEntries(Object.keys(releaseOutputs(r.releases[0])).map((name) => [name, ""])) : releaseOutputs(root);
  return {
    ...single2,
    packages: packagesOutput(r.versions, limit, (p) => outputEntry(releaseOf2(r, p))),
    "released-packages": JSON.stringify(releasedPackages(r))
  };
}
function releasePackagesJson(r) {
  const root = rootOf(r);
  const rootRelease = root === null ? Object.fromEntries(Object.keys(releaseFields(r.releases[0])).map((name) => [name, null])) : releaseFields(root);
  const entry = (p) => {
    const release = releaseOf2(r, p);
    return {
      ...outputEntry(release),
      "release-id": release.release?.id ?? null,
      "floating-tags": release.floatingTags,
      steps: release.steps,
      failure: release.failure
    };
  };
  return {
    ...packagesJson(r.versions),
    ...rootRelease,
    dryRun: r.dryRun,
    packages: Object.fromEntries(r.versions.packages.map((p) => [p.path, entryOf(p, p.notes, entry)])),
    releasedPackages: releasedPackages(r)
  };
}
function outcomeOf(p) {
  const tag = p.version.tag ?? "";
  if (p.failure !== null) return `${tag} failed (${p.failure.code})`;
  if (p.superseded) return `${tag} superseded`;
  if (!p.version.releaseNeeded) return "no release needed";
  if (p.dryRun) return `${tag} would be released`;
  if (p.released) return p.madeNow ? `${tag} released` : `${tag} already released: kept`;
  return `${tag} not released`;
}
function releasePackagesReason(r) {
  const of = `${r.releases.length} package${r.releases.length === 1 ? "" : "s"}`;
  const list = (ps) => ps.map((p) => `${p.version.path} (${p.version.tag})`).join(", ");
  const needed = r.releases.filter((p) => p.version.releaseNeeded);
  if (needed.length === 0) return `No release needed in any of the ${of}.`;
  if (r.dryRun) return `Dry run: ${needed.length} of ${of} would be released: ${list(needed)}.`;
  const released = r.releases.filter((p) => p.released);
  const parts = [
    `${released.length} of ${of} released${released.length === 0 ? "" : `: ${list(released)}`}.`
  ];
  const superseded = r.releases.filter((p) => p.superseded);
  if (superseded.length > 0) parts.push(`Superseded: ${list(superseded)}.`);
  const failed = r.releases.filter((p) => p.failure !== null);
  if (failed.length > 0) parts.push(`Failed: ${list(failed)}.`);
  return parts.join(" ");
}
function releasePackagesText(r) {
  const width = Math.max(...r.releases.map((p) => p.version.path.length));
  const lines = [];
  for (const p of r.releases) {
    lines.push(`${p.version.path.padEnd(width)}  ${outcomeOf(p)}`);
    if (p.version.releaseNeeded) lines.push(...p.steps.map((s) => `  ${s}`));
  }
  return `${lines.join("\n")}
`;
}
function releasePackagesSummary(r, tagUrl) {
  const needed = r.releases.filter((p) => p.version.releaseNeeded);
  const released = r.releases.filter((p) => p.released);
  const failed = r.releases.filter((p) => p.failure !== null);
  const head = r.dryRun ? `### shipguard release (dry run): ${needed.length} of ${r.releases.length} packages would be released` : `### shipguard release: ${released.length} of ${r.releases.length} packages released${failed.length === 0 ? "" : `, ${failed.length} failed`}`;
  const tagCell = (p) => {
    if (p.version.tag === null) return "no release";
    const url = tagUrl(p);
    return url === null ? `\`${cell(p.version.tag)}\`` : `[\`${cell(p.version.tag)}\`](${url})`;
  };
  const parts = [
    head,
    "",
    table(
      ["package", "component", "previous", "tag", "bump", "outcome", "release"],
      r.releases.map((p) => [
        `\`${cell(p.version.path)}\``,
        cell(p.version.component),
        p.version.previousTag === null ? "none" : `\`${cell(p.version.previousTag)}\``,
        tagCell(p),
        p.version.bump,
        cell(outcomeOf(p)),
        p.release === null ? "" : `[release](${p.release.url})`
      ])
    )
  ];
  for (const w of r.versions.warnings) parts.push("", `> [!WARNING]
> ${cell(w)}`);
  for (const p of r.releases) {
    for (const w of p.version.warnings) parts.push("", `> [!WARNING]
> ${cell(`${p.version.path}: ${w}`)}`);
    if (p.failure !== null)
      parts.push("", `> [!CAUTION]
> ${cell(`${p.version.path}: ${p.failure.code}: ${p.failure.message}`)}`);
  }
  for (const p of needed) {
    parts.push("", `#### ${cell(p.version.path)}: ${cell(outcomeOf(p))}`, "");
    parts.push(...p.steps.map((s) => `- ${cell(s)}`));
    parts.push("", "<details><summary>Release notes</summary>", "", p.version.notes, "", "</details>");
  }
  return `${parts.join("\n")}
`;
}
function releasePackagesNotes(r) {
  return r.releases.filter((p) => p.version.notes !== "").map((p) => `# ${p.version.component} ${p.version.version}

${p.version.notes}`).join("\n");
}
function releasePackagesProblem(r) {
  const failed = r.releases.filter((p) => p.failure !== null);
  if (failed.length === 0) return null;
  return refusal("SG_PACKAGE_RELEASES_FAILED", {
    failed: failed.map((p) => ({ path: p.version.path, tag: p.version.tag, ...p.failure })),
    released: r.releases.filter((p) => p.released).map((p) => `${p.version.path} (${p.version.tag})`),
    total: r.releases.length
  });
}

// src/presenters/release-pr.ts
function pullRequestOutputs(report) {
  return {
    "pr-number": report?.number === null || report === null ? "" : String(report.number),
    "pr-url": report?.url ?? ""
  };
}
function pullRequestJson(report) {
  if (report === null) return { pullRequest: null };
  const { action, number, url, branch, base, commit, files, steps } = report;
  return { pullRequest: { action, number, url, branch, base, commit, files, steps } };
}
function pullRequestSentence(report, proposed) {
  const pr = `#${report.number}`;
  const what = proposed.length === 0 ? "" : ` proposing ${proposed.join(", ")}`;
  if (report.dryRun) return `Dry run: ${report.steps.at(-1) ?? "nothing would change."}`;
  switch (report.action) {
    case "opened":
      return `Opened the release pull request ${pr}${what}.`;
    case "updated":
      return `Updated the release pull request ${pr}${what}.`;
    case "unchanged":
      return `Updated the release pull request ${pr}${what} (its branch moved to a fresh commit; title and body unchanged).`;
    case "closed":
      return `Closed the release pull request ${pr}: nothing release-worthy is left.`;
    case "released":
      return `Released the merged release pull request ${pr}.`;
    case "none":
      return "No release pull request: nothing release-worthy.";
  }
}
function pullRequestSummary(report, proposed) {
  const link = report.url === null ? "" : ` ([#${report.number}](${report.url}))`;
  const steps = report.steps.map((s) => `- ${cell(s)}`).join("\n");
  return `### shipguard release pull request: ${cell(pullRequestSentence(report, proposed))}${link}

${steps}

`;
}

// src/registry/commands/release.ts
var releaseCommand = register({
  read: readReleaseSettings,
  async run(settings, root) {
    const { context } = root;
    const git = root.git(settings.workingDirectory);
    const forge = await root.forge(settings, git);
    const links = settings.repository === null ? { serverUrl: null, repository: null } : { serverUrl: context.serverUrl ?? "https://github.com", repository: settings.repository };
    const outcome = await runReleaseCommand(
      settings,
      {
        git,
        forge,
        logger: context.logger,
        files: proposalFiles(settings, root.repoDir(settings.workingDirectory))
      },
      { ...links, branch: context.branch }
    );
    const notes = notesOf(outcome);
    if (settings.notesFile !== null && notes !== "") {
      await writeFile(path2.resolve(context.workspace, settings.notesFile), notes);
    }
    return outcome;
  },
  present(outcome, settings, root) {
    const tagUrl = (r) => tagUrlOf(r, root.context.serverUrl, settings.repository);
    const notes = notesOf(outcome);
    const document = { document: settings.notesFile === null ? notes : "" };
    if (outcome.kind === "single")
      return withPullRequest(outcome, single(outcome.result, tagUrl(outcome.result), document));
    const result = outcome.result;
    const problem = releasePackagesProblem(result);
    return withPullRequest(outcome, {
      ok: problem === null,
      message: problem?.message ?? releasePackagesReason(result),
      problem,
      outputs: releasePackagesOutputs(result),
      summary: releasePackagesSummary(result, tagUrl),
      text: `${releasePackagesReason(result)}
${releasePackagesText(result)}`,
      ...document,
      json: releasePackagesJson(result)
    });
  },
  announce: (outcome, settings, root) => ({
    notify: settings.notify,
    events: eventsOf(outcome, eventContext(root, settings, null)),
    incident: null,
    where: { ...settings, ledgerFile: null }
  })
});
function single(result, tagUrl, document) {
  return {
    ok: true,
    message: result.version.reason,
    problem: null,
    outputs: releaseOutputs(result),
    summary: releaseSummary(result, tagUrl),
    text: `${result.version.reason}
${releaseText(result)}`,
    ...document,
    json: releaseJson(result)
  };
}
function withPullRequest(outcome, p) {
  const report = outcome.pullRequest;
  const outputs = { ...p.outputs, ...pullRequestOutputs(report) };
  const json = { ...p.json, ...pullRequestJson(report) };
  if (report === null) return { ...p, outputs, json };
  const results = outcome.kind === "single" ? [outcome.result] : outcome.result.releases;
  const proposed = results.filter((r) => r.version.releaseNeeded).map((r) => r.version.tag ?? "");
  const sentence = pullRequestSentence(report, proposed);
  if (report.action === "released") {
    return {
      ...p,
      outputs,
      json,
      summary: `${pullRequestSummary(report, proposed)}${p.summary}`,
      text: `${sentence}
${p.text}`
    };
  }
  const rest = p.summary.replace(/^### .*\n/, "");
  return {
    ...p,
    message: sentence,
    outputs,
    json,
    summary: `${pullRequestSummary(report, proposed)}${rest}`,
    text: `${sentence}
${report.steps.join("\n")}
`
  };
}
function notesOf(outcome) {
  return outcome.kind === "single" ? outcome.result.version.notes : releasePackagesNotes(outcome.result);
}
function proposalFiles(settings, repoDir) {
  return async (versions) => {
    const changes = [];
    for (const v of versions) {
      const pkg = v.path ?? ".";
      const files = pkg === "." ? settings.files.top : settings.files.packages.get(pkg) ?? settings.files.top;
      if (files.changelogFile === null) continue;
      const file = path2.posix.join(pkg, files.changelogFile);
      const before = await readFile(path2.join(repoDir, file), "utf8").catch(() => null);
      const text = before ?? "# Changelog\n";
      const cut = text.indexOf("\n\n");
      const after = cut < 0 ? `${text.trimEnd()}

${v.notes.trimEnd()}
` : `${text.slice(0, cut)}

${v.notes.trimEnd()}

${text.slice(cut + 2)}`;
      changes.push({ path: file, before, after });
    }
    return changes;
  };
}
function eventsOf(outcome, c) {
  if (outcome.kind === "single") return releaseEvents(outcome.result, c);
  return outcome.result.releases.flatMap((r) => releaseEvents(r, c));
}
export {
  releaseCommand
};
