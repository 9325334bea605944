import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  releaseEvents
} from "./chunk-U2ITSVGA.js";
import "./chunk-VC7TJFDH.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-7T3RXKRW.js";
import {
  computeVersion,
  computeVersions,
  entryOf,
  packagesJson,
  packagesOutput,
  versionJson,
  versionOutputs,
  versionSummary
} from "./chunk-ZL5UBQDV.js";
import {
  eventContext,
  register
} from "./chunk-IAOOBCQW.js";
import {
  OUTPUT_LIMIT_BYTES
} from "./chunk-BCCI77KM.js";
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  readReleaseSettings
} from "./chunk-6EISG4HK.js";
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
} from "./chunk-YFF7JLRY.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

// src/registry/commands/release.ts
import { writeFile } from "node:fs/promises";
import path from "node:path";

// src/steps/write-release.ts
var import_semver = __toESM(require_semver(), 1);
function newReleaseResult(version, dryRun, where) {
  return {
    version,
    released: false,
    madeNow: false,
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
  return v.existingVersions.every((t) => t.prerelease || t.name === v.tag || import_semver.default.gt(mine, t.version));
}
function floatingTagsFor(target, v) {
  if (target.floatingTags === "none" || v.version === null || v.prerelease) return [];
  const parsed = import_semver.default.parse(v.version);
  if (parsed === null) return [];
  const stable = v.existingVersions.filter((t) => !t.prerelease && t.name !== v.tag).map((t) => import_semver.default.parse(t.version));
  const tags = [];
  if (stable.every((o) => o.major !== parsed.major || import_semver.default.gt(parsed, o)))
    tags.push(`${target.tagPrefix}${parsed.major}`);
  if (target.floatingTags === "major-minor" && stable.every((o) => o.major !== parsed.major || o.minor !== parsed.minor || import_semver.default.gt(parsed, o))) {
    tags.push(`${target.tagPrefix}${parsed.major}.${parsed.minor}`);
  }
  return tags;
}

// src/commands/release.ts
async function runReleaseCommand(settings, ports, context) {
  if (settings.packages === null)
    return { kind: "single", result: await runRelease(settings, ports, context) };
  return { kind: "packages", result: await runPackagesRelease(settings, ports, context) };
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
  const versions = await finishingVersions(settings, ports, context);
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
function releaseOf(r, p) {
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
    packages: packagesOutput(r.versions, limit, (p) => outputEntry(releaseOf(r, p))),
    "released-packages": JSON.stringify(releasedPackages(r))
  };
}
function releasePackagesJson(r) {
  const root = rootOf(r);
  const rootRelease = root === null ? Object.fromEntries(Object.keys(releaseFields(r.releases[0])).map((name) => [name, null])) : releaseFields(root);
  const entry = (p) => {
    const release = releaseOf(r, p);
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
      { git, forge, logger: context.logger },
      { ...links, branch: context.branch }
    );
    const notes = notesOf(outcome);
    if (settings.notesFile !== null && notes !== "") {
      await writeFile(path.resolve(context.workspace, settings.notesFile), notes);
    }
    return outcome;
  },
  present(outcome, settings, root) {
    const tagUrl = (r) => tagUrlOf(r, root.context.serverUrl, settings.repository);
    const notes = notesOf(outcome);
    const document = { document: settings.notesFile === null ? notes : "" };
    if (outcome.kind === "single") return single(outcome.result, tagUrl(outcome.result), document);
    const result = outcome.result;
    const problem = releasePackagesProblem(result);
    return {
      ok: problem === null,
      message: problem?.message ?? releasePackagesReason(result),
      problem,
      outputs: releasePackagesOutputs(result),
      summary: releasePackagesSummary(result, tagUrl),
      text: `${releasePackagesReason(result)}
${releasePackagesText(result)}`,
      ...document,
      json: releasePackagesJson(result)
    };
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
function notesOf(outcome) {
  return outcome.kind === "single" ? outcome.result.version.notes : releasePackagesNotes(outcome.result);
}
function eventsOf(outcome, c) {
  if (outcome.kind === "single") return releaseEvents(outcome.result, c);
  return outcome.result.releases.flatMap((r) => releaseEvents(r, c));
}
export {
  releaseCommand
};
