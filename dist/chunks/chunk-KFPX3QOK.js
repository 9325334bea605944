import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  bumpFor,
  bumpRank,
  decideVersion,
  parseVersionTag,
  require_semver,
  ruleFor,
  selectBaseline
} from "./chunk-53AKU7XB.js";
import {
  ShipguardError
} from "./chunk-UVROX66Z.js";
import {
  __toESM
} from "./chunk-YIKRADAN.js";

// src/commands/version.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/core/analysis.ts
var import_semver = __toESM(require_semver(), 1);

// src/core/conventional.ts
var HEADER = /^([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\n]*)\))?(!)?: ([^\n]*)$/;
var BULLET = /\* ([A-Za-z][A-Za-z0-9_-]*)(?:\(([^()\n]*)\))?(!)?: ([^\n]*)/y;
var BREAKING_TOKEN = /BREAKING[ -]CHANGE:(?: +|(?=\n)|$)/y;
var FOOTER_TOKEN = /([A-Za-z][A-Za-z0-9_-]*)(: | (?=#))/y;
var SQUASH_SUFFIX = /\s*\(#(\d{1,9})\)$/;
var HASH_REFERENCE = /(?<![\w&/#])#(\d{1,9})(?!\w)/g;
var REVERTS_COMMIT = /This reverts commit ([0-9a-fA-F]{7,40})(?![0-9a-fA-F])/g;
var SHA = /^[0-9a-fA-F]{7,40}$/;
var GIT_REVERT_SUBJECT = /^(Revert|Reapply) "(.*)"$/;
var MAX_REFERENCES = 50;
function parseMessage(message) {
  const text = message.indexOf("\r") === -1 ? message : message.replace(/\r\n?/g, "\n");
  const length = text.length;
  let start = 0;
  while (start < length && isSpace(text.charCodeAt(start))) start++;
  let lineEnd = text.indexOf("\n", start);
  if (lineEnd === -1) lineEnd = length;
  const subject = text.slice(start, lineEnd).trim();
  const match = HEADER.exec(subject);
  const header = match === null ? null : changeFrom(match, false);
  const parsed = {
    header,
    bullets: [],
    footers: [],
    releaseAs: null,
    revertsShas: [],
    revertsHeader: null,
    subject
  };
  if (lineEnd < length) {
    scanBody(text, lineEnd + 1, parsed);
    if (text.indexOf("This reverts commit ", lineEnd) !== -1)
      collectRevertedShas(text, lineEnd, parsed.revertsShas);
  }
  const gitRevert = subject.charCodeAt(0) === 82 ? GIT_REVERT_SUBJECT.exec(subject) : null;
  if (gitRevert !== null) {
    parsed.revertsHeader = gitRevert[1] === "Revert" ? gitRevert[2] : `Revert "${gitRevert[2]}"`;
  } else if (header !== null && header.type === "revert" && parsed.revertsShas.length === 0) {
    parsed.revertsHeader = unquote(header.description);
  }
  if (header !== null) {
    if (header.breaking && header.breakingNotes.length === 0) header.breakingNotes.push(header.description);
    if (parsed.bullets.length > 0) parsed.bullets = withoutHeaderRepeats(header, parsed.bullets);
  }
  for (const bullet of parsed.bullets) {
    if (bullet.breaking && bullet.breakingNotes.length === 0) bullet.breakingNotes.push(bullet.description);
  }
  return parsed;
}
function changeFrom(match, fromSquashBody) {
  let description = match[4].trim();
  if (description === "") return null;
  const references = [];
  if (description.indexOf("#") !== -1) {
    const suffix = SQUASH_SUFFIX.exec(description);
    if (suffix !== null && suffix.index > 0) {
      description = description.slice(0, suffix.index);
      collectReferences(description, references);
      addReference(references, Number(suffix[1]));
    } else {
      collectReferences(description, references);
    }
  }
  const scope = match[2] === void 0 ? "" : match[2].trim().toLowerCase();
  return {
    type: match[1].toLowerCase(),
    scope: scope === "" ? null : scope,
    description,
    breaking: match[3] === "!",
    breakingNotes: [],
    references,
    fromSquashBody
  };
}
function scanBody(text, bodyStart, parsed) {
  const length = text.length;
  let paragraphStart = true;
  let open = null;
  let owner = parsed.header;
  let pos = bodyStart;
  while (pos < length) {
    let end = text.indexOf("\n", pos);
    if (end === -1) end = length;
    if (isBlankLine(text, pos, end)) {
      paragraphStart = true;
    } else {
      let handled = false;
      if (text.charCodeAt(pos) === 42 && text.charCodeAt(pos + 1) === 32) {
        BULLET.lastIndex = pos;
        const match = BULLET.exec(text);
        const bullet = match === null ? null : changeFrom(match, true);
        if (bullet !== null) {
          if (open !== null) closeFooter(text, open, parsed);
          open = null;
          parsed.bullets.push(bullet);
          owner = bullet;
          handled = true;
        }
      }
      if (!handled && (paragraphStart || open !== null)) {
        const footer = footerAt(text, pos, end, owner);
        if (footer !== null) {
          if (open !== null) closeFooter(text, open, parsed);
          open = footer;
          handled = true;
        }
      }
      if (!handled && open !== null) open.valueEnd = end;
      paragraphStart = false;
    }
    pos = end + 1;
  }
  if (open !== null) closeFooter(text, open, parsed);
}
function footerAt(text, pos, end, owner) {
  const first = text.charCodeAt(pos);
  if (first === 66) {
    BREAKING_TOKEN.lastIndex = pos;
    if (BREAKING_TOKEN.test(text)) {
      const token = text.slice(pos, pos + 15);
      return { token, valueStart: BREAKING_TOKEN.lastIndex, valueEnd: end, breaking: true, owner };
    }
  }
  if (!isAsciiLetter(first)) return null;
  FOOTER_TOKEN.lastIndex = pos;
  const match = FOOTER_TOKEN.exec(text);
  if (match === null) return null;
  return { token: match[1], valueStart: FOOTER_TOKEN.lastIndex, valueEnd: end, breaking: false, owner };
}
function closeFooter(text, open, parsed) {
  const value = text.slice(open.valueStart, Math.max(open.valueStart, open.valueEnd)).trim();
  parsed.footers.push({ token: open.token, value });
  const owner = open.owner;
  if (open.breaking) {
    if (owner !== null) {
      owner.breaking = true;
      owner.breakingNotes.push(value === "" ? owner.description : value);
    }
    return;
  }
  const token = open.token.toLowerCase();
  if (token === "release-as") {
    if (parsed.releaseAs === null && value !== "") parsed.releaseAs = firstLine(value);
  } else if (token === "refs" && parsed.header !== null && parsed.header.type === "revert") {
    for (const word of value.split(/[\s,]+/)) {
      if (SHA.test(word)) addSha(parsed.revertsShas, word.toLowerCase());
    }
  }
  if (owner !== null && value.indexOf("#") !== -1) collectReferences(value, owner.references);
}
function collectRevertedShas(text, from, shas) {
  REVERTS_COMMIT.lastIndex = from;
  for (let match = REVERTS_COMMIT.exec(text); match !== null; match = REVERTS_COMMIT.exec(text)) {
    addSha(shas, match[1].toLowerCase());
  }
}
function collectReferences(text, references) {
  HASH_REFERENCE.lastIndex = 0;
  for (let match = HASH_REFERENCE.exec(text); match !== null; match = HASH_REFERENCE.exec(text)) {
    addReference(references, Number(match[1]));
  }
}
function addReference(references, n) {
  if (n > 0 && references.length < MAX_REFERENCES && !references.includes(n)) references.push(n);
}
function addSha(shas, sha) {
  if (!shas.includes(sha)) shas.push(sha);
}
function withoutHeaderRepeats(header, bullets) {
  const kept = [];
  for (const bullet of bullets) {
    if (bullet.type === header.type && bullet.scope === header.scope && bullet.description === header.description) {
      if (bullet.breaking && !header.breaking) header.breaking = true;
      for (const note of bullet.breakingNotes) {
        if (!header.breakingNotes.includes(note)) header.breakingNotes.push(note);
      }
      for (const reference of bullet.references) addReference(header.references, reference);
    } else {
      kept.push(bullet);
    }
  }
  return kept;
}
function firstLine(value) {
  const nl = value.indexOf("\n");
  return (nl === -1 ? value : value.slice(0, nl)).trim();
}
function unquote(value) {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
function isBlankLine(text, start, end) {
  for (let i = start; i < end; i++) {
    if (!isSpace(text.charCodeAt(i))) return false;
  }
  return true;
}
function isSpace(code) {
  return code === 32 || code >= 9 && code <= 13 || code === 160 || code === 65279;
}
function isAsciiLetter(code) {
  return code >= 65 && code <= 90 || code >= 97 && code <= 122;
}

// src/core/analysis.ts
var SECTION_BUDGET = 125e3;
var COMMIT_LINK_ALLOWANCE = 120;
var REFERENCE_ALLOWANCE = 80;
var MAX_DESCRIPTION = 1e3;
var MAX_NOTE = 1e4;
var MAX_SUBJECT = 200;
var MAX_TYPES = 200;
var MAX_WARNINGS = 20;
var SHA_KEY = 7;
var SECTION_OF = { feat: "feat", fix: "fix", perf: "perf", revert: "revert" };
var SECTIONS = ["breaking", "feat", "fix", "perf", "revert"];
var HistoryAnalyzer = class {
  rules;
  commitsRead = 0;
  mergeCount = 0;
  cancelledCount = 0;
  counts = /* @__PURE__ */ new Map();
  bump = "none";
  deciding = null;
  breaking = false;
  releaseAs = null;
  sections = /* @__PURE__ */ new Map();
  notesDropped = 0;
  warnings = [];
  warningsDropped = 0;
  /** Pending revert targets by the first 7 characters of the target sha. */
  bySha = /* @__PURE__ */ new Map();
  /** Pending revert targets by the reverted header, for reverts that name no sha. */
  byHeader = /* @__PURE__ */ new Map();
  reverts = [];
  result = null;
  /** `rules` are the user's release rules; the defaults apply behind them. */
  constructor(rules) {
    this.rules = rules;
    for (const section of SECTIONS) this.sections.set(section, { entries: [], size: 0 });
  }
  add(commit) {
    if (this.result !== null) throw new Error("HistoryAnalyzer.add() called after finish()");
    const index = this.commitsRead++;
    if (commit.parents.length > 1) {
      this.mergeCount++;
      return;
    }
    const parsed = parseMessage(commit.message);
    if (this.settleTargets(commit.sha, parsed.subject)) {
      this.cancelledCount++;
      return;
    }
    if (isRevert(parsed)) {
      this.registerRevert(index, commit.sha, parsed, false);
      return;
    }
    if (parsed.revertsShas.length > 0) this.registerRevert(index, commit.sha, parsed, true);
    const header = parsed.header;
    if (header === null && parsed.bullets.length === 0) this.count("other");
    if (header !== null) this.addChange(index, commit.sha, parsed.subject, header);
    for (const bullet of parsed.bullets) this.addChange(index, commit.sha, parsed.subject, bullet);
    if (parsed.releaseAs !== null && this.releaseAs === null)
      this.readReleaseAs(commit.sha, parsed.releaseAs);
  }
  finish() {
    if (this.result !== null) return this.result;
    for (const revert of this.reverts) {
      if (revert.cancelled || revert.embedded) continue;
      this.count("revert");
      this.consider(revert.index, revert.bump, revert.sha, revert.subject, () => revertReason(revert));
      this.addNote({
        section: "revert",
        scope: revert.scope,
        description: revert.description,
        sha: revert.sha,
        references: revert.references,
        breakingNotes: []
      });
    }
    const notes = [];
    for (const section of SECTIONS) notes.push(...this.sections.get(section).entries);
    const warnings = [...this.warnings];
    if (this.warningsDropped > 0)
      warnings.push(`${this.warningsDropped} more warnings about commit messages were left out.`);
    const deciding = this.deciding;
    this.result = {
      commitsRead: this.commitsRead,
      commitCount: this.commitsRead - this.mergeCount,
      mergeCount: this.mergeCount,
      countsByType: Object.fromEntries(this.counts),
      bump: this.bump,
      decidingCommit: deciding === null ? null : { sha: deciding.sha, subject: deciding.subject, reason: deciding.reason },
      breaking: this.breaking,
      releaseAs: this.releaseAs,
      cancelledCount: this.cancelledCount,
      notes,
      notesDropped: this.notesDropped,
      warnings
    };
    return this.result;
  }
  addChange(index, sha, subject, change) {
    this.count(change.type);
    const bump = bumpFor(change, this.rules);
    if (change.breaking) this.breaking = true;
    this.consider(index, bump, sha, subject, () => changeReason(change, subject, bump));
    if (change.breaking) this.addNoteOf("breaking", sha, change);
    const section = SECTION_OF[change.type];
    if (section !== void 0) this.addNoteOf(section, sha, change);
  }
  /** Builds the entry only when its section still has room: most of a huge range is dropped. */
  addNoteOf(section, sha, change) {
    if (this.sections.get(section).size > SECTION_BUDGET) {
      this.notesDropped++;
      return;
    }
    this.addNote(noteOf(section, sha, change));
  }
  /** Keeps the newest commit of the highest bump: lower index is newer. */
  consider(index, bump, sha, subject, reason) {
    if (bump === "none") return;
    const current = this.deciding;
    const higher = bumpRank(bump) > bumpRank(this.bump);
    if (!higher && !(bumpRank(bump) === bumpRank(this.bump) && current !== null && index < current.index))
      return;
    this.bump = bump;
    this.deciding = { index, sha: detach(sha), subject: clip(subject, MAX_SUBJECT), reason: reason() };
  }
  addNote(entry) {
    const section = this.sections.get(entry.section);
    if (section.size > SECTION_BUDGET) {
      this.notesDropped++;
      return;
    }
    section.entries.push(entry);
    section.size += estimatedLength(entry);
  }
  count(type) {
    const known = this.counts.get(type);
    if (known !== void 0) this.counts.set(type, known + 1);
    else if (this.counts.size < MAX_TYPES) this.counts.set(detach(type), 1);
    else this.counts.set("other", (this.counts.get("other") ?? 0) + 1);
  }
  readReleaseAs(sha, value) {
    const version = value.replace(/^[vV]/, "");
    if (/^\d/.test(version) && import_semver.default.valid(version) !== null) {
      this.releaseAs = { value: detach(version), sha: detach(sha) };
    } else {
      this.warn(
        `Release-As: ${clip(value, 80)} in commit ${sha.slice(0, 7)} is not a SemVer version (x.y.z); it was ignored.`
      );
    }
  }
  warn(message) {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.warningsDropped++;
  }
  registerRevert(index, sha, parsed, embedded) {
    const header = parsed.header;
    let bump = "none";
    if (!embedded) {
      const revertBump = ruleFor("revert", header?.scope ?? null, this.rules) ?? "patch";
      const headerBump = header === null ? "none" : bumpFor(header, this.rules);
      bump = bumpRank(headerBump) > bumpRank(revertBump) ? headerBump : revertBump;
    }
    const revert = {
      index,
      sha: detach(sha),
      subject: clip(parsed.subject, MAX_SUBJECT),
      description: clip(parsed.revertsHeader ?? header?.description ?? parsed.subject, MAX_DESCRIPTION),
      scope: header === null || header.scope === null ? null : detach(header.scope),
      references: header?.references ?? [],
      bump,
      remaining: 0,
      cancelled: false,
      embedded
    };
    for (const target of parsed.revertsShas) {
      const key = target.slice(0, SHA_KEY);
      const list = this.bySha.get(key);
      const entry = { target: detach(target), revert };
      if (list === void 0) this.bySha.set(detach(key), [entry]);
      else list.push(entry);
      revert.remaining++;
    }
    if (revert.remaining === 0 && parsed.revertsHeader !== null && parsed.revertsHeader !== "") {
      const key = detach(parsed.revertsHeader);
      const list = this.byHeader.get(key);
      if (list === void 0) this.byHeader.set(key, [revert]);
      else list.push(revert);
      revert.remaining = 1;
    }
    if (!embedded || revert.remaining > 0) this.reverts.push(revert);
  }
  /** Whether an earlier-seen revert targets this commit; settles those reverts. */
  settleTargets(sha, subject) {
    let hit = false;
    if (this.bySha.size > 0) {
      const lower = sha;
      const key = lower.slice(0, SHA_KEY);
      const list = this.bySha.get(key);
      if (list !== void 0) {
        const rest = list.filter((entry) => {
          if (!lower.startsWith(entry.target)) return true;
          this.settle(entry.revert);
          hit = true;
          return false;
        });
        if (rest.length === 0) this.bySha.delete(key);
        else this.bySha.set(key, rest);
      }
    }
    if (this.byHeader.size > 0 && subject !== "") {
      const list = this.byHeader.get(subject);
      if (list !== void 0) {
        this.byHeader.delete(subject);
        for (const revert of list) this.settle(revert);
        hit = true;
      }
    }
    return hit;
  }
  settle(revert) {
    revert.remaining--;
    if (revert.remaining === 0 && !revert.embedded) {
      revert.cancelled = true;
      this.cancelledCount++;
    }
  }
};
function isRevert(parsed) {
  if (parsed.revertsHeader !== null) return true;
  if (parsed.header !== null && parsed.header.type === "revert") return true;
  return parsed.revertsShas.length > 0 && parsed.bullets.length === 0;
}
function noteOf(section, sha, change) {
  return {
    section,
    scope: change.scope === null ? null : detach(change.scope),
    description: clip(change.description, MAX_DESCRIPTION),
    sha: detach(sha),
    references: change.references,
    breakingNotes: section === "breaking" ? change.breakingNotes.map((note) => clip(note, MAX_NOTE)) : []
  };
}
function estimatedLength(entry) {
  let length = 16 + (entry.scope?.length ?? 0) + COMMIT_LINK_ALLOWANCE + entry.references.length * REFERENCE_ALLOWANCE;
  if (entry.section === "breaking") {
    for (const note of entry.breakingNotes) length += note.length + COMMIT_LINK_ALLOWANCE;
  } else {
    length += entry.description.length;
  }
  return length;
}
function changeReason(change, subject, bump) {
  const text = change.fromSquashBody ? `${formatChange(change)} (squashed into "${clip(subject, MAX_SUBJECT)}")` : clip(subject, MAX_SUBJECT);
  return change.breaking ? `${text} is a breaking change` : `${text} calls for a ${bump} release`;
}
function revertReason(revert) {
  return `${revert.subject} reverts a commit released earlier, which calls for a ${revert.bump} release`;
}
function formatChange(change) {
  const scope = change.scope === null ? "" : `(${change.scope})`;
  return clip(`${change.type}${scope}${change.breaking ? "!" : ""}: ${change.description}`, MAX_SUBJECT);
}
function clip(text, max) {
  return detach(text.length > max ? `${text.slice(0, max - 1)}\u2026` : text);
}
function detach(text) {
  return text.length < 13 ? text : ` ${text}`.slice(1);
}

// src/core/release-notes.ts
var NOTES_LIMIT = 125e3;
var FOOTER_ROOM = 200;
var TITLES = {
  breaking: "\u26A0 BREAKING CHANGES",
  feat: "Features",
  fix: "Bug Fixes",
  perf: "Performance Improvements",
  revert: "Reverts"
};
var ORDER = ["breaking", "feat", "fix", "perf", "revert"];
function renderNotes(analysis, context) {
  const repoUrl = context.repoUrl === null ? null : context.repoUrl.replace(/\/+$/, "");
  const bySection = /* @__PURE__ */ new Map();
  for (const entry of analysis.notes) {
    const list = bySection.get(entry.section);
    if (list === void 0) bySection.set(entry.section, [entry]);
    else list.push(entry);
  }
  const out = [heading(context, repoUrl)];
  let length = out[0].length;
  let leftOut = analysis.notesDropped;
  let full = false;
  for (const section of ORDER) {
    const entries = bySection.get(section);
    if (entries === void 0 || entries.length === 0) continue;
    if (full) {
      leftOut += entries.length;
      continue;
    }
    const title = `
### ${TITLES[section]}
`;
    let wroteTitle = false;
    for (let i = 0; i < entries.length; i++) {
      const text = renderEntry(entries[i], repoUrl);
      const added = text.length + 1 + (wroteTitle ? 0 : title.length + 1);
      if (length + added > NOTES_LIMIT - FOOTER_ROOM) {
        full = true;
        leftOut += entries.length - i;
        break;
      }
      if (!wroteTitle) {
        out.push(title);
        wroteTitle = true;
      }
      out.push(text);
      length += added;
    }
  }
  if (out.length === 1) out.push("", "No notable changes.");
  if (leftOut > 0) out.push("", `${leftOut} more ${leftOut === 1 ? "entry was" : "entries were"} left out.`);
  return `${out.join("\n")}
`;
}
function heading(context, repoUrl) {
  const date = formatDate(context.date);
  const when = date === "" ? "" : ` (${date})`;
  const version = inline(context.version);
  if (repoUrl !== null && context.previousTag !== null && context.tag !== null) {
    const compare = `${repoUrl}/compare/${encodeURIComponent(context.previousTag)}...${encodeURIComponent(context.tag)}`;
    return `## [${version}](${compare})${when}`;
  }
  return `## ${version}${when}`;
}
function formatDate(date) {
  if (typeof date === "string") return inline(date);
  return Number.isNaN(date.getTime()) ? "" : date.toISOString().slice(0, 10);
}
function renderEntry(entry, repoUrl) {
  const scope = entry.scope === null ? "" : `**${escapeScope(entry.scope)}:** `;
  const link = ` (${commitLink(entry.sha, repoUrl)})`;
  const references = entry.references.length === 0 ? "" : `, closes ${entry.references.map((n) => issueLink(n, repoUrl)).join(", ")}`;
  if (entry.section === "breaking") {
    const notes = entry.breakingNotes.length > 0 ? entry.breakingNotes : [entry.description];
    return notes.map((note) => `* ${scope}${block(note, `${link}${references}`)}`).join("\n");
  }
  return `* ${scope}${inline(entry.description)}${link}${references}`;
}
function commitLink(sha, repoUrl) {
  const short = sha.slice(0, 7);
  return repoUrl === null ? short : `[${short}](${repoUrl}/commit/${sha})`;
}
function issueLink(n, repoUrl) {
  return repoUrl === null ? `#${n}` : `[#${n}](${repoUrl}/issues/${n})`;
}
function inline(text) {
  return neutraliseStart(escapeOutsideCode(text.replace(/\s*\n\s*/g, " ").trim()));
}
function block(text, suffix) {
  const lines = text.trim().split("\n");
  let fenced = false;
  const rendered = lines.map((raw, i) => {
    const line = raw.trimEnd();
    const isFence = /^\s*(```|~~~)/.test(line);
    let out;
    if (fenced || isFence) out = line;
    else out = neutraliseStart(escapeOutsideCode(i === 0 ? line.trim() : line));
    if (isFence) fenced = !fenced;
    if (i === 0) return `${out}${suffix}`;
    return out === "" ? "" : `  ${out}`;
  });
  if (fenced) rendered.push("  ```");
  return rendered.join("\n");
}
function escapeOutsideCode(text) {
  if (text.indexOf("<") === -1) return text;
  let out = "";
  let i = 0;
  while (i < text.length) {
    const tick = text.indexOf("`", i);
    if (tick === -1) {
      out += text.slice(i).replace(/</g, "\\<");
      break;
    }
    out += text.slice(i, tick).replace(/</g, "\\<");
    let run = tick;
    while (text.charCodeAt(run) === 96) run++;
    const fence = text.slice(tick, run);
    const close = findClosingRun(text, run, fence.length);
    if (close === -1) {
      out += fence;
      i = run;
    } else {
      out += text.slice(tick, close + fence.length);
      i = close + fence.length;
    }
  }
  return out;
}
function findClosingRun(text, from, size) {
  let i = text.indexOf("`", from);
  while (i !== -1) {
    let end = i;
    while (text.charCodeAt(end) === 96) end++;
    if (end - i === size) return i;
    i = text.indexOf("`", end);
  }
  return -1;
}
function neutraliseStart(line) {
  const indent = /^\s*/.exec(line)[0];
  const rest = line.slice(indent.length);
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(rest);
  if (ordered !== null) return `${indent}${ordered[1]}\\${rest.slice(ordered[1].length)}`;
  if (/^(?:#|>|[-+*](?:\s|$)|[-*_=]{3,}\s*$|=|\[)/.test(rest)) return `${indent}\\${rest}`;
  return line;
}
function escapeScope(scope) {
  return scope.replace(/[\\`*_<>[\]]/g, "\\$&");
}

// src/commands/version.ts
var REMOTE = "origin";
async function runVersion(settings, ports, context, options = {}) {
  const { git, logger } = ports;
  const [inspected, tagsRead] = await Promise.allSettled([
    git.inspect(),
    git.listTags(`${settings.tagPrefix}*`)
  ]);
  if (inspected.status === "rejected") throw inspected.reason;
  const clone = inspected.value;
  if (clone === null) {
    throw new ShipguardError(`${settings.workingDirectory} is not inside a git repository.`, {
      remedy: "Run in a clone of the repository (in a workflow: actions/checkout with `fetch-depth: 0` before this step), or set working-directory (`--cwd`) to one.",
      input: "working-directory",
      value: settings.workingDirectory
    });
  }
  if (clone.head === null) {
    throw new ShipguardError(
      `The repository at ${clone.topLevel} has no commits yet (HEAD does not resolve).`,
      {
        remedy: "Commit something first, or point working-directory at a repository with history."
      }
    );
  }
  const head = clone.head;
  if (tagsRead.status === "rejected") throw tagsRead.reason;
  const tagsBefore = tagsRead.value;
  const fetched = await ensureHistory(
    settings,
    { shallow: clone.shallow, anyTags: tagsBefore.length > 0 },
    git,
    logger
  );
  const allTags = fetched ? await git.listTags(`${settings.tagPrefix}*`) : tagsBefore;
  const tags = options.ignoreTagsAtHead ? allTags.filter((t) => t.sha !== head) : allTags;
  const { reachable, analysis } = await readRange(tags, settings, head, git);
  const baseline = selectBaseline(tags, reachable, settings.tagPrefix, (m) => logger.debug(m));
  const prerelease = settings.prerelease ?? await branchPrerelease(settings, context, git);
  const decision = decideVersion({
    analysis,
    baseline,
    settings: {
      initialVersion: settings.initialVersion,
      majorZeroBreaking: settings.majorZeroBreaking,
      prerelease,
      buildMetadata: settings.buildMetadata
    },
    tagPrefix: settings.tagPrefix
  });
  let { version, tag, releaseNeeded, reason } = decision;
  const warnings = [...baseline.warnings, ...decision.warnings];
  const alreadyTagged = version === null ? void 0 : tagAtHead(tags, head, settings.tagPrefix, version);
  if (alreadyTagged !== void 0) {
    reason = `HEAD is already tagged ${alreadyTagged.name}: nothing new to release.`;
    version = null;
    tag = null;
    releaseNeeded = false;
  }
  const repoUrl = context.serverUrl && context.repository ? `${context.serverUrl}/${context.repository}` : null;
  const notes = version === null ? "" : renderNotes(analysis, {
    version,
    tag: tag ?? `${settings.tagPrefix}${version}`,
    previousTag: decision.previousTag,
    repoUrl,
    date: (ports.now ?? (() => /* @__PURE__ */ new Date()))()
  });
  for (const w of warnings) logger.warning(w);
  return {
    version,
    previousVersion: decision.previousVersion,
    tag,
    previousTag: decision.previousTag,
    bump: releaseNeeded ? decision.bump : "none",
    releaseNeeded,
    prerelease: version !== null && import_semver2.default.prerelease(version) !== null,
    commitCount: analysis.commitCount,
    notes,
    sha: head,
    reason,
    warnings,
    analysis,
    existingVersions: baseline.versions.map((t) => ({
      name: t.name,
      version: t.version,
      prerelease: t.prerelease
    })),
    tagsAtHead: allTags.filter((t) => t.sha === head).map((t) => t.name)
  };
}
async function branchPrerelease(settings, context, git) {
  if (settings.prereleaseBranches.size === 0) return null;
  const branch = context.branch ?? await git.currentBranch();
  return branch === null ? null : settings.prereleaseBranches.get(branch) ?? null;
}
async function ensureHistory(settings, clone, git, logger) {
  const { shallow } = clone;
  const hasRemote = (shallow || settings.fetchHistory && !clone.anyTags) && await git.hasRemote(REMOTE);
  if (shallow) {
    if (!settings.fetchHistory || !hasRemote) {
      throw new ShipguardError(
        `The clone is shallow${hasRemote ? "" : ` and has no \`${REMOTE}\` remote to deepen it from`}: its history and tags are incomplete, so the version would be wrong.`,
        {
          remedy: "Check out with full history: `actions/checkout` with `fetch-depth: 0` (or `git fetch --unshallow --tags`)" + (settings.fetchHistory ? "." : ", or leave fetch-history at `true` so shipguard deepens it."),
          input: "fetch-history",
          value: String(settings.fetchHistory)
        }
      );
    }
    logger.info(`The clone is shallow: fetching full history and tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, true);
    } catch (error) {
      throw new ShipguardError(
        `The clone is shallow and deepening it failed (${error instanceof Error ? error.message : String(error)}).`,
        {
          remedy: "Check out with full history: `actions/checkout` with `fetch-depth: 0`, and a token that can read the repository.",
          cause: error
        }
      );
    }
    return true;
  }
  if (settings.fetchHistory && hasRemote && !clone.anyTags) {
    logger.info(`No version tags in the clone: fetching tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, false);
      return true;
    } catch (error) {
      logger.warning(
        `No tags in the clone and fetching them from ${REMOTE} failed (${error instanceof Error ? error.message : String(error)}). If the repository has release tags, check out with \`fetch-depth: 0\` so the version starts from them.`
      );
    }
  }
  return false;
}
async function readRange(tags, settings, head, git) {
  const versions = tags.map((t) => ({ tag: t, parsed: parseVersionTag(t.name, settings.tagPrefix) })).filter((v) => v.parsed !== null).sort((a, b) => import_semver2.default.rcompare(a.parsed.version, b.parsed.version));
  const candidates = versions.filter((v) => !v.parsed.prerelease);
  candidates.push(null);
  let fastPathTried = false;
  for (const candidate of candidates) {
    const base = candidate?.tag ?? null;
    if (base !== null && base.sha !== head && fastPathTried && !await git.isAncestor(base.sha, head))
      continue;
    const floor = candidate?.parsed.version ?? null;
    const above = new Set(
      versions.filter((v) => floor === null || import_semver2.default.gt(v.parsed.version, floor)).map((v) => v.tag.sha)
    );
    const seen = /* @__PURE__ */ new Set();
    const analyzer = new HistoryAnalyzer(settings.releaseRules);
    let boundaryHit = base === null || base.sha === head;
    if (base === null || base.sha !== head) {
      await git.streamCommits(
        head,
        base?.sha ?? null,
        (commit) => {
          analyzer.add(commit);
          if (above.size > 0 && above.has(commit.sha)) seen.add(commit.sha);
        },
        (sha) => {
          if (sha === base?.sha) boundaryHit = true;
        }
      );
    }
    if (!boundaryHit && !fastPathTried) {
      fastPathTried = true;
      continue;
    }
    fastPathTried = true;
    if (base !== null) seen.add(base.sha);
    seen.add(head);
    const reachable = new Set(tags.filter((t) => seen.has(t.sha)).map((t) => t.name));
    return { reachable, analysis: analyzer.finish() };
  }
  throw new Error("unreachable: the whole-history candidate always succeeds");
}
function tagAtHead(tags, head, prefix, version) {
  const wanted = import_semver2.default.parse(version);
  if (wanted === null || wanted.prerelease.length === 0) return void 0;
  return tags.find((t) => {
    if (t.sha !== head) return false;
    const v = parseVersionTag(t.name, prefix);
    const parsed = v === null ? null : import_semver2.default.parse(v.version);
    return parsed !== null && parsed.major === wanted.major && parsed.minor === wanted.minor && parsed.patch === wanted.patch && String(parsed.prerelease[0]) === String(wanted.prerelease[0]);
  });
}

// src/commands/release.ts
var import_semver3 = __toESM(require_semver(), 1);
async function runRelease(settings, ports, context) {
  const { forge, logger } = ports;
  let version = await runVersion(settings, ports, context);
  if (!version.releaseNeeded && version.tagsAtHead.length > 0) {
    const before = await runVersion(settings, ports, context, { ignoreTagsAtHead: true });
    if (before.tag !== null && version.tagsAtHead.includes(before.tag)) version = before;
  }
  const steps = [];
  const result = {
    version,
    released: false,
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
  const { tag, sha } = { tag: version.tag, sha: version.sha };
  const floating = floatingTagsFor(settings, version);
  const makeLatest = isHighestStable(version);
  if (settings.dryRun) {
    steps.push(`Would create the tag ${tag} on ${sha} in ${forge.describe}.`);
    if (forge.releases) {
      steps.push(
        `Would create and publish the release ${tag}${version.prerelease ? " as a prerelease" : ""}${makeLatest ? ", marked latest" : ""}.`
      );
    }
    for (const f of floating) steps.push(`Would move the floating tag ${f} to ${sha}.`);
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
    throw new ShipguardError(
      `The tag ${tag} was reported to exist in ${forge.describe} but cannot be read back.`,
      {
        remedy: "Re-run the job; if it persists, check the tag in the repository's tag list and delete it if it is broken."
      }
    );
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
    if (release.draft) {
      release = await forge.releases.publish(release, { makeLatest });
      steps.push(`Published ${release.url}${makeLatest ? " as the latest release" : ""}.`);
    }
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
function isHighestStable(v) {
  if (v.version === null || v.prerelease) return false;
  const mine = v.version;
  return v.existingVersions.every((t) => t.prerelease || t.name === v.tag || import_semver3.default.gt(mine, t.version));
}
function floatingTagsFor(settings, v) {
  if (settings.floatingTags === "none" || v.version === null || v.prerelease) return [];
  const parsed = import_semver3.default.parse(v.version);
  if (parsed === null) return [];
  const stable = v.existingVersions.filter((t) => !t.prerelease && t.name !== v.tag).map((t) => import_semver3.default.parse(t.version));
  const tags = [];
  if (stable.every((o) => o.major !== parsed.major || import_semver3.default.gt(parsed, o)))
    tags.push(`${settings.tagPrefix}${parsed.major}`);
  if (settings.floatingTags === "major-minor" && stable.every((o) => o.major !== parsed.major || o.minor !== parsed.minor || import_semver3.default.gt(parsed, o))) {
    tags.push(`${settings.tagPrefix}${parsed.major}.${parsed.minor}`);
  }
  return tags;
}

export {
  runVersion,
  runRelease
};
