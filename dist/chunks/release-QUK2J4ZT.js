import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  computeVersion,
  versionJson,
  versionOutputs,
  versionSummary
} from "./chunk-HTUUAZVH.js";
import {
  releaseEvents
} from "./chunk-YTQVD4HF.js";
import "./chunk-YAOCWJIZ.js";
import "./chunk-GYMEDKPK.js";
import "./chunk-ZIQYW4XS.js";
import "./chunk-ASJLFNOI.js";
import {
  eventContext,
  register
} from "./chunk-EUYTWEI2.js";
import {
  cell
} from "./chunk-FEGRNFBW.js";
import "./chunk-LYGUENMR.js";
import {
  readReleaseSettings
} from "./chunk-247VEKFP.js";
import "./chunk-SAQUPTMN.js";
import {
  require_semver
} from "./chunk-7FY53ZM3.js";
import "./chunk-TRU3V6GF.js";
import "./chunk-ST7FDLZW.js";
import {
  shipguardError
} from "./chunk-NPSWBCF6.js";
import {
  __toESM
} from "./chunk-YIKRADAN.js";

// src/registry/commands/release.ts
import { writeFile } from "node:fs/promises";
import path from "node:path";

// src/commands/release.ts
var import_semver = __toESM(require_semver(), 1);
async function runRelease(settings, ports, context) {
  const { forge, logger } = ports;
  let version = await computeVersion(settings, ports, context);
  if (!version.releaseNeeded && version.tagsAtHead.length > 0) {
    const before = await computeVersion(settings, ports, context, { ignoreTagsAtHead: true });
    if (before.tag !== null && version.tagsAtHead.includes(before.tag)) version = before;
  }
  const steps = [];
  const result = {
    version,
    released: false,
    madeNow: false,
    superseded: false,
    dryRun: settings.dryRun,
    tagSha: null,
    release: null,
    floatingTags: [],
    steps,
    where: forge.describe
  };
  if (!version.releaseNeeded || version.tag === null || version.version === null) {
    steps.push("No release needed: nothing written.");
    return result;
  }
  const { tag, sha } = version;
  const floating = floatingTagsFor(settings, version);
  const makeLatest = isHighestStable(version);
  if (settings.dryRun) {
    steps.push(...wouldDo(forge, version, floating, makeLatest));
    return result;
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
    return result;
  }
  steps.push(
    createdNow ? `Created the tag ${tag} on ${sha}.` : `The tag ${tag} already points at ${sha}: kept.`
  );
  result.madeNow = createdNow;
  if (!createdNow && await shareExistingTag(forge, logger, tag, sha, result) === "conflict") return result;
  if (forge.releases) {
    let release = createdNow ? null : await forge.releases.find(tag);
    if (release === null) {
      release = await forge.releases.createDraft({
        tag,
        name: tag,
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
    await forge.moveTag(f, sha);
    result.floatingTags.push(f);
    steps.push(`Moved the floating tag ${f} to ${sha}.`);
  }
  return result;
}
function wouldDo(forge, version, floating, makeLatest) {
  const { tag, sha } = version;
  const steps = [`Would create the tag ${tag} on ${sha} in ${forge.describe}.`];
  if (forge.releases) {
    steps.push(
      `Would create and publish the release ${tag}${version.prerelease ? " as a prerelease" : ""}${makeLatest ? ", marked latest" : ""}.`
    );
  }
  for (const f of floating) steps.push(`Would move the floating tag ${f} to ${sha}.`);
  return steps;
}
async function publishDraft(releases, logger, draft, makeLatest, result) {
  const { steps } = result;
  const outcome = await releases.publish(draft, { makeLatest });
  if (outcome.state === "published") {
    steps.push(`Published ${outcome.release.url}${makeLatest ? " as the latest release" : ""}.`);
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
function isHighestStable(v) {
  if (v.version === null || v.prerelease) return false;
  const mine = v.version;
  return v.existingVersions.every((t) => t.prerelease || t.name === v.tag || import_semver.default.gt(mine, t.version));
}
function floatingTagsFor(settings, v) {
  if (settings.floatingTags === "none" || v.version === null || v.prerelease) return [];
  const parsed = import_semver.default.parse(v.version);
  if (parsed === null) return [];
  const stable = v.existingVersions.filter((t) => !t.prerelease && t.name !== v.tag).map((t) => import_semver.default.parse(t.version));
  const tags = [];
  if (stable.every((o) => o.major !== parsed.major || import_semver.default.gt(parsed, o)))
    tags.push(`${settings.tagPrefix}${parsed.major}`);
  if (settings.floatingTags === "major-minor" && stable.every((o) => o.major !== parsed.major || o.minor !== parsed.minor || import_semver.default.gt(parsed, o))) {
    tags.push(`${settings.tagPrefix}${parsed.major}.${parsed.minor}`);
  }
  return tags;
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
  return {
    ...versionJson(r.version),
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

// src/registry/commands/release.ts
var releaseCommand = register({
  read: readReleaseSettings,
  async run(settings, root) {
    const { context } = root;
    const git = root.git(settings.workingDirectory);
    const forge = await root.forge(settings, git);
    const links = settings.repository === null ? { serverUrl: null, repository: null } : { serverUrl: context.serverUrl ?? "https://github.com", repository: settings.repository };
    const result = await runRelease(
      settings,
      { git, forge, logger: context.logger },
      { ...links, branch: context.branch }
    );
    if (settings.notesFile !== null && result.version.notes !== "") {
      await writeFile(path.resolve(context.workspace, settings.notesFile), result.version.notes);
    }
    return result;
  },
  present(result, settings, root) {
    const { serverUrl } = root.context;
    const repo = settings.repository;
    const tagUrl = result.tagSha && serverUrl && repo ? `${serverUrl}/${repo.owner}/${repo.repo}/releases/tag/${encodeURIComponent(result.version.tag ?? "")}` : null;
    const notesOnStdout = settings.notesFile === null && result.version.notes !== "";
    return {
      ok: true,
      message: result.version.reason,
      problem: null,
      outputs: releaseOutputs(result),
      summary: releaseSummary(result, tagUrl),
      text: `${result.version.reason}
${releaseText(result)}`,
      ...notesOnStdout ? { document: result.version.notes } : { document: "" },
      json: releaseJson(result)
    };
  },
  announce: (result, settings, root) => ({
    notify: settings.notify,
    events: releaseEvents(result, eventContext(root, settings, null)),
    incident: null,
    where: { ...settings, ledgerFile: null }
  })
});
export {
  releaseCommand
};
