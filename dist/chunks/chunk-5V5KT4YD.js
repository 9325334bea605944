import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  OUTPUT_LIMIT_BYTES,
  capText
} from "./chunk-BCCI77KM.js";
import {
  PackageClaims,
  bumpFor,
  bumpRank,
  decideVersion,
  globToRegExp,
  maxBump,
  parseVersionTag,
  releaseAsTargets,
  ruleFor,
  selectBaseline,
  unreachableAboveWarning,
  versionProblem,
  withoutReleaseAs
} from "./chunk-CT5YCGQG.js";
import {
  require_semver
} from "./chunk-DRFFNYML.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

// src/presenters/version.ts
function versionOutputs(r) {
  return {
    version: r.version ?? "",
    "previous-version": r.previousVersion ?? "",
    tag: r.tag ?? "",
    "previous-tag": r.previousTag ?? "",
    bump: r.bump,
    "release-needed": String(r.releaseNeeded),
    prerelease: String(r.prerelease),
    "commit-count": String(r.commitCount),
    notes: r.notes
  };
}
function versionJson(r) {
  return {
    version: r.version,
    previousVersion: r.previousVersion,
    tag: r.tag,
    previousTag: r.previousTag,
    bump: r.bump,
    releaseNeeded: r.releaseNeeded,
    prerelease: r.prerelease,
    commitCount: r.commitCount,
    sha: r.sha,
    reason: r.reason,
    maintenanceLine: r.maintenanceLine,
    warnings: r.warnings,
    notes: r.notes
  };
}
function versionSummary(r) {
  const counts = Object.entries(r.analysis.countsByType).sort(
    (a, b) => b[1] - a[1] || a[0].localeCompare(b[0])
  );
  const parts = [
    `### shipguard version: ${r.releaseNeeded ? `release ${cell(r.tag ?? "")}` : "no release needed"}`,
    "",
    cell(r.reason),
    ""
  ];
  if (counts.length > 0) {
    parts.push(
      table(
        ["type", "commits"],
        counts.map(([type, n]) => [`\`${cell(type)}\``, String(n)])
      ),
      ""
    );
  }
  parts.push(
    `${r.commitCount} commit(s) counted since ${r.previousTag === null ? "the beginning" : `\`${cell(r.previousTag)}\``}` + (r.analysis.mergeCount > 0 ? `, ${r.analysis.mergeCount} merge commit(s) skipped for the bump` : "") + (r.analysis.cancelledCount > 0 ? `, ${r.analysis.cancelledCount} cancelled by reverts` : "") + "."
  );
  for (const w of r.warnings) parts.push("", `> [!WARNING]
> ${cell(w)}`);
  if (r.notes !== "")
    parts.push("", "<details><summary>Release notes</summary>", "", r.notes, "", "</details>");
  return `${parts.join("\n")}
`;
}
function versionText(r) {
  const lines = [
    r.releaseNeeded ? `Next version: ${r.tag} (${r.bump})` : "No release needed.",
    `Previous: ${r.previousTag ?? "none"}`,
    `Commits counted: ${r.commitCount}`,
    `Why: ${r.reason}`
  ];
  if (r.maintenanceLine !== null) lines.splice(2, 0, `Maintenance line: ${r.maintenanceLine}`);
  return `${lines.join("\n")}
`;
}

// src/presenters/version-packages.ts
function rootOf(r) {
  return r.packages.find((p) => p.path === ".") ?? null;
}
var NOTHING = () => ({});
function entryOf(p, notes = p.notes, extra = NOTHING) {
  return {
    component: p.component,
    version: p.version,
    "previous-version": p.previousVersion,
    tag: p.tag,
    "previous-tag": p.previousTag,
    bump: p.bump,
    "release-needed": p.releaseNeeded,
    "commit-count": p.commitCount,
    reason: p.reason,
    notes,
    // Not in the single-package outputs: what deploy needs to find the tag of `version`.
    "tag-prefix": p.tagPrefix,
    ...extra(p)
  };
}
function releasedPaths(r) {
  return r.packages.filter((p) => p.releaseNeeded).map((p) => p.path);
}
function packagesOutputs(r, limit = OUTPUT_LIMIT_BYTES) {
  const root = rootOf(r);
  const single = root === null ? Object.fromEntries(Object.keys(versionOutputs(r.packages[0])).map((n) => [n, ""])) : versionOutputs(root);
  return {
    ...single,
    packages: packagesOutput(r, limit),
    "released-packages": JSON.stringify(releasedPaths(r))
  };
}
function packagesOutput(r, limit, extra = NOTHING) {
  const whole = JSON.stringify(
    Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p, p.notes, extra)]))
  );
  if (Buffer.byteLength(whole) <= limit) return whole;
  const bare = JSON.stringify(Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p, "", extra)])));
  let share = Math.floor((limit - Buffer.byteLength(bare)) / Math.max(1, r.packages.length) / 1.5);
  for (; ; ) {
    const cut = (notes) => capText(
      notes,
      Math.max(0, share),
      (bytes) => `\u2026 (shipguard cut ${bytes} bytes of these notes to keep the \`packages\` output within GitHub's 1 MB; the release carries them whole.)`
    ).text;
    const text = JSON.stringify(
      Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p, cut(p.notes), extra)]))
    );
    if (Buffer.byteLength(text) <= limit || share <= 0) return text;
    share = Math.floor(share / 2);
  }
}
function packagesJson(r) {
  const root = rootOf(r);
  const warnings = [
    ...r.warnings,
    ...r.packages.flatMap((p) => p.warnings.map((w) => p === root ? w : `${p.path}: ${w}`))
  ];
  const single = root === null ? {
    version: null,
    previousVersion: null,
    tag: null,
    previousTag: null,
    bump: null,
    releaseNeeded: null,
    prerelease: null,
    commitCount: null,
    sha: r.sha,
    reason: packagesReason(r),
    warnings,
    notes: null
  } : { ...versionJson(root), warnings };
  return {
    ...single,
    packages: Object.fromEntries(r.packages.map((p) => [p.path, entryOf(p)])),
    releasedPackages: releasedPaths(r)
  };
}
function packagesReason(r) {
  const released = r.packages.filter((p) => p.releaseNeeded);
  const of = `${r.packages.length} package${r.packages.length === 1 ? "" : "s"}`;
  if (released.length === 0) return `No release needed in any of the ${of}.`;
  const list = released.map((p) => `${p.path} (${p.tag})`).join(", ");
  return `${released.length} of ${of} need${released.length === 1 ? "s" : ""} a release: ${list}.`;
}
function packagesText(r) {
  const width = Math.max(...r.packages.map((p) => p.path.length));
  const lines = r.packages.map((p) => {
    const what = p.releaseNeeded ? `${p.tag} (${p.bump})` : "no release needed";
    const commits = `${p.commitCount} commit${p.commitCount === 1 ? "" : "s"}`;
    return `${p.path.padEnd(width)}  ${what}, previous ${p.previousTag ?? "none"}, ${commits}`;
  });
  return `${lines.join("\n")}
`;
}
function packagesSummary(r) {
  const released = r.packages.filter((p) => p.releaseNeeded);
  const parts = [
    `### shipguard version: ${released.length === 0 ? "no release needed" : `${released.length} of ${r.packages.length} packages to release`}`,
    "",
    table(
      ["package", "component", "previous", "next", "bump", "commits", "why"],
      r.packages.map((p) => [
        `\`${cell(p.path)}\``,
        cell(p.component),
        p.previousTag === null ? "none" : `\`${cell(p.previousTag)}\``,
        p.tag === null ? "no release" : `\`${cell(p.tag)}\``,
        p.bump,
        String(p.commitCount),
        cell(p.reason)
      ])
    )
  ];
  for (const w of r.warnings) parts.push("", `> [!WARNING]
> ${cell(w)}`);
  for (const p of r.packages)
    for (const w of p.warnings) parts.push("", `> [!WARNING]
> ${cell(`${p.path}: ${w}`)}`);
  for (const p of released) {
    parts.push(
      "",
      `<details><summary>Release notes: ${cell(p.tag ?? "")}</summary>`,
      "",
      p.notes,
      "",
      "</details>"
    );
  }
  return `${parts.join("\n")}
`;
}

// src/steps/compute-version.ts
var import_semver4 = __toESM(require_semver(), 1);

// src/core/analysis.ts
var import_semver = __toESM(require_semver(), 1);

// node_modules/conventional-commits-parser/dist/regex.js
var nomatchRegex = /(?!.*)/;
function escape(string) {
  return string.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
function joinOr(parts) {
  return parts.map((val) => typeof val === "string" ? escape(val.trim()) : val.source).filter(Boolean).join("|");
}
function getNotesRegex(noteKeywords, notesPattern) {
  if (!noteKeywords) {
    return nomatchRegex;
  }
  const noteKeywordsSelection = joinOr(noteKeywords);
  if (!notesPattern) {
    return new RegExp(`^(?:\\*\\s+)?(${noteKeywordsSelection}):\\s*(.*)`, "i");
  }
  return notesPattern(noteKeywordsSelection);
}
function getReferencePartsRegex(issuePrefixes, issuePrefixesCaseSensitive) {
  if (!issuePrefixes) {
    return nomatchRegex;
  }
  const flags = issuePrefixesCaseSensitive ? "gy" : "giy";
  const repositoryChar = "[\\w-\\.\\/]";
  return new RegExp(`.*?(?<!${repositoryChar})(?:(${repositoryChar}+)(?!${repositoryChar}))?(${joinOr(issuePrefixes)})((?=[\\w-]*\\d)[\\w-]+)(?=\\s|$|[,;.)\\]])`, flags);
}
function getReferencesRegex(referenceActions, separator = "") {
  if (!referenceActions) {
    return /()(.+)/gi;
  }
  const joinedKeywords = joinOr(referenceActions);
  const nextKeyword = `(?<!\\w)(?:${joinedKeywords})(?!\\w)`;
  return new RegExp(`(?<!\\w)(${joinedKeywords})${separator}(?:\\s+(.*?))(?=${nextKeyword}|$)`, "gi");
}
function getFooterTokenRegex(issuePrefixes) {
  const issuePrefixSeparator = issuePrefixes ? `|\\s+(?:${joinOr(issuePrefixes)})` : "";
  return new RegExp(`^(?:BREAKING CHANGE|[\\w-]+)(?::\\s+${issuePrefixSeparator}).+`, "i");
}
function getParserRegexes(options = {}) {
  const notes = getNotesRegex(options.noteKeywords, options.notesPattern);
  const referenceParts = getReferencePartsRegex(options.issuePrefixes, options.issuePrefixesCaseSensitive);
  const references = getReferencesRegex(options.referenceActions);
  const footerReferences = getReferencesRegex(options.referenceActions, ":?");
  const footerToken = getFooterTokenRegex(options.issuePrefixes);
  return {
    notes,
    referenceParts,
    references,
    footerReferences,
    footerToken,
    mentions: /@([\w-]+)/g,
    url: /\b(?:https?):\/\/(?:www\.)?([-a-zA-Z0-9@:%_+.~#?&//=])+\b/
  };
}

// node_modules/conventional-commits-parser/dist/utils.js
var SCISSOR = "------------------------ >8 ------------------------";
function trimNewLines(input) {
  const matches = input.match(/[^\r\n]/);
  if (typeof matches?.index !== "number") {
    return "";
  }
  const firstIndex = matches.index;
  let lastIndex = input.length - 1;
  while (input[lastIndex] === "\r" || input[lastIndex] === "\n") {
    lastIndex--;
  }
  return input.substring(firstIndex, lastIndex + 1);
}
function appendLine(src, line) {
  return src ? `${src}
${line || ""}` : line || "";
}
function getCommentFilter(char) {
  return char ? (line) => !line.startsWith(char) : () => true;
}
function truncateToScissor(lines, commentChar) {
  const scissorIndex = lines.indexOf(`${commentChar} ${SCISSOR}`);
  if (scissorIndex === -1) {
    return lines;
  }
  return lines.slice(0, scissorIndex);
}
function gpgFilter(line) {
  return !line.match(/^\s*gpg:/);
}
function assignMatchedCorrespondence(target, matches, correspondence) {
  const { groups } = matches;
  for (let i = 0, len = correspondence.length, key; i < len; i++) {
    key = correspondence[i];
    target[key] = (groups ? groups[key] : matches[i + 1]) || null;
  }
  return target;
}

// node_modules/conventional-commits-parser/dist/options.js
var defaultOptions = {
  noteKeywords: ["BREAKING CHANGE", "BREAKING-CHANGE"],
  issuePrefixes: ["#"],
  referenceActions: [
    "close",
    "closes",
    "closed",
    "fix",
    "fixes",
    "fixed",
    "resolve",
    "resolves",
    "resolved"
  ],
  headerPattern: /^(\w*)(?:\(([\w$@.\-*/ ]*)\))?: (.*)$/,
  headerCorrespondence: [
    "type",
    "scope",
    "subject"
  ],
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit (\w*)\.?/,
  revertCorrespondence: ["header", "hash"],
  // The field name must contain at least one word character so that
  // YAML document markers like `---` are not treated as field markers.
  fieldPattern: /^-(?=.*\w)(.*?)-$/
};

// node_modules/conventional-commits-parser/dist/CommitParser.js
function createCommitObject(initialData = {}) {
  return {
    merge: null,
    revert: null,
    header: null,
    body: null,
    footer: null,
    notes: [],
    mentions: [],
    references: [],
    ...initialData
  };
}
var CommitParser = class {
  options;
  regexes;
  lines = [];
  lineIndex = 0;
  commit = createCommitObject();
  constructor(options = {}) {
    this.options = {
      ...defaultOptions,
      ...options
    };
    this.regexes = getParserRegexes(this.options);
  }
  currentLine() {
    return this.lines[this.lineIndex];
  }
  nextLine() {
    return this.lines[this.lineIndex++];
  }
  isLineAvailable() {
    return this.lineIndex < this.lines.length;
  }
  parseReference(input, action) {
    const { regexes } = this;
    if (regexes.url.test(input)) {
      return null;
    }
    const matches = regexes.referenceParts.exec(input);
    if (!matches) {
      return null;
    }
    let [raw, repository = null, prefix, issue] = matches;
    let owner = null;
    if (repository) {
      const slashIndex = repository.indexOf("/");
      if (slashIndex !== -1) {
        owner = repository.slice(0, slashIndex);
        repository = repository.slice(slashIndex + 1);
      }
    }
    return {
      raw,
      action,
      owner,
      repository,
      prefix,
      issue
    };
  }
  parseReferences(input, isFooterToken = false) {
    const { regexes } = this;
    const regex = isFooterToken ? regexes.footerReferences : regexes.references;
    const sentences = [];
    let lastIndex = 0;
    let matches;
    while (true) {
      matches = regex.exec(input);
      if (!matches) {
        break;
      }
      sentences.push([null, input.slice(lastIndex, matches.index)], [matches[1] || null, matches[2] || ""]);
      lastIndex = regex.lastIndex;
    }
    sentences.push([null, input.slice(lastIndex)]);
    const references = [];
    let reference;
    for (const [action, sentence] of sentences) {
      while (true) {
        reference = this.parseReference(sentence, action);
        if (!reference) {
          break;
        }
        references.push(reference);
      }
    }
    return references;
  }
  skipEmptyLines() {
    let line = this.currentLine();
    while (line !== void 0 && !line.trim()) {
      this.nextLine();
      line = this.currentLine();
    }
  }
  parseMerge() {
    const { commit, options } = this;
    const correspondence = options.mergeCorrespondence || [];
    const merge = this.currentLine();
    const matches = merge && options.mergePattern ? merge.match(options.mergePattern) : null;
    if (matches) {
      this.nextLine();
      commit.merge = matches[0] || null;
      assignMatchedCorrespondence(commit, matches, correspondence);
      return true;
    }
    return false;
  }
  parseHeader(isMergeCommit) {
    if (isMergeCommit) {
      this.skipEmptyLines();
    }
    const { commit, options } = this;
    const correspondence = options.headerCorrespondence || [];
    const header = commit.header ?? this.nextLine();
    let matches = null;
    if (header) {
      if (options.breakingHeaderPattern) {
        matches = header.match(options.breakingHeaderPattern);
      }
      if (!matches && options.headerPattern) {
        matches = header.match(options.headerPattern);
      }
    }
    if (header) {
      commit.header = header;
    }
    if (matches) {
      assignMatchedCorrespondence(commit, matches, correspondence);
    }
  }
  parseMeta() {
    const { options, commit } = this;
    if (!options.fieldPattern || !this.isLineAvailable()) {
      return false;
    }
    let matches;
    let field = null;
    let parsed = false;
    while (this.isLineAvailable()) {
      matches = this.currentLine().match(options.fieldPattern);
      if (matches) {
        field = matches[1] || null;
        this.nextLine();
        continue;
      }
      if (field) {
        parsed = true;
        commit[field] = appendLine(commit[field], this.currentLine());
        this.nextLine();
      } else {
        break;
      }
    }
    return parsed;
  }
  parseNotes() {
    const { regexes, commit } = this;
    if (!this.isLineAvailable()) {
      return false;
    }
    const matches = this.currentLine().match(regexes.notes);
    let isFooterToken;
    if (matches) {
      const note = {
        title: matches[1],
        text: matches[2]
      };
      commit.notes.push(note);
      commit.footer = appendLine(commit.footer, this.currentLine());
      this.nextLine();
      while (this.isLineAvailable()) {
        if (this.parseMeta()) {
          return true;
        }
        if (this.parseNotes()) {
          return true;
        }
        isFooterToken = regexes.footerToken.test(this.currentLine());
        commit.references.push(...this.parseReferences(this.currentLine(), isFooterToken));
        if (!isFooterToken) {
          note.text = appendLine(note.text, this.currentLine());
        }
        commit.footer = appendLine(commit.footer, this.currentLine());
        this.nextLine();
        if (isFooterToken) {
          break;
        }
      }
      return true;
    }
    return false;
  }
  parseBodyAndFooter(isBody) {
    const { commit, regexes } = this;
    if (!this.isLineAvailable()) {
      return isBody;
    }
    const isFooterToken = regexes.footerToken.test(this.currentLine());
    const isStillBody = !isFooterToken && isBody;
    commit.references.push(...this.parseReferences(this.currentLine(), isFooterToken));
    if (isStillBody) {
      commit.body = appendLine(commit.body, this.currentLine());
    } else {
      commit.footer = appendLine(commit.footer, this.currentLine());
    }
    this.nextLine();
    return isStillBody;
  }
  parseBreakingHeader() {
    const { commit, options } = this;
    if (!options.breakingHeaderPattern || commit.notes.length || !commit.header) {
      return;
    }
    const matches = commit.header.match(options.breakingHeaderPattern);
    if (matches) {
      commit.notes.push({
        title: "BREAKING CHANGE",
        text: matches[3]
      });
    }
  }
  parseMentions(input) {
    const { commit, regexes } = this;
    let matches;
    for (; ; ) {
      matches = regexes.mentions.exec(input);
      if (!matches) {
        break;
      }
      commit.mentions.push(matches[1]);
    }
  }
  parseRevert(input) {
    const { commit, options } = this;
    const correspondence = options.revertCorrespondence || [];
    const matches = options.revertPattern ? input.match(options.revertPattern) : null;
    if (matches) {
      commit.revert = assignMatchedCorrespondence({}, matches, correspondence);
    }
  }
  cleanupCommit() {
    const { commit } = this;
    commit.body &&= trimNewLines(commit.body);
    commit.footer &&= trimNewLines(commit.footer);
    commit.notes.forEach((note) => {
      note.text = trimNewLines(note.text);
    });
    const referencesSet = /* @__PURE__ */ new Set();
    commit.references = commit.references.filter((reference) => {
      const uid = `${reference.action} ${reference.raw}`.toLocaleLowerCase();
      const ok = !referencesSet.has(uid);
      if (ok) {
        referencesSet.add(uid);
      }
      return ok;
    });
  }
  /**
   * Parse commit message string into an object.
   * @param input - Commit message string.
   * @returns Commit object.
   */
  parse(input) {
    if (!input.trim()) {
      throw new TypeError("Expected a raw commit");
    }
    const { commentChar } = this.options;
    const commentFilter = getCommentFilter(commentChar);
    const rawLines = trimNewLines(input).split(/\r?\n/);
    const lines = commentChar ? truncateToScissor(rawLines, commentChar).filter((line) => commentFilter(line) && gpgFilter(line)) : rawLines.filter((line) => gpgFilter(line));
    const commit = createCommitObject();
    this.lines = lines;
    this.lineIndex = 0;
    this.commit = commit;
    const isMergeCommit = this.parseMerge();
    this.parseHeader(isMergeCommit);
    if (commit.header) {
      commit.references = this.parseReferences(commit.header);
    }
    let isBody = true;
    while (this.isLineAvailable()) {
      this.parseMeta();
      if (this.parseNotes()) {
        isBody = false;
      }
      if (!this.parseBodyAndFooter(isBody)) {
        isBody = false;
      }
    }
    this.parseBreakingHeader();
    this.parseMentions(input);
    this.parseRevert(input);
    this.cleanupCommit();
    return commit;
  }
};

// src/core/conventional-reading.ts
var TYPE = "[A-Za-z][\\w-]*";
var SCOPE = "[^()\\r\\n]*";
var DESCRIPTION = "\\S.*";
var HEADER_PATTERN = new RegExp(`^(${TYPE})(?:\\((${SCOPE})\\))?!?: +(${DESCRIPTION})$`);
var BREAKING_HEADER_PATTERN = new RegExp(`^(${TYPE})(?:\\((${SCOPE})\\))?!: +(${DESCRIPTION})$`);
var HEADER_START = /^[A-Za-z][\w-]*(?:\([^()\r\n]*\))?!?: +\S/;
var NOTE_KEYWORDS = ["BREAKING CHANGE", "BREAKING-CHANGE"];
var NOTE_HINT = /BREAKING[ -]CHANGE/gi;
var NOTE_LINE = /^(?:\*\s+)?(?:BREAKING CHANGE|BREAKING-CHANGE):/gim;
var REVERT_HINT = "This reverts commit ";
var GPG_LINE = /^\s*gpg:/;
var PARSER_OPTIONS = {
  headerPattern: HEADER_PATTERN,
  breakingHeaderPattern: BREAKING_HEADER_PATTERN,
  headerCorrespondence: ["type", "scope", "subject"],
  noteKeywords: NOTE_KEYWORDS,
  revertPattern: /^Revert\s"([\s\S]*)"\s*This reverts commit ([0-9a-fA-F]{7,40})\b/,
  revertCorrespondence: ["header", "hash"],
  // `-field-` blocks and reference actions (`Closes #1`) are not read. The issue prefix stays: with
  // none, the package scans every line with a pattern that is quadratic in the line's length.
  // Links come from our own scan, which skips other repositories' `owner/repo#12` and entities.
  fieldPattern: void 0,
  referenceActions: void 0,
  mergePattern: void 0,
  commentChar: void 0
};
var parser = quietParser(PARSER_OPTIONS);
function quietParser(options) {
  const quiet = new CommitParser(options);
  quiet.parseReferences = () => [];
  quiet.parseMentions = () => {
  };
  return quiet;
}
var NOT_BLANK = /\S/;
var NO_NOTES = Object.freeze([]);
var NO_HEADER = Object.freeze({
  type: null,
  scope: null,
  subject: "",
  bang: false,
  notes: NO_NOTES,
  revert: null
});
function read(segment) {
  const first = firstLine(segment);
  if (first === null) return null;
  const bodyAt = headerEnd(segment);
  const hinted = bodyAt < segment.length && hasNoteHint(segment, bodyAt) || segment.includes(REVERT_HINT);
  const gpg = GPG_LINE.test(first);
  if (!hinted && !gpg && first.indexOf("\r") === -1) return readHeaderLine(first);
  if (!hinted && !gpg && !HEADER_START.test(first)) return null;
  return interpret(parser.parse(segment));
}
function readHeaderLine(line) {
  const match = HEADER_PATTERN.exec(line);
  if (match === null) return NO_HEADER;
  const type = match[1];
  const scope = match[2];
  const subject = match[3];
  const bang = line.charCodeAt(type.length + (scope === void 0 ? 0 : scope.length + 2)) === 33;
  return {
    type,
    scope: scope || null,
    subject,
    bang,
    notes: bang ? [{ text: subject.trim(), upper: true }] : NO_NOTES,
    revert: null
  };
}
function interpret(commit) {
  const type = commit.type ?? null;
  const header = commit.header ?? "";
  const subject = commit.subject ?? "";
  let bang = false;
  if (type !== null) {
    let at = type.length;
    if (header.charCodeAt(at) === 40) at = header.indexOf(")", at) + 1;
    bang = header.charCodeAt(at) === 33;
  }
  const revert = commit.revert === null ? null : {
    header: commit.revert.header ?? null,
    hash: commit.revert.hash ?? null
  };
  return { type, scope: commit.scope ?? null, subject, bang, notes: notesOf(commit), revert };
}
function notesOf(commit) {
  if (commit.notes.length === 0) return NO_NOTES;
  return commit.notes.map((note) => ({
    text: note.text.trim(),
    // The spec: BREAKING CHANGE must be upper case; the package matches the keyword in any case.
    upper: note.title === "BREAKING CHANGE" || note.title === "BREAKING-CHANGE"
  }));
}
function headerStart(text) {
  let start = 0;
  while (start < text.length && (text.charCodeAt(start) === 10 || text.charCodeAt(start) === 13)) start++;
  return start;
}
function headerEnd(text) {
  const nl = text.indexOf("\n", headerStart(text));
  return nl === -1 ? text.length : nl + 1;
}
function hasNoteHint(text, from) {
  NOTE_HINT.lastIndex = from;
  return NOTE_HINT.test(text);
}
function firstLine(segment) {
  const start = headerStart(segment);
  if (start === segment.length || !NOT_BLANK.test(segment)) return null;
  const nl = segment.indexOf("\n", start);
  return nl === -1 ? segment.slice(start) : segment.slice(start, nl);
}

// src/core/conventional.ts
var BULLET_LINE = /^\* ([A-Za-z][\w-]*(?:\([^()\r\n]*\))?!?: +\S.*)$/gm;
var NEXT_BULLET = /^\* [A-Za-z][\w-]*(?:\([^()\r\n]*\))?!?: +\S/m;
var RELEASE_AS = /^release-as:[ \t]*(\S[^\n]*)$/im;
var REFS_FOOTER = /^refs(?::[ \t]*| +(?=#))([^\n]*)$/gim;
var SQUASH_SUFFIX = /\s*\(#(\d{1,9})\)$/;
var HASH_REFERENCE = /(?<![\w&/#])#(\d{1,9})(?!\w)/g;
var REFERENCE_FOOTER = /^[A-Za-z][\w-]*(?::[ \t]| (?=#))[^\n]*#\d[^\n]*/gm;
var REVERTS_COMMIT = /This reverts commit ([0-9a-fA-F]{7,40})(?![0-9a-fA-F])/g;
var SHA = /^[0-9a-fA-F]{7,40}$/;
var GIT_REVERT_SUBJECT = /^(Revert|Reapply) "(.*)"$/;
var MAX_REFERENCES = 50;
var MAX_NOTES = 20;
var NO_CHANGES = Object.freeze([]);
function parseMessage(text, footerReferences = true) {
  const bodyStart = headerEnd(text);
  const subject = displaySubject(text);
  const parsed = {
    header: null,
    bullets: [],
    looseNotes: [],
    releaseAs: null,
    revertsShas: [],
    revertsHeader: null,
    subject
  };
  const whole = read(text);
  const bulletStarts = bodyStart < text.length ? findBullets(text, bodyStart) : [];
  const titleEnd = bulletStarts.length > 0 ? bulletStarts[0] : text.length;
  if (whole !== null && whole.type !== null) {
    parsed.header = changeOf(whole, false);
    if (footerReferences || bulletStarts.length > 0)
      collectFooterReferences(text.slice(0, titleEnd), bodyStart, parsed.header.references);
  }
  const segments = [parsed.header];
  for (let i = 0; i < bulletStarts.length; i++) {
    const end = i + 1 < bulletStarts.length ? bulletStarts[i + 1] : text.length;
    const segment = text.slice(bulletStarts[i] + 2, end);
    const lineEnd = headerEnd(segment);
    const line = read(segment.slice(0, lineEnd));
    const change = line === null || line.type === null ? null : changeOf(line, true);
    if (change !== null) {
      collectFooterReferences(segment, lineEnd, change.references);
      parsed.bullets.push(change);
    }
    segments.push(change);
  }
  if (whole !== null) {
    if (whole.notes.length > 0) assignNotes(text, bodyStart, whole, bulletStarts, segments, parsed);
    if (whole.revert !== null) {
      if (whole.revert.hash !== null) addSha(parsed.revertsShas, whole.revert.hash.toLowerCase());
      if (whole.revert.header !== null) parsed.revertsHeader = whole.revert.header;
    }
  }
  if (bodyStart < text.length) readBodyExtras(text, bodyStart, parsed);
  if (parsed.revertsHeader === null) {
    const gitRevert = subject.charCodeAt(0) === 82 ? GIT_REVERT_SUBJECT.exec(subject) : null;
    if (gitRevert !== null) {
      parsed.revertsHeader = gitRevert[1] === "Revert" ? gitRevert[2] : `Revert "${gitRevert[2]}"`;
    } else if (parsed.header?.type === "revert" && parsed.revertsShas.length === 0) {
      parsed.revertsHeader = unquote(parsed.header.description);
    }
  }
  if (parsed.header !== null && parsed.bullets.length > 0)
    parsed.bullets = withoutHeaderRepeats(parsed.header, parsed.bullets);
  return parsed;
}
function addTitleFooterReferences(text, references) {
  const bodyStart = headerEnd(text);
  if (bodyStart >= text.length) return;
  const bulletStarts = findBullets(text, bodyStart);
  const titleEnd = bulletStarts.length > 0 ? bulletStarts[0] : text.length;
  collectFooterReferences(text.slice(0, titleEnd), bodyStart, references);
}
function changesOf(parsed, mode) {
  const header = parsed.header;
  if (parsed.bullets.length === 0 && parsed.looseNotes.length === 0)
    return header === null ? NO_CHANGES : [header];
  const readBullets = mode === "always" || mode === "fallback" && header === null;
  const orphanNotes = [...parsed.looseNotes];
  if (!readBullets) for (const bullet of parsed.bullets) orphanNotes.push(...bullet.notes);
  const changes = [];
  if (header !== null) {
    changes.push(orphanNotes.length === 0 ? header : withNotes(header, orphanNotes));
  } else if (orphanNotes.length > 0) {
    changes.push(withNotes(untypedChange(parsed.subject), orphanNotes));
  }
  if (readBullets) changes.push(...parsed.bullets);
  return changes;
}
function assignNotes(text, bodyStart, whole, bulletStarts, segments, parsed) {
  let notes = whole.notes;
  const lines = noteLineOffsets(text, bodyStart);
  if (whole.bang && notes.length === lines.length + 1) notes = notes.slice(0, -1);
  const located = lines.length === notes.length;
  let kept = 0;
  for (let i = 0; i < notes.length; i++) {
    const note = notes[i];
    if (!note.upper || kept >= MAX_NOTES) continue;
    kept++;
    const noteText = bulletStarts.length === 0 ? note.text : beforeBullet(note.text);
    let segment = 0;
    if (located) while (segment < bulletStarts.length && bulletStarts[segment] < lines[i]) segment++;
    const owner = segments[segment] ?? parsed.header;
    if (owner !== null) owner.notes.push(noteText);
    else parsed.looseNotes.push(noteText);
  }
  for (const change of segments) if (change !== null) settle(change);
}
function beforeBullet(note) {
  const at = note.search(NEXT_BULLET);
  return at === -1 ? note : note.slice(0, at).trim();
}
function noteLineOffsets(text, from) {
  const offsets = [];
  NOTE_LINE.lastIndex = from;
  for (let m = NOTE_LINE.exec(text); m !== null; m = NOTE_LINE.exec(text)) offsets.push(m.index);
  return offsets;
}
function changeOf(read2, fromSquashBody) {
  let description = read2.subject.trim();
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
  const scope = read2.scope === null ? "" : read2.scope.trim().toLowerCase();
  const change = {
    type: read2.type.toLowerCase(),
    scope: scope === "" ? null : scope,
    description,
    bang: read2.bang,
    notes: [],
    breaking: false,
    breakingNotes: [],
    references,
    fromSquashBody
  };
  return settle(change);
}
function settle(change) {
  change.breaking = change.bang || change.notes.length > 0;
  if (!change.breaking) {
    change.breakingNotes = [];
    return change;
  }
  const texts = change.notes.filter((note) => note !== "");
  change.breakingNotes = texts.length > 0 ? texts : change.breaking ? [change.description] : [];
  return change;
}
function withNotes(change, notes) {
  const merged2 = [...change.notes];
  for (const note of notes) if (!merged2.includes(note) || note === "") merged2.push(note);
  return settle({ ...change, notes: merged2 });
}
function untypedChange(subject) {
  const references = [];
  collectReferences(subject, references);
  return {
    type: "",
    scope: null,
    description: subject,
    bang: false,
    notes: [],
    breaking: false,
    breakingNotes: [],
    references,
    fromSquashBody: false
  };
}
function findBullets(text, from) {
  if (text.indexOf("\n* ", from - 1) === -1) return [];
  const starts = [];
  BULLET_LINE.lastIndex = from;
  for (let m = BULLET_LINE.exec(text); m !== null; m = BULLET_LINE.exec(text)) {
    if (!/^breaking-change[(!:]/i.test(m[1])) starts.push(m.index);
  }
  return starts;
}
function readBodyExtras(text, bodyStart, parsed) {
  const body = text.slice(bodyStart);
  if (/release-as:/i.test(body)) {
    const match = RELEASE_AS.exec(body);
    if (match !== null) parsed.releaseAs = match[1].trim();
  }
  if (body.includes(REVERT_HINT)) {
    REVERTS_COMMIT.lastIndex = 0;
    for (let m = REVERTS_COMMIT.exec(body); m !== null; m = REVERTS_COMMIT.exec(body)) {
      addSha(parsed.revertsShas, m[1].toLowerCase());
    }
  }
  if (parsed.header?.type === "revert") {
    REFS_FOOTER.lastIndex = 0;
    for (let m = REFS_FOOTER.exec(body); m !== null; m = REFS_FOOTER.exec(body)) {
      for (const word of m[1].split(/[\s,]+/))
        if (SHA.test(word)) addSha(parsed.revertsShas, word.toLowerCase());
    }
  }
}
function collectFooterReferences(segment, from, references) {
  if (segment.indexOf("#", from) === -1) return;
  REFERENCE_FOOTER.lastIndex = from;
  for (let m = REFERENCE_FOOTER.exec(segment); m !== null; m = REFERENCE_FOOTER.exec(segment)) {
    collectReferences(m[0], references);
  }
}
function displaySubject(text) {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const nl = text.indexOf("\n", start);
  return text.slice(start, nl === -1 ? text.length : nl).trim();
}
function collectReferences(text, references) {
  HASH_REFERENCE.lastIndex = 0;
  for (let m = HASH_REFERENCE.exec(text); m !== null; m = HASH_REFERENCE.exec(text)) {
    addReference(references, Number(m[1]));
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
      header.bang ||= bullet.bang;
      for (const note of bullet.notes) if (!header.notes.includes(note)) header.notes.push(note);
      for (const reference of bullet.references) addReference(header.references, reference);
      settle(header);
    } else {
      kept.push(bullet);
    }
  }
  return kept;
}
function unquote(value) {
  return value.length >= 2 && value.startsWith('"') && value.endsWith('"') ? value.slice(1, -1) : value;
}
function isSpace(code) {
  return code === 32 || code >= 9 && code <= 13 || code === 160 || code === 65279;
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
var FEW_TARGETS = 8;
var SECTION_OF = { feat: "feat", fix: "fix", perf: "perf", revert: "revert" };
var SECTIONS = ["breaking", "feat", "fix", "perf", "revert"];
var HistoryAnalyzer = class {
  rules;
  squashBullets;
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
  /** The commit being read, and its title's references still without their footers' `#N`. */
  message = "";
  titleReferences = null;
  /** `rules` are the user's release rules; the defaults apply behind them. */
  constructor(rules, squashBullets) {
    this.rules = rules;
    this.squashBullets = squashBullets;
    for (const section of SECTIONS) this.sections.set(section, { entries: [], size: 0 });
  }
  add(commit) {
    if (this.result !== null) throw new Error("HistoryAnalyzer.add() called after finish()");
    const index = this.commitsRead++;
    const merge = commit.parents.length > 1;
    if (merge) this.mergeCount++;
    const parsed = parseMessage(commit.message, false);
    this.message = commit.message;
    this.titleReferences = parsed.header === null ? null : parsed.header.references;
    if (this.settleTargets(commit.sha, parsed.subject)) {
      this.cancelledCount++;
      return;
    }
    if (isRevert(parsed)) {
      this.registerRevert(index, commit.sha, parsed, false);
      return;
    }
    if (parsed.revertsShas.length > 0) this.registerRevert(index, commit.sha, parsed, true);
    if (parsed.bullets.length === 0 && parsed.looseNotes.length === 0) {
      if (parsed.header !== null) this.addChange(index, commit.sha, parsed.subject, parsed.header);
      else if (!merge) this.count("other");
    } else {
      const changes = changesOf(parsed, merge ? "never" : this.squashBullets);
      if (changes.length === 0 && !merge) this.count("other");
      for (const change of changes) this.addChange(index, commit.sha, parsed.subject, change);
    }
    if (parsed.releaseAs !== null && this.releaseAs === null)
      this.readReleaseAs(commit.sha, parsed.releaseAs);
  }
  finish() {
    if (this.result !== null) return this.result;
    for (const revert of this.reverts) {
      if (revert.cancelled || revert.embedded) continue;
      this.count("revert");
      if (this.decides(revert.index, revert.bump))
        this.decide(revert.index, revert.bump, revert.sha, revert.subject, revertReason(revert));
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
    if (this.decides(index, bump))
      this.decide(index, bump, sha, subject, changeReason(change, subject, bump));
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
    this.completeReferences(change.references);
    this.addNote(noteOf(section, sha, change));
  }
  /** The title's footer references, when `references` are the title's (a change built from it shares them). */
  completeReferences(references) {
    if (references !== this.titleReferences) return;
    addTitleFooterReferences(this.message, references);
    this.titleReferences = null;
  }
  /** Whether this commit decides instead: the newest commit of the highest bump (lower index is newer). */
  decides(index, bump) {
    if (bump === "none") return false;
    const current = this.deciding;
    const higher = bumpRank(bump) > bumpRank(this.bump);
    return higher || bumpRank(bump) === bumpRank(this.bump) && current !== null && index < current.index;
  }
  decide(index, bump, sha, subject, reason) {
    this.bump = bump;
    this.deciding = { index, sha: detach(sha), subject: clip(subject, MAX_SUBJECT), reason };
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
  count(name) {
    const type = name === "" ? "other" : name;
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
        `Release-As: ${clip(value, 80)} in commit ${sha.slice(0, 7)} ${versionProblem(version)}; it was ignored.`
      );
    }
  }
  warn(message) {
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
    else this.warningsDropped++;
  }
  registerRevert(index, sha, parsed, embedded) {
    const header = parsed.header;
    if (header !== null) this.completeReferences(header.references);
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
      const key = this.bySha.size > FEW_TARGETS ? lower.slice(0, SHA_KEY) : this.pendingKey(lower);
      const list = key === void 0 ? void 0 : this.bySha.get(key);
      if (key !== void 0 && list !== void 0) {
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
  /** The pending key `sha` starts with, found without cutting a key out of every sha of the range. */
  pendingKey(sha) {
    for (const key of this.bySha.keys()) if (sha.startsWith(key)) return key;
    return void 0;
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
  const line = text.indexOf("\n") === -1 ? text : text.replace(/\s*\n\s*/g, " ");
  return neutraliseStart(escapeOutsideCode(line.trim()));
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
  const first = line.charCodeAt(0) | 32;
  if (first >= 97 && first <= 122) return line;
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

// src/steps/maintenance-line.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/core/maintenance.ts
var import_semver2 = __toESM(require_semver(), 1);
function maintenanceGlob(branch, globs) {
  if (branch === null || branch === "") return null;
  return globs.find((glob) => globToRegExp(glob).test(branch)) ?? null;
}
function namedLine(branch) {
  const last2 = branch.slice(branch.lastIndexOf("/") + 1);
  const m = /^v?(0|[1-9]\d{0,8})\.(?:(0|[1-9]\d{0,8})\.)?x$/.exec(last2);
  if (m === null) return null;
  return { major: Number(m[1]), minor: m[2] === void 0 ? null : Number(m[2]) };
}
function checkMaintenanceLine(input) {
  const glob = maintenanceGlob(input.branch, input.globs);
  if (glob === null || input.branch === null) return { line: null, refusal: null };
  const branch = input.branch;
  const named = namedLine(branch);
  const base = input.base === null ? null : import_semver2.default.parse(input.base.version);
  const limit = lowerOf(nextTagAbove(input), named === null ? null : endOf(named));
  const line = { branch, glob, named, limit, label: labelOf(base, named, limit) };
  const proposed = input.proposed;
  if (proposed === null) return { line, refusal: null };
  const facts = { branch: printable(branch), glob, line: line.label, base: input.base?.name ?? null };
  if (named !== null && (base === null || !onLine(base, named))) {
    const nearest = highestOn(named, input.existing);
    return {
      line,
      refusal: shipguardError("SG_MAINTENANCE_LINE", {
        ...facts,
        problem: { kind: "off-line", nearest: nearest?.name ?? null }
      })
    };
  }
  if (limit === null || compareCore(proposed.version, limit.version) < 0) return { line, refusal: null };
  const patch = base === null ? null : import_semver2.default.inc(base, "patch");
  const patchFits = patch !== null && compareCore(patch, limit.version) < 0 && input.existing.every((t) => !sameMinor(t.version, patch) || import_semver2.default.lt(t.version, patch));
  return {
    line,
    refusal: shipguardError("SG_MAINTENANCE_LINE", {
      ...facts,
      problem: {
        kind: "reaches",
        limit,
        cause: proposed.cause,
        target: targetOf(proposed, base, limit),
        patch: patchFits ? patch : null
      }
    })
  };
}
function nextTagAbove(input) {
  let best = null;
  for (const t of input.existing) {
    if (t.reachable) continue;
    if (input.base !== null && !import_semver2.default.gt(t.version, input.base.version)) continue;
    if (best === null || import_semver2.default.lt(t.version, best.version)) best = { version: t.version, tag: t.name };
  }
  return best;
}
function endOf(named) {
  const version = named.minor === null ? `${named.major + 1}.0.0` : `${named.major}.${named.minor + 1}.0`;
  return { version, tag: null };
}
function lowerOf(a, b) {
  if (a === null) return b;
  if (b === null) return a;
  const order = compareCore(a.version, b.version);
  if (order !== 0) return order < 0 ? a : b;
  return a.tag !== null ? a : b;
}
function onLine(version, named) {
  return version.major === named.major && (named.minor === null || version.minor === named.minor);
}
function highestOn(named, existing) {
  let best = null;
  for (const t of existing) {
    const v = import_semver2.default.parse(t.version);
    if (v === null || v.prerelease.length > 0 || !onLine(v, named)) continue;
    if (best === null || import_semver2.default.gt(t.version, best.version)) best = t;
  }
  return best;
}
function labelOf(base, named, limit) {
  const end = limit === null ? null : import_semver2.default.parse(limit.version);
  if (base !== null && end !== null && end.minor === 0 && end.patch === 0 && end.major === base.major + 1)
    return `${base.major}.x`;
  if (base !== null && end !== null && end.patch === 0 && end.major === base.major && end.minor === base.minor + 1)
    return `${base.major}.${base.minor}.x`;
  if (named !== null && (base === null || !onLine(base, named)))
    return named.minor === null ? `${named.major}.x` : `${named.major}.${named.minor}.x`;
  const below = end === null ? null : `<${end.major}.${end.minor}.${end.patch}`;
  if (base === null) return below ?? "any version";
  return below === null ? `>${base.version}` : `>${base.version} ${below}`;
}
function targetOf(proposed, base, limit) {
  const { cause } = proposed;
  if (cause.kind !== "bump" || base === null) return proposed.version;
  const natural = import_semver2.default.inc(base, cause.bump);
  return natural !== null && compareCore(natural, limit.version) >= 0 ? natural : proposed.version;
}
function sameMinor(a, b) {
  return import_semver2.default.major(a) === import_semver2.default.major(b) && import_semver2.default.minor(a) === import_semver2.default.minor(b);
}
function compareCore(a, b) {
  const x = import_semver2.default.parse(a);
  const y = import_semver2.default.parse(b);
  if (x === null || y === null) return import_semver2.default.compare(a, b);
  return x.major - y.major || x.minor - y.minor || x.patch - y.patch;
}

// src/steps/maintenance-line.ts
async function onMaintenanceLine(settings, where, facts) {
  const { baseline, analysis, decision } = facts;
  const globs = settings.maintenanceBranches;
  const warnings = [...baseline.warnings, ...decision.warnings];
  const off = { ...decision, warnings, maintenanceLine: null };
  if (globs.length === 0) return off;
  const verdict = checkMaintenanceLine({
    branch: where.context.branch ?? await where.git.currentBranch(),
    globs,
    base: baseline.lastStable,
    existing: baseline.versions,
    proposed: decision.version === null ? null : { version: decision.version, cause: causeOf(decision, analysis) }
  });
  if (verdict.refusal !== null) throw verdict.refusal;
  const { line } = verdict;
  if (line === null) return off;
  const expected = unreachableAboveWarning(baseline.versions, baseline.lastAny);
  return {
    ...decision,
    reason: `${decision.reason} ${lineSentence(line)}`,
    warnings: warnings.filter((w) => w !== expected),
    maintenanceLine: line.label
  };
}
function lineSentence(line) {
  const { limit } = line;
  const branch = `${printable(line.branch)} is a maintenance branch (maintenance-branches: ${line.glob})`;
  if (limit === null) {
    return `${branch}: no tag above its last one exists yet, so nothing limits its line (${line.label}); its releases are never marked latest.`;
  }
  return `${branch}: its releases stay on the line ${line.label}, below ${limit.tag ?? limit.version}, and are never marked latest.`;
}
function causeOf(decision, analysis) {
  const asked = analysis.releaseAs;
  const wanted = asked === null ? null : import_semver3.default.parse(asked.value.replace(/^[vV]/, ""));
  const decided = import_semver3.default.parse(decision.version);
  if (asked !== null && wanted !== null && decided !== null && sameCore(wanted, decided)) {
    return { kind: "release-as", value: asked.value, sha: asked.sha };
  }
  const bump = decision.bump === "none" ? "patch" : decision.bump;
  return { kind: "bump", bump, sha: analysis.decidingCommit?.sha ?? null };
}
function sameCore(a, b) {
  return a.major === b.major && a.minor === b.minor && a.patch === b.patch;
}

// src/steps/compute-version.ts
var REMOTE = "origin";
async function computeVersion(settings, ports, context, options = {}) {
  const { git, logger } = ports;
  const clone = await openClone(settings, git, git.listTags(`${settings.tagPrefix}*`));
  const { shallow, tags: tagsBefore } = clone;
  const head = options.at?.commit ?? clone.head;
  const fetched = await ensureHistory(settings, { shallow, anyTags: tagsBefore.length > 0 }, git, logger);
  const allTags = fetched ? await git.listTags(`${settings.tagPrefix}*`) : tagsBefore;
  const ignored = /* @__PURE__ */ new Set([options.ignoreTagsAtHead ? head : "", options.at?.ignoreTagsOn ?? ""]);
  const tags = allTags.filter((t) => !ignored.has(t.sha));
  const { reachable, analysis } = await readRange(tags, settings, head, git);
  const baseline = selectBaseline(tags, reachable, settings.tagPrefix, (m) => logger.debug(m));
  const prerelease = settings.prerelease ?? await branchPrerelease(settings, context, git);
  return versionOfLine({
    analysis,
    baseline,
    tags,
    allTags,
    head,
    settings,
    prerelease,
    where: { context, git },
    repoUrl: repoUrlOf(context),
    now: ports.now ?? (() => /* @__PURE__ */ new Date()),
    warn: (w) => logger.warning(w)
  });
}
async function openClone(settings, git, tags) {
  const [inspected, tagsRead] = await Promise.allSettled([git.inspect(), tags]);
  if (inspected.status === "rejected") throw inspected.reason;
  const clone = inspected.value;
  if (clone === null) {
    throw shipguardError("SG_NOT_A_REPOSITORY", { directory: settings.workingDirectory });
  }
  if (clone.head === null) {
    throw shipguardError("SG_NO_COMMITS", { topLevel: clone.topLevel });
  }
  if (tagsRead.status === "rejected") throw tagsRead.reason;
  return { head: clone.head, topLevel: clone.topLevel, shallow: clone.shallow, tags: tagsRead.value };
}
async function versionOfLine(input) {
  const { analysis, baseline, tags, allTags, head, settings, prerelease, repoUrl } = input;
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
  const line = await onMaintenanceLine(settings, input.where, { baseline, analysis, decision });
  let { version, tag, releaseNeeded, reason, warnings } = line;
  const alreadyTagged = version === null ? void 0 : tagAtHead(tags, head, settings.tagPrefix, version);
  if (alreadyTagged !== void 0) {
    reason = `HEAD is already tagged ${alreadyTagged.name}: nothing new to release.`;
    version = null;
    tag = null;
    releaseNeeded = false;
  }
  const notes = version === null ? "" : renderNotes(analysis, {
    version,
    tag: tag ?? `${settings.tagPrefix}${version}`,
    previousTag: decision.previousTag,
    repoUrl,
    date: input.now()
  });
  for (const w of warnings) input.warn(w);
  return {
    version,
    previousVersion: decision.previousVersion,
    tag,
    previousTag: decision.previousTag,
    bump: releaseNeeded ? decision.bump : "none",
    releaseNeeded,
    prerelease: version !== null && import_semver4.default.prerelease(version) !== null,
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
    tagsAtHead: allTags.filter((t) => t.sha === head).map((t) => t.name),
    maintenanceLine: line.maintenanceLine
  };
}
function repoUrlOf(context) {
  return context.serverUrl && context.repository ? `${context.serverUrl}/${context.repository.owner}/${context.repository.repo}` : null;
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
      throw shipguardError("SG_SHALLOW_CLONE", {
        remote: REMOTE,
        hasRemote,
        fetchHistory: settings.fetchHistory
      });
    }
    logger.info(`The clone is shallow: fetching full history and tags from ${REMOTE}.`);
    try {
      await git.fetchHistoryAndTags(REMOTE, true);
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw shipguardError("SG_DEEPEN_FAILED", { detail }, { cause: error });
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
  const versions = tags.map((t) => ({ tag: t, parsed: parseVersionTag(t.name, settings.tagPrefix) })).filter((v) => v.parsed !== null).sort((a, b) => import_semver4.default.rcompare(a.parsed.version, b.parsed.version));
  const candidates = versions.filter((v) => !v.parsed.prerelease);
  candidates.push(null);
  let fastPathTried = false;
  for (const candidate of candidates) {
    const base = candidate?.tag ?? null;
    if (base !== null && base.sha !== head && fastPathTried && !await git.isAncestor(base.sha, head))
      continue;
    const floor = candidate?.parsed.version ?? null;
    const above = new Set(
      versions.filter((v) => floor === null || import_semver4.default.gt(v.parsed.version, floor)).map((v) => v.tag.sha)
    );
    const seen = /* @__PURE__ */ new Set();
    const newAnalyzer = () => new HistoryAnalyzer(settings.releaseRules, settings.squashBullets);
    let analyzer = newAnalyzer();
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
        },
        () => {
          analyzer = newAnalyzer();
          seen.clear();
          boundaryHit = false;
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
  const wanted = import_semver4.default.parse(version);
  if (wanted === null || wanted.prerelease.length === 0) return void 0;
  return tags.find((t) => {
    if (t.sha !== head) return false;
    const v = parseVersionTag(t.name, prefix);
    const parsed = v === null ? null : import_semver4.default.parse(v.version);
    return parsed !== null && parsed.major === wanted.major && parsed.minor === wanted.minor && parsed.patch === wanted.patch && String(parsed.prerelease[0]) === String(wanted.prerelease[0]);
  });
}

// src/steps/compute-versions.ts
var import_semver6 = __toESM(require_semver(), 1);
import path from "node:path";

// node_modules/jsonc-parser/lib/esm/impl/scanner.js
function createScanner(text, ignoreTrivia = false) {
  const len = text.length;
  let pos = 0, value = "", tokenOffset = 0, token = 16, lineNumber = 0, lineStartOffset = 0, tokenLineStartOffset = 0, prevTokenLineStartOffset = 0, scanError = 0;
  function scanHexDigits(count, exact) {
    let digits = 0;
    let value2 = 0;
    while (digits < count || !exact) {
      let ch = text.charCodeAt(pos);
      if (ch >= 48 && ch <= 57) {
        value2 = value2 * 16 + ch - 48;
      } else if (ch >= 65 && ch <= 70) {
        value2 = value2 * 16 + ch - 65 + 10;
      } else if (ch >= 97 && ch <= 102) {
        value2 = value2 * 16 + ch - 97 + 10;
      } else {
        break;
      }
      pos++;
      digits++;
    }
    if (digits < count) {
      value2 = -1;
    }
    return value2;
  }
  function setPosition(newPosition) {
    pos = newPosition;
    value = "";
    tokenOffset = 0;
    token = 16;
    scanError = 0;
  }
  function scanNumber() {
    let start = pos;
    if (text.charCodeAt(pos) === 48) {
      pos++;
    } else {
      pos++;
      while (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
      }
    }
    if (pos < text.length && text.charCodeAt(pos) === 46) {
      pos++;
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
      } else {
        scanError = 3;
        return text.substring(start, pos);
      }
    }
    let end = pos;
    if (pos < text.length && (text.charCodeAt(pos) === 69 || text.charCodeAt(pos) === 101)) {
      pos++;
      if (pos < text.length && text.charCodeAt(pos) === 43 || text.charCodeAt(pos) === 45) {
        pos++;
      }
      if (pos < text.length && isDigit(text.charCodeAt(pos))) {
        pos++;
        while (pos < text.length && isDigit(text.charCodeAt(pos))) {
          pos++;
        }
        end = pos;
      } else {
        scanError = 3;
      }
    }
    return text.substring(start, end);
  }
  function scanString() {
    let result = "", start = pos;
    while (true) {
      if (pos >= len) {
        result += text.substring(start, pos);
        scanError = 2;
        break;
      }
      const ch = text.charCodeAt(pos);
      if (ch === 34) {
        result += text.substring(start, pos);
        pos++;
        break;
      }
      if (ch === 92) {
        result += text.substring(start, pos);
        pos++;
        if (pos >= len) {
          scanError = 2;
          break;
        }
        const ch2 = text.charCodeAt(pos++);
        switch (ch2) {
          case 34:
            result += '"';
            break;
          case 92:
            result += "\\";
            break;
          case 47:
            result += "/";
            break;
          case 98:
            result += "\b";
            break;
          case 102:
            result += "\f";
            break;
          case 110:
            result += "\n";
            break;
          case 114:
            result += "\r";
            break;
          case 116:
            result += "	";
            break;
          case 117:
            const ch3 = scanHexDigits(4, true);
            if (ch3 >= 0) {
              result += String.fromCharCode(ch3);
            } else {
              scanError = 4;
            }
            break;
          default:
            scanError = 5;
        }
        start = pos;
        continue;
      }
      if (ch >= 0 && ch <= 31) {
        if (isLineBreak(ch)) {
          result += text.substring(start, pos);
          scanError = 2;
          break;
        } else {
          scanError = 6;
        }
      }
      pos++;
    }
    return result;
  }
  function scanNext() {
    value = "";
    scanError = 0;
    tokenOffset = pos;
    lineStartOffset = lineNumber;
    prevTokenLineStartOffset = tokenLineStartOffset;
    if (pos >= len) {
      tokenOffset = len;
      return token = 17;
    }
    let code = text.charCodeAt(pos);
    if (isWhiteSpace(code)) {
      do {
        pos++;
        value += String.fromCharCode(code);
        code = text.charCodeAt(pos);
      } while (isWhiteSpace(code));
      return token = 15;
    }
    if (isLineBreak(code)) {
      pos++;
      value += String.fromCharCode(code);
      if (code === 13 && text.charCodeAt(pos) === 10) {
        pos++;
        value += "\n";
      }
      lineNumber++;
      tokenLineStartOffset = pos;
      return token = 14;
    }
    switch (code) {
      // tokens: []{}:,
      case 123:
        pos++;
        return token = 1;
      case 125:
        pos++;
        return token = 2;
      case 91:
        pos++;
        return token = 3;
      case 93:
        pos++;
        return token = 4;
      case 58:
        pos++;
        return token = 6;
      case 44:
        pos++;
        return token = 5;
      // strings
      case 34:
        pos++;
        value = scanString();
        return token = 10;
      // comments
      case 47:
        const start = pos - 1;
        if (text.charCodeAt(pos + 1) === 47) {
          pos += 2;
          while (pos < len) {
            if (isLineBreak(text.charCodeAt(pos))) {
              break;
            }
            pos++;
          }
          value = text.substring(start, pos);
          return token = 12;
        }
        if (text.charCodeAt(pos + 1) === 42) {
          pos += 2;
          const safeLength = len - 1;
          let commentClosed = false;
          while (pos < safeLength) {
            const ch = text.charCodeAt(pos);
            if (ch === 42 && text.charCodeAt(pos + 1) === 47) {
              pos += 2;
              commentClosed = true;
              break;
            }
            pos++;
            if (isLineBreak(ch)) {
              if (ch === 13 && text.charCodeAt(pos) === 10) {
                pos++;
              }
              lineNumber++;
              tokenLineStartOffset = pos;
            }
          }
          if (!commentClosed) {
            pos++;
            scanError = 1;
          }
          value = text.substring(start, pos);
          return token = 13;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
      // numbers
      case 45:
        value += String.fromCharCode(code);
        pos++;
        if (pos === len || !isDigit(text.charCodeAt(pos))) {
          return token = 16;
        }
      // found a minus, followed by a number so
      // we fall through to proceed with scanning
      // numbers
      case 48:
      case 49:
      case 50:
      case 51:
      case 52:
      case 53:
      case 54:
      case 55:
      case 56:
      case 57:
        value += scanNumber();
        return token = 11;
      // literals and unknown symbols
      default:
        while (pos < len && isUnknownContentCharacter(code)) {
          pos++;
          code = text.charCodeAt(pos);
        }
        if (tokenOffset !== pos) {
          value = text.substring(tokenOffset, pos);
          switch (value) {
            case "true":
              return token = 8;
            case "false":
              return token = 9;
            case "null":
              return token = 7;
          }
          return token = 16;
        }
        value += String.fromCharCode(code);
        pos++;
        return token = 16;
    }
  }
  function isUnknownContentCharacter(code) {
    if (isWhiteSpace(code) || isLineBreak(code)) {
      return false;
    }
    switch (code) {
      case 125:
      case 93:
      case 123:
      case 91:
      case 34:
      case 58:
      case 44:
      case 47:
        return false;
    }
    return true;
  }
  function scanNextNonTrivia() {
    let result;
    do {
      result = scanNext();
    } while (result >= 12 && result <= 15);
    return result;
  }
  return {
    setPosition,
    getPosition: () => pos,
    scan: ignoreTrivia ? scanNextNonTrivia : scanNext,
    getToken: () => token,
    getTokenValue: () => value,
    getTokenOffset: () => tokenOffset,
    getTokenLength: () => pos - tokenOffset,
    getTokenStartLine: () => lineStartOffset,
    getTokenStartCharacter: () => tokenOffset - prevTokenLineStartOffset,
    getTokenError: () => scanError
  };
}
function isWhiteSpace(ch) {
  return ch === 32 || ch === 9;
}
function isLineBreak(ch) {
  return ch === 10 || ch === 13;
}
function isDigit(ch) {
  return ch >= 48 && ch <= 57;
}
var CharacterCodes;
(function(CharacterCodes2) {
  CharacterCodes2[CharacterCodes2["lineFeed"] = 10] = "lineFeed";
  CharacterCodes2[CharacterCodes2["carriageReturn"] = 13] = "carriageReturn";
  CharacterCodes2[CharacterCodes2["space"] = 32] = "space";
  CharacterCodes2[CharacterCodes2["_0"] = 48] = "_0";
  CharacterCodes2[CharacterCodes2["_1"] = 49] = "_1";
  CharacterCodes2[CharacterCodes2["_2"] = 50] = "_2";
  CharacterCodes2[CharacterCodes2["_3"] = 51] = "_3";
  CharacterCodes2[CharacterCodes2["_4"] = 52] = "_4";
  CharacterCodes2[CharacterCodes2["_5"] = 53] = "_5";
  CharacterCodes2[CharacterCodes2["_6"] = 54] = "_6";
  CharacterCodes2[CharacterCodes2["_7"] = 55] = "_7";
  CharacterCodes2[CharacterCodes2["_8"] = 56] = "_8";
  CharacterCodes2[CharacterCodes2["_9"] = 57] = "_9";
  CharacterCodes2[CharacterCodes2["a"] = 97] = "a";
  CharacterCodes2[CharacterCodes2["b"] = 98] = "b";
  CharacterCodes2[CharacterCodes2["c"] = 99] = "c";
  CharacterCodes2[CharacterCodes2["d"] = 100] = "d";
  CharacterCodes2[CharacterCodes2["e"] = 101] = "e";
  CharacterCodes2[CharacterCodes2["f"] = 102] = "f";
  CharacterCodes2[CharacterCodes2["g"] = 103] = "g";
  CharacterCodes2[CharacterCodes2["h"] = 104] = "h";
  CharacterCodes2[CharacterCodes2["i"] = 105] = "i";
  CharacterCodes2[CharacterCodes2["j"] = 106] = "j";
  CharacterCodes2[CharacterCodes2["k"] = 107] = "k";
  CharacterCodes2[CharacterCodes2["l"] = 108] = "l";
  CharacterCodes2[CharacterCodes2["m"] = 109] = "m";
  CharacterCodes2[CharacterCodes2["n"] = 110] = "n";
  CharacterCodes2[CharacterCodes2["o"] = 111] = "o";
  CharacterCodes2[CharacterCodes2["p"] = 112] = "p";
  CharacterCodes2[CharacterCodes2["q"] = 113] = "q";
  CharacterCodes2[CharacterCodes2["r"] = 114] = "r";
  CharacterCodes2[CharacterCodes2["s"] = 115] = "s";
  CharacterCodes2[CharacterCodes2["t"] = 116] = "t";
  CharacterCodes2[CharacterCodes2["u"] = 117] = "u";
  CharacterCodes2[CharacterCodes2["v"] = 118] = "v";
  CharacterCodes2[CharacterCodes2["w"] = 119] = "w";
  CharacterCodes2[CharacterCodes2["x"] = 120] = "x";
  CharacterCodes2[CharacterCodes2["y"] = 121] = "y";
  CharacterCodes2[CharacterCodes2["z"] = 122] = "z";
  CharacterCodes2[CharacterCodes2["A"] = 65] = "A";
  CharacterCodes2[CharacterCodes2["B"] = 66] = "B";
  CharacterCodes2[CharacterCodes2["C"] = 67] = "C";
  CharacterCodes2[CharacterCodes2["D"] = 68] = "D";
  CharacterCodes2[CharacterCodes2["E"] = 69] = "E";
  CharacterCodes2[CharacterCodes2["F"] = 70] = "F";
  CharacterCodes2[CharacterCodes2["G"] = 71] = "G";
  CharacterCodes2[CharacterCodes2["H"] = 72] = "H";
  CharacterCodes2[CharacterCodes2["I"] = 73] = "I";
  CharacterCodes2[CharacterCodes2["J"] = 74] = "J";
  CharacterCodes2[CharacterCodes2["K"] = 75] = "K";
  CharacterCodes2[CharacterCodes2["L"] = 76] = "L";
  CharacterCodes2[CharacterCodes2["M"] = 77] = "M";
  CharacterCodes2[CharacterCodes2["N"] = 78] = "N";
  CharacterCodes2[CharacterCodes2["O"] = 79] = "O";
  CharacterCodes2[CharacterCodes2["P"] = 80] = "P";
  CharacterCodes2[CharacterCodes2["Q"] = 81] = "Q";
  CharacterCodes2[CharacterCodes2["R"] = 82] = "R";
  CharacterCodes2[CharacterCodes2["S"] = 83] = "S";
  CharacterCodes2[CharacterCodes2["T"] = 84] = "T";
  CharacterCodes2[CharacterCodes2["U"] = 85] = "U";
  CharacterCodes2[CharacterCodes2["V"] = 86] = "V";
  CharacterCodes2[CharacterCodes2["W"] = 87] = "W";
  CharacterCodes2[CharacterCodes2["X"] = 88] = "X";
  CharacterCodes2[CharacterCodes2["Y"] = 89] = "Y";
  CharacterCodes2[CharacterCodes2["Z"] = 90] = "Z";
  CharacterCodes2[CharacterCodes2["asterisk"] = 42] = "asterisk";
  CharacterCodes2[CharacterCodes2["backslash"] = 92] = "backslash";
  CharacterCodes2[CharacterCodes2["closeBrace"] = 125] = "closeBrace";
  CharacterCodes2[CharacterCodes2["closeBracket"] = 93] = "closeBracket";
  CharacterCodes2[CharacterCodes2["colon"] = 58] = "colon";
  CharacterCodes2[CharacterCodes2["comma"] = 44] = "comma";
  CharacterCodes2[CharacterCodes2["dot"] = 46] = "dot";
  CharacterCodes2[CharacterCodes2["doubleQuote"] = 34] = "doubleQuote";
  CharacterCodes2[CharacterCodes2["minus"] = 45] = "minus";
  CharacterCodes2[CharacterCodes2["openBrace"] = 123] = "openBrace";
  CharacterCodes2[CharacterCodes2["openBracket"] = 91] = "openBracket";
  CharacterCodes2[CharacterCodes2["plus"] = 43] = "plus";
  CharacterCodes2[CharacterCodes2["slash"] = 47] = "slash";
  CharacterCodes2[CharacterCodes2["formFeed"] = 12] = "formFeed";
  CharacterCodes2[CharacterCodes2["tab"] = 9] = "tab";
})(CharacterCodes || (CharacterCodes = {}));

// node_modules/jsonc-parser/lib/esm/impl/string-intern.js
var cachedSpaces = new Array(20).fill(0).map((_, index) => {
  return " ".repeat(index);
});
var maxCachedValues = 200;
var cachedBreakLinesWithSpaces = {
  " ": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + " ".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + " ".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + " ".repeat(index);
    })
  },
  "	": {
    "\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\n" + "	".repeat(index);
    }),
    "\r": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r" + "	".repeat(index);
    }),
    "\r\n": new Array(maxCachedValues).fill(0).map((_, index) => {
      return "\r\n" + "	".repeat(index);
    })
  }
};

// node_modules/jsonc-parser/lib/esm/impl/parser.js
var ParseOptions;
(function(ParseOptions2) {
  ParseOptions2.DEFAULT = {
    allowTrailingComma: false
  };
})(ParseOptions || (ParseOptions = {}));
function parseTree(text, errors = [], options = ParseOptions.DEFAULT) {
  let currentParent = { type: "array", offset: -1, length: -1, children: [], parent: void 0 };
  function ensurePropertyComplete(endOffset) {
    if (currentParent.type === "property") {
      currentParent.length = endOffset - currentParent.offset;
      currentParent = currentParent.parent;
    }
  }
  function onValue(valueNode) {
    currentParent.children.push(valueNode);
    return valueNode;
  }
  const visitor = {
    onObjectBegin: (offset) => {
      currentParent = onValue({ type: "object", offset, length: -1, parent: currentParent, children: [] });
    },
    onObjectProperty: (name, offset, length) => {
      currentParent = onValue({ type: "property", offset, length: -1, parent: currentParent, children: [] });
      currentParent.children.push({ type: "string", value: name, offset, length, parent: currentParent });
    },
    onObjectEnd: (offset, length) => {
      ensurePropertyComplete(offset + length);
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onArrayBegin: (offset, length) => {
      currentParent = onValue({ type: "array", offset, length: -1, parent: currentParent, children: [] });
    },
    onArrayEnd: (offset, length) => {
      currentParent.length = offset + length - currentParent.offset;
      currentParent = currentParent.parent;
      ensurePropertyComplete(offset + length);
    },
    onLiteralValue: (value, offset, length) => {
      onValue({ type: getNodeType(value), offset, length, parent: currentParent, value });
      ensurePropertyComplete(offset + length);
    },
    onSeparator: (sep, offset, length) => {
      if (currentParent.type === "property") {
        if (sep === ":") {
          currentParent.colonOffset = offset;
        } else if (sep === ",") {
          ensurePropertyComplete(offset);
        }
      }
    },
    onError: (error, offset, length) => {
      errors.push({ error, offset, length });
    }
  };
  visit(text, visitor, options);
  const result = currentParent.children[0];
  if (result) {
    delete result.parent;
  }
  return result;
}
function findNodeAtLocation(root, path2) {
  if (!root) {
    return void 0;
  }
  let node = root;
  for (let segment of path2) {
    if (typeof segment === "string") {
      if (node.type !== "object" || !Array.isArray(node.children)) {
        return void 0;
      }
      let found = false;
      for (const propertyNode of node.children) {
        if (Array.isArray(propertyNode.children) && propertyNode.children[0].value === segment && propertyNode.children.length === 2) {
          node = propertyNode.children[1];
          found = true;
          break;
        }
      }
      if (!found) {
        return void 0;
      }
    } else {
      const index = segment;
      if (node.type !== "array" || index < 0 || !Array.isArray(node.children) || index >= node.children.length) {
        return void 0;
      }
      node = node.children[index];
    }
  }
  return node;
}
function visit(text, visitor, options = ParseOptions.DEFAULT) {
  const _scanner = createScanner(text, false);
  const _jsonPath = [];
  let suppressedCallbacks = 0;
  function toNoArgVisit(visitFunction) {
    return visitFunction ? () => suppressedCallbacks === 0 && visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisit(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter()) : () => true;
  }
  function toOneArgVisitWithPath(visitFunction) {
    return visitFunction ? (arg) => suppressedCallbacks === 0 && visitFunction(arg, _scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice()) : () => true;
  }
  function toBeginVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks++;
      } else {
        let cbReturn = visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter(), () => _jsonPath.slice());
        if (cbReturn === false) {
          suppressedCallbacks = 1;
        }
      }
    } : () => true;
  }
  function toEndVisit(visitFunction) {
    return visitFunction ? () => {
      if (suppressedCallbacks > 0) {
        suppressedCallbacks--;
      }
      if (suppressedCallbacks === 0) {
        visitFunction(_scanner.getTokenOffset(), _scanner.getTokenLength(), _scanner.getTokenStartLine(), _scanner.getTokenStartCharacter());
      }
    } : () => true;
  }
  const onObjectBegin = toBeginVisit(visitor.onObjectBegin), onObjectProperty = toOneArgVisitWithPath(visitor.onObjectProperty), onObjectEnd = toEndVisit(visitor.onObjectEnd), onArrayBegin = toBeginVisit(visitor.onArrayBegin), onArrayEnd = toEndVisit(visitor.onArrayEnd), onLiteralValue = toOneArgVisitWithPath(visitor.onLiteralValue), onSeparator = toOneArgVisit(visitor.onSeparator), onComment = toNoArgVisit(visitor.onComment), onError = toOneArgVisit(visitor.onError);
  const disallowComments = options && options.disallowComments;
  const allowTrailingComma = options && options.allowTrailingComma;
  function scanNext() {
    while (true) {
      const token = _scanner.scan();
      switch (_scanner.getTokenError()) {
        case 4:
          handleError(
            14
            /* ParseErrorCode.InvalidUnicode */
          );
          break;
        case 5:
          handleError(
            15
            /* ParseErrorCode.InvalidEscapeCharacter */
          );
          break;
        case 3:
          handleError(
            13
            /* ParseErrorCode.UnexpectedEndOfNumber */
          );
          break;
        case 1:
          if (!disallowComments) {
            handleError(
              11
              /* ParseErrorCode.UnexpectedEndOfComment */
            );
          }
          break;
        case 2:
          handleError(
            12
            /* ParseErrorCode.UnexpectedEndOfString */
          );
          break;
        case 6:
          handleError(
            16
            /* ParseErrorCode.InvalidCharacter */
          );
          break;
      }
      switch (token) {
        case 12:
        case 13:
          if (disallowComments) {
            handleError(
              10
              /* ParseErrorCode.InvalidCommentToken */
            );
          } else {
            onComment();
          }
          break;
        case 16:
          handleError(
            1
            /* ParseErrorCode.InvalidSymbol */
          );
          break;
        case 15:
        case 14:
          break;
        default:
          return token;
      }
    }
  }
  function handleError(error, skipUntilAfter = [], skipUntil = []) {
    onError(error);
    if (skipUntilAfter.length + skipUntil.length > 0) {
      let token = _scanner.getToken();
      while (token !== 17) {
        if (skipUntilAfter.indexOf(token) !== -1) {
          scanNext();
          break;
        } else if (skipUntil.indexOf(token) !== -1) {
          break;
        }
        token = scanNext();
      }
    }
  }
  function parseString(isValue2) {
    const value = _scanner.getTokenValue();
    if (isValue2) {
      onLiteralValue(value);
    } else {
      onObjectProperty(value);
      _jsonPath.push(value);
    }
    scanNext();
    return true;
  }
  function parseLiteral() {
    switch (_scanner.getToken()) {
      case 11:
        const tokenValue = _scanner.getTokenValue();
        let value = Number(tokenValue);
        if (isNaN(value)) {
          handleError(
            2
            /* ParseErrorCode.InvalidNumberFormat */
          );
          value = 0;
        }
        onLiteralValue(value);
        break;
      case 7:
        onLiteralValue(null);
        break;
      case 8:
        onLiteralValue(true);
        break;
      case 9:
        onLiteralValue(false);
        break;
      default:
        return false;
    }
    scanNext();
    return true;
  }
  function parseProperty() {
    if (_scanner.getToken() !== 10) {
      handleError(3, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
      return false;
    }
    parseString(false);
    if (_scanner.getToken() === 6) {
      onSeparator(":");
      scanNext();
      if (!parseValue()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
    } else {
      handleError(5, [], [
        2,
        5
        /* SyntaxKind.CommaToken */
      ]);
    }
    _jsonPath.pop();
    return true;
  }
  function parseObject() {
    onObjectBegin();
    scanNext();
    let needsComma = false;
    while (_scanner.getToken() !== 2 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 2 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (!parseProperty()) {
        handleError(4, [], [
          2,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onObjectEnd();
    if (_scanner.getToken() !== 2) {
      handleError(7, [
        2
        /* SyntaxKind.CloseBraceToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseArray() {
    onArrayBegin();
    scanNext();
    let isFirstElement = true;
    let needsComma = false;
    while (_scanner.getToken() !== 4 && _scanner.getToken() !== 17) {
      if (_scanner.getToken() === 5) {
        if (!needsComma) {
          handleError(4, [], []);
        }
        onSeparator(",");
        scanNext();
        if (_scanner.getToken() === 4 && allowTrailingComma) {
          break;
        }
      } else if (needsComma) {
        handleError(6, [], []);
      }
      if (isFirstElement) {
        _jsonPath.push(0);
        isFirstElement = false;
      } else {
        _jsonPath[_jsonPath.length - 1]++;
      }
      if (!parseValue()) {
        handleError(4, [], [
          4,
          5
          /* SyntaxKind.CommaToken */
        ]);
      }
      needsComma = true;
    }
    onArrayEnd();
    if (!isFirstElement) {
      _jsonPath.pop();
    }
    if (_scanner.getToken() !== 4) {
      handleError(8, [
        4
        /* SyntaxKind.CloseBracketToken */
      ], []);
    } else {
      scanNext();
    }
    return true;
  }
  function parseValue() {
    switch (_scanner.getToken()) {
      case 3:
        return parseArray();
      case 1:
        return parseObject();
      case 10:
        return parseString(true);
      default:
        return parseLiteral();
    }
  }
  scanNext();
  if (_scanner.getToken() === 17) {
    if (options.allowEmptyContent) {
      return true;
    }
    handleError(4, [], []);
    return false;
  }
  if (!parseValue()) {
    handleError(4, [], []);
    return false;
  }
  if (_scanner.getToken() !== 17) {
    handleError(9, [], []);
  }
  return true;
}
function getNodeType(value) {
  switch (typeof value) {
    case "boolean":
      return "boolean";
    case "number":
      return "number";
    case "string":
      return "string";
    case "object": {
      if (!value) {
        return "null";
      } else if (Array.isArray(value)) {
        return "array";
      }
      return "object";
    }
    default:
      return "null";
  }
}

// node_modules/jsonc-parser/lib/esm/main.js
var ScanError;
(function(ScanError2) {
  ScanError2[ScanError2["None"] = 0] = "None";
  ScanError2[ScanError2["UnexpectedEndOfComment"] = 1] = "UnexpectedEndOfComment";
  ScanError2[ScanError2["UnexpectedEndOfString"] = 2] = "UnexpectedEndOfString";
  ScanError2[ScanError2["UnexpectedEndOfNumber"] = 3] = "UnexpectedEndOfNumber";
  ScanError2[ScanError2["InvalidUnicode"] = 4] = "InvalidUnicode";
  ScanError2[ScanError2["InvalidEscapeCharacter"] = 5] = "InvalidEscapeCharacter";
  ScanError2[ScanError2["InvalidCharacter"] = 6] = "InvalidCharacter";
})(ScanError || (ScanError = {}));
var SyntaxKind;
(function(SyntaxKind2) {
  SyntaxKind2[SyntaxKind2["OpenBraceToken"] = 1] = "OpenBraceToken";
  SyntaxKind2[SyntaxKind2["CloseBraceToken"] = 2] = "CloseBraceToken";
  SyntaxKind2[SyntaxKind2["OpenBracketToken"] = 3] = "OpenBracketToken";
  SyntaxKind2[SyntaxKind2["CloseBracketToken"] = 4] = "CloseBracketToken";
  SyntaxKind2[SyntaxKind2["CommaToken"] = 5] = "CommaToken";
  SyntaxKind2[SyntaxKind2["ColonToken"] = 6] = "ColonToken";
  SyntaxKind2[SyntaxKind2["NullKeyword"] = 7] = "NullKeyword";
  SyntaxKind2[SyntaxKind2["TrueKeyword"] = 8] = "TrueKeyword";
  SyntaxKind2[SyntaxKind2["FalseKeyword"] = 9] = "FalseKeyword";
  SyntaxKind2[SyntaxKind2["StringLiteral"] = 10] = "StringLiteral";
  SyntaxKind2[SyntaxKind2["NumericLiteral"] = 11] = "NumericLiteral";
  SyntaxKind2[SyntaxKind2["LineCommentTrivia"] = 12] = "LineCommentTrivia";
  SyntaxKind2[SyntaxKind2["BlockCommentTrivia"] = 13] = "BlockCommentTrivia";
  SyntaxKind2[SyntaxKind2["LineBreakTrivia"] = 14] = "LineBreakTrivia";
  SyntaxKind2[SyntaxKind2["Trivia"] = 15] = "Trivia";
  SyntaxKind2[SyntaxKind2["Unknown"] = 16] = "Unknown";
  SyntaxKind2[SyntaxKind2["EOF"] = 17] = "EOF";
})(SyntaxKind || (SyntaxKind = {}));
var parseTree2 = parseTree;
var findNodeAtLocation2 = findNodeAtLocation;
var ParseErrorCode;
(function(ParseErrorCode2) {
  ParseErrorCode2[ParseErrorCode2["InvalidSymbol"] = 1] = "InvalidSymbol";
  ParseErrorCode2[ParseErrorCode2["InvalidNumberFormat"] = 2] = "InvalidNumberFormat";
  ParseErrorCode2[ParseErrorCode2["PropertyNameExpected"] = 3] = "PropertyNameExpected";
  ParseErrorCode2[ParseErrorCode2["ValueExpected"] = 4] = "ValueExpected";
  ParseErrorCode2[ParseErrorCode2["ColonExpected"] = 5] = "ColonExpected";
  ParseErrorCode2[ParseErrorCode2["CommaExpected"] = 6] = "CommaExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBraceExpected"] = 7] = "CloseBraceExpected";
  ParseErrorCode2[ParseErrorCode2["CloseBracketExpected"] = 8] = "CloseBracketExpected";
  ParseErrorCode2[ParseErrorCode2["EndOfFileExpected"] = 9] = "EndOfFileExpected";
  ParseErrorCode2[ParseErrorCode2["InvalidCommentToken"] = 10] = "InvalidCommentToken";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfComment"] = 11] = "UnexpectedEndOfComment";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfString"] = 12] = "UnexpectedEndOfString";
  ParseErrorCode2[ParseErrorCode2["UnexpectedEndOfNumber"] = 13] = "UnexpectedEndOfNumber";
  ParseErrorCode2[ParseErrorCode2["InvalidUnicode"] = 14] = "InvalidUnicode";
  ParseErrorCode2[ParseErrorCode2["InvalidEscapeCharacter"] = 15] = "InvalidEscapeCharacter";
  ParseErrorCode2[ParseErrorCode2["InvalidCharacter"] = 16] = "InvalidCharacter";
})(ParseErrorCode || (ParseErrorCode = {}));
function printParseErrorCode(code) {
  switch (code) {
    case 1:
      return "InvalidSymbol";
    case 2:
      return "InvalidNumberFormat";
    case 3:
      return "PropertyNameExpected";
    case 4:
      return "ValueExpected";
    case 5:
      return "ColonExpected";
    case 6:
      return "CommaExpected";
    case 7:
      return "CloseBraceExpected";
    case 8:
      return "CloseBracketExpected";
    case 9:
      return "EndOfFileExpected";
    case 10:
      return "InvalidCommentToken";
    case 11:
      return "UnexpectedEndOfComment";
    case 12:
      return "UnexpectedEndOfString";
    case 13:
      return "UnexpectedEndOfNumber";
    case 14:
      return "InvalidUnicode";
    case 15:
      return "InvalidEscapeCharacter";
    case 16:
      return "InvalidCharacter";
  }
  return "<unknown ParseErrorCode>";
}

// node_modules/eslint-visitor-keys/lib/visitor-keys.js
var KEYS = {
  ArrayExpression: ["elements"],
  ArrayPattern: ["elements"],
  ArrowFunctionExpression: ["params", "body"],
  AssignmentExpression: ["left", "right"],
  AssignmentPattern: ["left", "right"],
  AwaitExpression: ["argument"],
  BinaryExpression: ["left", "right"],
  BlockStatement: ["body"],
  BreakStatement: ["label"],
  CallExpression: ["callee", "arguments"],
  CatchClause: ["param", "body"],
  ChainExpression: ["expression"],
  ClassBody: ["body"],
  ClassDeclaration: ["id", "superClass", "body"],
  ClassExpression: ["id", "superClass", "body"],
  ConditionalExpression: ["test", "consequent", "alternate"],
  ContinueStatement: ["label"],
  DebuggerStatement: [],
  DoWhileStatement: ["body", "test"],
  EmptyStatement: [],
  ExperimentalRestProperty: ["argument"],
  ExperimentalSpreadProperty: ["argument"],
  ExportAllDeclaration: ["exported", "source", "attributes"],
  ExportDefaultDeclaration: ["declaration"],
  ExportNamedDeclaration: [
    "declaration",
    "specifiers",
    "source",
    "attributes"
  ],
  ExportSpecifier: ["local", "exported"],
  ExpressionStatement: ["expression"],
  ForInStatement: ["left", "right", "body"],
  ForOfStatement: ["left", "right", "body"],
  ForStatement: ["init", "test", "update", "body"],
  FunctionDeclaration: ["id", "params", "body"],
  FunctionExpression: ["id", "params", "body"],
  Identifier: [],
  IfStatement: ["test", "consequent", "alternate"],
  ImportAttribute: ["key", "value"],
  ImportDeclaration: ["specifiers", "source", "attributes"],
  ImportDefaultSpecifier: ["local"],
  ImportExpression: ["source", "options"],
  ImportNamespaceSpecifier: ["local"],
  ImportSpecifier: ["imported", "local"],
  JSXAttribute: ["name", "value"],
  JSXClosingElement: ["name"],
  JSXClosingFragment: [],
  JSXElement: ["openingElement", "children", "closingElement"],
  JSXEmptyExpression: [],
  JSXExpressionContainer: ["expression"],
  JSXFragment: ["openingFragment", "children", "closingFragment"],
  JSXIdentifier: [],
  JSXMemberExpression: ["object", "property"],
  JSXNamespacedName: ["namespace", "name"],
  JSXOpeningElement: ["name", "attributes"],
  JSXOpeningFragment: [],
  JSXSpreadAttribute: ["argument"],
  JSXSpreadChild: ["expression"],
  JSXText: [],
  LabeledStatement: ["label", "body"],
  Literal: [],
  LogicalExpression: ["left", "right"],
  MemberExpression: ["object", "property"],
  MetaProperty: ["meta", "property"],
  MethodDefinition: ["key", "value"],
  NewExpression: ["callee", "arguments"],
  ObjectExpression: ["properties"],
  ObjectPattern: ["properties"],
  PrivateIdentifier: [],
  Program: ["body"],
  Property: ["key", "value"],
  PropertyDefinition: ["key", "value"],
  RestElement: ["argument"],
  ReturnStatement: ["argument"],
  SequenceExpression: ["expressions"],
  SpreadElement: ["argument"],
  StaticBlock: ["body"],
  Super: [],
  SwitchCase: ["test", "consequent"],
  SwitchStatement: ["discriminant", "cases"],
  TaggedTemplateExpression: ["tag", "quasi"],
  TemplateElement: [],
  TemplateLiteral: ["quasis", "expressions"],
  ThisExpression: [],
  ThrowStatement: ["argument"],
  TryStatement: ["block", "handler", "finalizer"],
  UnaryExpression: ["argument"],
  UpdateExpression: ["argument"],
  VariableDeclaration: ["declarations"],
  VariableDeclarator: ["id", "init"],
  WhileStatement: ["test", "body"],
  WithStatement: ["object", "body"],
  YieldExpression: ["argument"]
};
var NODE_TYPES = Object.keys(KEYS);
for (const type of NODE_TYPES) {
  Object.freeze(KEYS[type]);
}
Object.freeze(KEYS);
var visitor_keys_default = KEYS;

// node_modules/eslint-visitor-keys/lib/index.js
function unionWith(additionalKeys) {
  const retv = (
    /** @type {{ [type: string]: ReadonlyArray<string> }} */
    Object.assign({}, visitor_keys_default)
  );
  for (const type of Object.keys(additionalKeys)) {
    if (Object.hasOwn(retv, type)) {
      const keys = new Set(additionalKeys[type]);
      for (const key of retv[type]) {
        keys.add(key);
      }
      retv[type] = Object.freeze(Array.from(keys));
    } else {
      retv[type] = Object.freeze(Array.from(additionalKeys[type]));
    }
  }
  return Object.freeze(retv);
}

// node_modules/toml-eslint-parser/lib/index.mjs
function last(arr) {
  return arr[arr.length - 1] ?? null;
}
function toKeyName(node) {
  return node.type === "TOMLBare" ? node.name : node.value;
}
var TOMLVerImpl = class {
  constructor(major, minor) {
    this.major = major;
    this.minor = minor;
  }
  lt(major, minor) {
    return this.major < major || this.major === major && this.minor < minor;
  }
  gte(major, minor) {
    return this.major > major || this.major === major && this.minor >= minor;
  }
};
var TOML_VERSION_1_0 = new TOMLVerImpl(1, 0);
var TOML_VERSION_1_1 = new TOMLVerImpl(1, 1);
var DEFAULT_TOML_VERSION = TOML_VERSION_1_1;
var SUPPORTED_TOML_VERSIONS = {
  "1.0": TOML_VERSION_1_0,
  "1.0.0": TOML_VERSION_1_0,
  "1.1": TOML_VERSION_1_1,
  "1.1.0": TOML_VERSION_1_1,
  latest: TOML_VERSION_1_1,
  next: TOML_VERSION_1_1
};
function getTOMLVer(v) {
  return v && SUPPORTED_TOML_VERSIONS[v] || DEFAULT_TOML_VERSION;
}
var MESSAGES = {
  "unterminated-string": "Unterminated string constant",
  "unterminated-table-key": "Unterminated table-key",
  "unterminated-array": "Unterminated array",
  "unterminated-inline-table": "Unterminated inline table",
  "missing-key": "Empty bare keys are not allowed",
  "missing-newline": "Must be a newline",
  "missing-equals-sign": "Expected equal (=) token",
  "missing-value": "Unspecified values are invalid",
  "missing-comma": "Expected comma (,) token",
  "dupe-keys": "Defining a key multiple times is invalid",
  "unexpected-char": "Unexpected character",
  "unexpected-token": "Unexpected token",
  "invalid-control-character": "Control characters (codes < 0x1f and 0x7f) are not allowed",
  "invalid-comment-character": "Invalid code point {{cp}} within comments",
  "invalid-key-value-newline": "The key, equals sign, and value must be on the same line",
  "invalid-inline-table-newline": "No newlines are allowed between the curly braces unless they are valid within a value",
  "invalid-underscore": "Underscores are allowed between digits",
  "invalid-space": "Unexpected spaces",
  "invalid-three-quotes": "Three or more quotes are not permitted",
  "invalid-date": "Unexpected invalid date",
  "invalid-time": "Unexpected invalid time",
  "invalid-leading-zero": "Leading zeros are not allowed",
  "invalid-trailing-comma-in-inline-table": "Trailing comma is not permitted in an inline table",
  "invalid-char-in-escape-sequence": "Invalid character in escape sequence",
  "invalid-consecutive-dots-in-key": "Consecutive dots are not permitted in keys",
  "invalid-code-point": "Invalid code point {{cp}}",
  "invalid-trailing-dot-in-key": "Keys cannot end with a dot",
  "invalid-leading-dot-in-key": "Keys cannot start with a dot"
};
function getMessage(code, data) {
  if (data) return MESSAGES[code].replace(/\{\{(.*?)\}\}/gu, (_, name$2) => {
    if (name$2 in data) return data[name$2];
    return `{{${name$2}}}`;
  });
  return MESSAGES[code];
}
var ParseError = class extends SyntaxError {
  /**
  * Initialize this ParseError instance.
  *
  */
  constructor(code, offset, line, column, data) {
    super(getMessage(code, data));
    this.index = offset;
    this.lineNumber = line;
    this.column = column;
  }
};
var CodePoint = {
  EOF: -1,
  NULL: 0,
  SOH: 1,
  BACKSPACE: 8,
  TABULATION: 9,
  LINE_FEED: 10,
  FORM_FEED: 12,
  CARRIAGE_RETURN: 13,
  ESCAPE: 27,
  SO: 14,
  US: 31,
  SPACE: 32,
  QUOTATION_MARK: 34,
  HASH: 35,
  SINGLE_QUOTE: 39,
  PLUS_SIGN: 43,
  COMMA: 44,
  DASH: 45,
  DOT: 46,
  DIGIT_0: 48,
  DIGIT_1: 49,
  DIGIT_2: 50,
  DIGIT_3: 51,
  DIGIT_7: 55,
  DIGIT_9: 57,
  COLON: 58,
  EQUALS_SIGN: 61,
  LATIN_CAPITAL_A: 65,
  LATIN_CAPITAL_E: 69,
  LATIN_CAPITAL_F: 70,
  LATIN_CAPITAL_T: 84,
  LATIN_CAPITAL_U: 85,
  LATIN_CAPITAL_Z: 90,
  LEFT_BRACKET: 91,
  BACKSLASH: 92,
  RIGHT_BRACKET: 93,
  UNDERSCORE: 95,
  LATIN_SMALL_A: 97,
  LATIN_SMALL_B: 98,
  LATIN_SMALL_E: 101,
  LATIN_SMALL_F: 102,
  LATIN_SMALL_I: 105,
  LATIN_SMALL_L: 108,
  LATIN_SMALL_N: 110,
  LATIN_SMALL_O: 111,
  LATIN_SMALL_R: 114,
  LATIN_SMALL_S: 115,
  LATIN_SMALL_T: 116,
  LATIN_SMALL_U: 117,
  LATIN_SMALL_X: 120,
  LATIN_SMALL_Z: 122,
  LEFT_BRACE: 123,
  RIGHT_BRACE: 125,
  TILDE: 126,
  DELETE: 127,
  PAD: 128,
  SUPERSCRIPT_TWO: 178,
  SUPERSCRIPT_THREE: 179,
  SUPERSCRIPT_ONE: 185,
  VULGAR_FRACTION_ONE_QUARTER: 188,
  VULGAR_FRACTION_THREE_QUARTERS: 190,
  LATIN_CAPITAL_LETTER_A_WITH_GRAVE: 192,
  LATIN_CAPITAL_LETTER_O_WITH_DIAERESIS: 214,
  LATIN_CAPITAL_LETTER_O_WITH_STROKE: 216,
  LATIN_SMALL_LETTER_O_WITH_DIAERESIS: 246,
  LATIN_SMALL_LETTER_O_WITH_STROKE: 248,
  GREEK_SMALL_REVERSED_DOTTED_LUNATE_SIGMA_SYMBOL: 891,
  GREEK_CAPITAL_LETTER_YOT: 895,
  CP_1FFF: 8191,
  ZERO_WIDTH_NON_JOINER: 8204,
  ZERO_WIDTH_JOINER: 8205,
  UNDERTIE: 8255,
  CHARACTER_TIE: 8256,
  SUPERSCRIPT_ZERO: 8304,
  CP_218F: 8591,
  CIRCLED_DIGIT_ONE: 9312,
  NEGATIVE_CIRCLED_DIGIT_ZERO: 9471,
  GLAGOLITIC_CAPITAL_LETTER_AZU: 11264,
  CP_2FEF: 12271,
  IDEOGRAPHIC_COMMA: 12289,
  CP_D7FF: 55295,
  CP_E000: 57344,
  CJK_COMPATIBILITY_IDEOGRAPH_F900: 63744,
  ARABIC_LIGATURE_SALAAMUHU_ALAYNAA: 64975,
  ARABIC_LIGATURE_SALLA_USED_AS_KORANIC_STOP_SIGN_ISOLATED_FORM: 65008,
  REPLACEMENT_CHARACTER: 65533,
  LINEAR_B_SYLLABLE_B008_A: 65536,
  CP_EFFFF: 983039,
  CP_10FFFF: 1114111
};
function isControl(cp) {
  return cp >= CodePoint.NULL && cp <= CodePoint.US;
}
function isWhitespace(cp) {
  return cp === CodePoint.TABULATION || cp === CodePoint.SPACE;
}
function isEOL2(cp) {
  return cp === CodePoint.LINE_FEED || cp === CodePoint.CARRIAGE_RETURN;
}
function isUpperLetter(cp) {
  return cp >= CodePoint.LATIN_CAPITAL_A && cp <= CodePoint.LATIN_CAPITAL_Z;
}
function isLowerLetter(cp) {
  return cp >= CodePoint.LATIN_SMALL_A && cp <= CodePoint.LATIN_SMALL_Z;
}
function isLetter(cp) {
  return isLowerLetter(cp) || isUpperLetter(cp);
}
function isDigit2(cp) {
  return cp >= CodePoint.DIGIT_0 && cp <= CodePoint.DIGIT_9;
}
function isHexDig(cp) {
  return isDigit2(cp) || cp >= CodePoint.LATIN_SMALL_A && cp <= CodePoint.LATIN_SMALL_F || cp >= CodePoint.LATIN_CAPITAL_A && cp <= CodePoint.LATIN_CAPITAL_F;
}
function isOctalDig(cp) {
  return cp >= CodePoint.DIGIT_0 && cp <= CodePoint.DIGIT_7;
}
function isUnicodeScalarValue(cp) {
  return cp >= 0 && cp <= 55295 || cp >= 57344 && cp <= 1114111;
}
function sortedLastIndex(array, value) {
  let low = 0;
  let high = array.length;
  while (low < high) {
    const mid = low + high >>> 1;
    const val = array[mid];
    if (val === value) return mid + 1;
    if (val < value) low = mid + 1;
    else high = mid;
  }
  return low;
}
var Locations = class {
  constructor() {
    this.offsets = [];
  }
  addOffset(offset) {
    for (let i = this.offsets.length - 1; i >= 0; i--) {
      const element = this.offsets[i];
      if (element === offset) return;
      if (element < offset) break;
    }
    this.offsets.push(offset);
  }
  /**
  * Calculate the location of the given index.
  * @param index The index to calculate their location.
  * @returns The location of the index.
  */
  getLocFromIndex(offset) {
    const line = sortedLastIndex(this.offsets, offset) + 1;
    return {
      line,
      column: offset - (line === 1 ? 0 : this.offsets[line - 2])
    };
  }
};
var CodePointIterator = class {
  /**
  * Initialize this char iterator.
  */
  constructor(text) {
    this.locs = new Locations();
    this.lastCodePoint = CodePoint.NULL;
    this.start = -1;
    this.end = 0;
    this.text = text;
  }
  next() {
    if (this.lastCodePoint === CodePoint.EOF) return CodePoint.EOF;
    return this.lastCodePoint = this.moveAt(this.end);
  }
  getLocFromIndex(index) {
    return this.locs.getLocFromIndex(index);
  }
  eat(cp) {
    if (this.text.codePointAt(this.end) === cp) {
      this.next();
      return true;
    }
    return false;
  }
  moveAt(offset) {
    this.start = this.end = offset;
    const cp = this.text.codePointAt(this.start) ?? CodePoint.EOF;
    if (cp === CodePoint.EOF) {
      this.end = this.start;
      return cp;
    }
    this.end += cp >= 65536 ? 2 : 1;
    if (cp === CodePoint.LINE_FEED) this.locs.addOffset(this.end);
    else if (cp === CodePoint.CARRIAGE_RETURN) {
      if (this.text.codePointAt(this.end) === CodePoint.LINE_FEED) {
        this.end++;
        this.locs.addOffset(this.end);
      }
      return CodePoint.LINE_FEED;
    }
    return cp;
  }
};
var HAS_BIGINT = typeof BigInt !== "undefined";
var RADIX_PREFIXES = {
  16: "0x",
  10: "",
  8: "0o",
  2: "0b"
};
var ESCAPES_1_0 = {
  [CodePoint.QUOTATION_MARK]: CodePoint.QUOTATION_MARK,
  [CodePoint.BACKSLASH]: CodePoint.BACKSLASH,
  [CodePoint.LATIN_SMALL_B]: CodePoint.BACKSPACE,
  [CodePoint.LATIN_SMALL_F]: CodePoint.FORM_FEED,
  [CodePoint.LATIN_SMALL_N]: CodePoint.LINE_FEED,
  [CodePoint.LATIN_SMALL_R]: CodePoint.CARRIAGE_RETURN,
  [CodePoint.LATIN_SMALL_T]: CodePoint.TABULATION
};
var ESCAPES_LATEST = {
  ...ESCAPES_1_0,
  [CodePoint.LATIN_SMALL_E]: CodePoint.ESCAPE
};
var Tokenizer = class {
  /**
  * Initialize this tokenizer.
  */
  constructor(text, parserOptions) {
    this.backCode = false;
    this.lastCodePoint = CodePoint.NULL;
    this.state = "DATA";
    this.token = null;
    this.tokenStart = -1;
    this.valuesEnabled = false;
    this.text = text;
    this.parserOptions = parserOptions || {};
    this.codePointIterator = new CodePointIterator(text);
    this.tomlVersion = getTOMLVer(this.parserOptions.tomlVersion);
    this.ESCAPES = this.tomlVersion.gte(1, 1) ? ESCAPES_LATEST : ESCAPES_1_0;
  }
  get start() {
    return this.codePointIterator.start;
  }
  get end() {
    return this.codePointIterator.end;
  }
  getLocFromIndex(index) {
    return this.codePointIterator.getLocFromIndex(index);
  }
  /**
  * Report an invalid character error.
  */
  reportParseError(code, data) {
    const offset = this.codePointIterator.start;
    const loc = this.codePointIterator.getLocFromIndex(offset);
    throw new ParseError(code, offset, loc.line, loc.column, data);
  }
  /**
  * Get the next token.
  */
  nextToken() {
    let token = this.token;
    if (token != null) {
      this.token = null;
      return token;
    }
    let cp = this.lastCodePoint;
    while (cp !== CodePoint.EOF && !this.token) {
      cp = this.nextCode();
      const nextState = this[this.state](cp);
      if (!nextState) throw new Error(`Unknown error: pre state=${this.state}`);
      this.state = nextState;
    }
    token = this.token;
    this.token = null;
    return token;
  }
  /**
  * Get the next code point.
  */
  nextCode() {
    if (this.lastCodePoint === CodePoint.EOF) return CodePoint.EOF;
    if (this.backCode) {
      this.backCode = false;
      return this.lastCodePoint;
    }
    return this.lastCodePoint = this.codePointIterator.next();
  }
  /**
  * Eat the next code point.
  */
  eatCode(cp) {
    if (this.lastCodePoint === CodePoint.EOF) return false;
    if (this.backCode) {
      if (this.lastCodePoint === cp) {
        this.backCode = false;
        return true;
      }
      return false;
    }
    return this.codePointIterator.eat(cp);
  }
  /**
  * Moves the character position to the given position.
  */
  moveAt(loc) {
    if (this.backCode) this.backCode = false;
    this.lastCodePoint = this.codePointIterator.moveAt(loc);
  }
  /**
  * Back the current code point as the given state.
  */
  back(state) {
    this.backCode = true;
    return state;
  }
  punctuatorToken() {
    this.startToken();
    this.endToken("Punctuator", "end");
  }
  startToken() {
    this.tokenStart = this.codePointIterator.start;
  }
  /**
  * Commit the current token.
  */
  endToken(type, pos, option1, option2) {
    const { tokenStart } = this;
    const end = this.codePointIterator[pos];
    const range = [tokenStart, end];
    const loc = {
      start: this.codePointIterator.getLocFromIndex(tokenStart),
      end: this.codePointIterator.getLocFromIndex(end)
    };
    if (type === "Block") this.token = {
      type,
      value: this.text.slice(tokenStart + 1, end),
      range,
      loc
    };
    else {
      let token;
      const value = this.text.slice(tokenStart, end);
      if (type === "BasicString" || type === "LiteralString" || type === "MultiLineBasicString" || type === "MultiLineLiteralString") token = {
        type,
        value,
        string: option1,
        range,
        loc
      };
      else if (type === "Integer") {
        const text = option1;
        token = {
          type,
          value,
          number: parseInt(text, option2),
          bigint: HAS_BIGINT ? BigInt(RADIX_PREFIXES[option2] + text) : null,
          range,
          loc
        };
      } else if (type === "Float") token = {
        type,
        value,
        number: option1,
        range,
        loc
      };
      else if (type === "Boolean") token = {
        type,
        value,
        boolean: option1,
        range,
        loc
      };
      else if (type === "LocalDate" || type === "LocalTime" || type === "LocalDateTime" || type === "OffsetDateTime") token = {
        type,
        value,
        date: option1,
        range,
        loc
      };
      else token = {
        type,
        value,
        range,
        loc
      };
      this.token = token;
    }
  }
  DATA(cp) {
    while (isWhitespace(cp) || isEOL2(cp)) cp = this.nextCode();
    if (cp === CodePoint.HASH) {
      this.startToken();
      return "COMMENT";
    }
    if (cp === CodePoint.QUOTATION_MARK) {
      this.startToken();
      return "BASIC_STRING";
    }
    if (cp === CodePoint.SINGLE_QUOTE) {
      this.startToken();
      return "LITERAL_STRING";
    }
    if (cp === CodePoint.DOT || cp === CodePoint.EQUALS_SIGN || cp === CodePoint.LEFT_BRACKET || cp === CodePoint.RIGHT_BRACKET || cp === CodePoint.LEFT_BRACE || cp === CodePoint.RIGHT_BRACE || cp === CodePoint.COMMA) {
      this.punctuatorToken();
      return "DATA";
    }
    if (this.valuesEnabled) {
      if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
        this.startToken();
        return "SIGN";
      }
      if (cp === CodePoint.LATIN_SMALL_N || cp === CodePoint.LATIN_SMALL_I) {
        this.startToken();
        return this.back("NAN_OR_INF");
      }
      if (isDigit2(cp)) {
        this.startToken();
        return this.back("NUMBER");
      }
      if (cp === CodePoint.LATIN_SMALL_T || cp === CodePoint.LATIN_SMALL_F) {
        this.startToken();
        return this.back("BOOLEAN");
      }
    } else if (isUnquotedKeyChar(cp, this.tomlVersion)) {
      this.startToken();
      return "BARE";
    }
    if (cp === CodePoint.EOF) return "DATA";
    return this.reportParseError("unexpected-char");
  }
  COMMENT(cp) {
    const processCommentChar = this.tomlVersion.gte(1, 1) ? (c) => {
      if (!isNonEOL(c)) this.reportParseError("invalid-comment-character", { cp: JSON.stringify(String.fromCodePoint(c)).slice(1, -1) });
    } : (c) => {
      if (isControlOtherThanTab(c)) this.reportParseErrorControlChar();
    };
    while (!isEOL2(cp) && cp !== CodePoint.EOF) {
      processCommentChar(cp);
      cp = this.nextCode();
    }
    this.endToken("Block", "start");
    return "DATA";
  }
  BARE(cp) {
    while (isUnquotedKeyChar(cp, this.tomlVersion)) cp = this.nextCode();
    this.endToken("Bare", "start");
    return this.back("DATA");
  }
  BASIC_STRING(cp) {
    if (cp === CodePoint.QUOTATION_MARK) {
      cp = this.nextCode();
      if (cp === CodePoint.QUOTATION_MARK) return "MULTI_LINE_BASIC_STRING";
      this.endToken("BasicString", "start", "");
      return this.back("DATA");
    }
    const out = [];
    while (cp !== CodePoint.QUOTATION_MARK && cp !== CodePoint.EOF && cp !== CodePoint.LINE_FEED) {
      if (isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
      if (cp === CodePoint.BACKSLASH) {
        cp = this.nextCode();
        const ecp = this.ESCAPES[cp];
        if (ecp) {
          out.push(ecp);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LATIN_SMALL_U) {
          const code = this.parseUnicode(4);
          out.push(code);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LATIN_CAPITAL_U) {
          const code = this.parseUnicode(8);
          out.push(code);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LATIN_SMALL_X && this.tomlVersion.gte(1, 1)) {
          const code = this.parseUnicode(2);
          out.push(code);
          cp = this.nextCode();
          continue;
        }
        return this.reportParseError("invalid-char-in-escape-sequence");
      }
      out.push(cp);
      cp = this.nextCode();
    }
    if (cp !== CodePoint.QUOTATION_MARK) return this.reportParseError("unterminated-string");
    this.endToken("BasicString", "end", String.fromCodePoint(...out));
    return "DATA";
  }
  MULTI_LINE_BASIC_STRING(cp) {
    const out = [];
    if (cp === CodePoint.LINE_FEED) cp = this.nextCode();
    while (cp !== CodePoint.EOF) {
      if (cp !== CodePoint.LINE_FEED && isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
      if (cp === CodePoint.QUOTATION_MARK) {
        const startPos = this.codePointIterator.start;
        if (this.eatCode(CodePoint.QUOTATION_MARK) && this.eatCode(CodePoint.QUOTATION_MARK)) {
          if (this.eatCode(CodePoint.QUOTATION_MARK)) {
            out.push(CodePoint.QUOTATION_MARK);
            if (this.eatCode(CodePoint.QUOTATION_MARK)) {
              out.push(CodePoint.QUOTATION_MARK);
              if (this.eatCode(CodePoint.QUOTATION_MARK)) {
                this.moveAt(startPos);
                return this.reportParseError("invalid-three-quotes");
              }
            }
          }
          this.endToken("MultiLineBasicString", "end", String.fromCodePoint(...out));
          return "DATA";
        }
        this.moveAt(startPos);
      }
      if (cp === CodePoint.BACKSLASH) {
        cp = this.nextCode();
        const ecp = this.ESCAPES[cp];
        if (ecp) {
          out.push(ecp);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LATIN_SMALL_U) {
          const code = this.parseUnicode(4);
          out.push(code);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LATIN_CAPITAL_U) {
          const code = this.parseUnicode(8);
          out.push(code);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LATIN_SMALL_X && this.tomlVersion.gte(1, 1)) {
          const code = this.parseUnicode(2);
          out.push(code);
          cp = this.nextCode();
          continue;
        } else if (cp === CodePoint.LINE_FEED) {
          cp = this.nextCode();
          while (isWhitespace(cp) || cp === CodePoint.LINE_FEED) cp = this.nextCode();
          continue;
        } else if (isWhitespace(cp)) {
          let valid = true;
          const startPos = this.codePointIterator.start;
          let nextCp;
          while ((nextCp = this.nextCode()) !== CodePoint.EOF) {
            if (nextCp === CodePoint.LINE_FEED) break;
            if (!isWhitespace(nextCp)) {
              this.moveAt(startPos);
              valid = false;
              break;
            }
          }
          if (valid) {
            cp = this.nextCode();
            while (isWhitespace(cp) || cp === CodePoint.LINE_FEED) cp = this.nextCode();
            continue;
          }
        }
        return this.reportParseError("invalid-char-in-escape-sequence");
      }
      out.push(cp);
      cp = this.nextCode();
    }
    return this.reportParseError("unterminated-string");
  }
  LITERAL_STRING(cp) {
    if (cp === CodePoint.SINGLE_QUOTE) {
      cp = this.nextCode();
      if (cp === CodePoint.SINGLE_QUOTE) return "MULTI_LINE_LITERAL_STRING";
      this.endToken("LiteralString", "start", "");
      return this.back("DATA");
    }
    const out = [];
    while (cp !== CodePoint.SINGLE_QUOTE && cp !== CodePoint.EOF && cp !== CodePoint.LINE_FEED) {
      if (isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
      out.push(cp);
      cp = this.nextCode();
    }
    if (cp !== CodePoint.SINGLE_QUOTE) return this.reportParseError("unterminated-string");
    this.endToken("LiteralString", "end", String.fromCodePoint(...out));
    return "DATA";
  }
  MULTI_LINE_LITERAL_STRING(cp) {
    const out = [];
    if (cp === CodePoint.LINE_FEED) cp = this.nextCode();
    while (cp !== CodePoint.EOF) {
      if (cp !== CodePoint.LINE_FEED && isControlOtherThanTab(cp)) return this.reportParseErrorControlChar();
      if (cp === CodePoint.SINGLE_QUOTE) {
        const startPos = this.codePointIterator.start;
        if (this.eatCode(CodePoint.SINGLE_QUOTE) && this.eatCode(CodePoint.SINGLE_QUOTE)) {
          if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
            out.push(CodePoint.SINGLE_QUOTE);
            if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
              out.push(CodePoint.SINGLE_QUOTE);
              if (this.eatCode(CodePoint.SINGLE_QUOTE)) {
                this.moveAt(startPos);
                return this.reportParseError("invalid-three-quotes");
              }
            }
          }
          this.endToken("MultiLineLiteralString", "end", String.fromCodePoint(...out));
          return "DATA";
        }
        this.moveAt(startPos);
      }
      out.push(cp);
      cp = this.nextCode();
    }
    return this.reportParseError("unterminated-string");
  }
  SIGN(cp) {
    if (cp === CodePoint.LATIN_SMALL_N || cp === CodePoint.LATIN_SMALL_I) return this.back("NAN_OR_INF");
    if (isDigit2(cp)) return this.back("NUMBER");
    return this.reportParseError("unexpected-char");
  }
  NAN_OR_INF(cp) {
    if (cp === CodePoint.LATIN_SMALL_N) {
      const startPos = this.codePointIterator.start;
      if (this.eatCode(CodePoint.LATIN_SMALL_A) && this.eatCode(CodePoint.LATIN_SMALL_N)) {
        this.endToken("Float", "end", NaN);
        return "DATA";
      }
      this.moveAt(startPos);
    } else if (cp === CodePoint.LATIN_SMALL_I) {
      const startPos = this.codePointIterator.start;
      if (this.eatCode(CodePoint.LATIN_SMALL_N) && this.eatCode(CodePoint.LATIN_SMALL_F)) {
        this.endToken("Float", "end", this.text[this.tokenStart] === "-" ? -Infinity : Infinity);
        return "DATA";
      }
      this.moveAt(startPos);
    }
    return this.reportParseError("unexpected-char");
  }
  NUMBER(cp) {
    const start = this.text[this.tokenStart];
    const sign = start === "+" ? CodePoint.PLUS_SIGN : start === "-" ? CodePoint.DASH : CodePoint.NULL;
    if (cp === CodePoint.DIGIT_0) {
      if (sign === CodePoint.NULL) {
        const startPos = this.codePointIterator.start;
        const nextCp$1 = this.nextCode();
        if (isDigit2(nextCp$1)) {
          const nextNextCp = this.nextCode();
          if (nextNextCp === CodePoint.COLON) {
            this.data = {
              hasDate: false,
              year: 0,
              month: 0,
              day: 0,
              hour: Number(String.fromCodePoint(CodePoint.DIGIT_0, nextCp$1)),
              minute: 0,
              second: 0
            };
            return "TIME_MINUTE";
          }
          if (isDigit2(nextNextCp)) {
            const nextNextNextCp = this.nextCode();
            if (isDigit2(nextNextNextCp) && this.eatCode(CodePoint.DASH)) {
              this.data = {
                hasDate: true,
                year: Number(String.fromCodePoint(CodePoint.DIGIT_0, nextCp$1, nextNextCp, nextNextNextCp)),
                month: 0,
                day: 0,
                hour: 0,
                minute: 0,
                second: 0
              };
              return "DATE_MONTH";
            }
          }
          this.moveAt(startPos);
          return this.reportParseError("invalid-leading-zero");
        }
        this.moveAt(startPos);
      }
      cp = this.nextCode();
      if (cp === CodePoint.LATIN_SMALL_X || cp === CodePoint.LATIN_SMALL_O || cp === CodePoint.LATIN_SMALL_B) {
        if (sign !== CodePoint.NULL) return this.reportParseError("unexpected-char");
        return cp === CodePoint.LATIN_SMALL_X ? "HEX" : cp === CodePoint.LATIN_SMALL_O ? "OCTAL" : "BINARY";
      }
      if (cp === CodePoint.LATIN_SMALL_E || cp === CodePoint.LATIN_CAPITAL_E) {
        this.data = {
          minus: sign === CodePoint.DASH,
          left: [CodePoint.DIGIT_0]
        };
        return "EXPONENT_RIGHT";
      }
      if (cp === CodePoint.DOT) {
        this.data = {
          minus: sign === CodePoint.DASH,
          absInt: [CodePoint.DIGIT_0]
        };
        return "FRACTIONAL_RIGHT";
      }
      this.endToken("Integer", "start", "0", 10);
      return this.back("DATA");
    }
    const { out, nextCp, hasUnderscore } = this.parseDigits(cp, isDigit2);
    if (nextCp === CodePoint.DASH && sign === CodePoint.NULL && !hasUnderscore && out.length === 4) {
      this.data = {
        hasDate: true,
        year: Number(String.fromCodePoint(...out)),
        month: 0,
        day: 0,
        hour: 0,
        minute: 0,
        second: 0
      };
      return "DATE_MONTH";
    }
    if (nextCp === CodePoint.COLON && sign === CodePoint.NULL && !hasUnderscore && out.length === 2) {
      this.data = {
        hasDate: false,
        year: 0,
        month: 0,
        day: 0,
        hour: Number(String.fromCodePoint(...out)),
        minute: 0,
        second: 0
      };
      return "TIME_MINUTE";
    }
    if (nextCp === CodePoint.LATIN_SMALL_E || nextCp === CodePoint.LATIN_CAPITAL_E) {
      this.data = {
        minus: sign === CodePoint.DASH,
        left: out
      };
      return "EXPONENT_RIGHT";
    }
    if (nextCp === CodePoint.DOT) {
      this.data = {
        minus: sign === CodePoint.DASH,
        absInt: out
      };
      return "FRACTIONAL_RIGHT";
    }
    this.endToken("Integer", "start", sign === CodePoint.DASH ? String.fromCodePoint(CodePoint.DASH, ...out) : String.fromCodePoint(...out), 10);
    return this.back("DATA");
  }
  HEX(cp) {
    const { out } = this.parseDigits(cp, isHexDig);
    this.endToken("Integer", "start", String.fromCodePoint(...out), 16);
    return this.back("DATA");
  }
  OCTAL(cp) {
    const { out } = this.parseDigits(cp, isOctalDig);
    this.endToken("Integer", "start", String.fromCodePoint(...out), 8);
    return this.back("DATA");
  }
  BINARY(cp) {
    const { out } = this.parseDigits(cp, (c) => c === CodePoint.DIGIT_0 || c === CodePoint.DIGIT_1);
    this.endToken("Integer", "start", String.fromCodePoint(...out), 2);
    return this.back("DATA");
  }
  FRACTIONAL_RIGHT(cp) {
    const { minus, absInt } = this.data;
    const { out, nextCp } = this.parseDigits(cp, isDigit2);
    const absNum = [
      ...absInt,
      CodePoint.DOT,
      ...out
    ];
    if (nextCp === CodePoint.LATIN_SMALL_E || nextCp === CodePoint.LATIN_CAPITAL_E) {
      this.data = {
        minus,
        left: absNum
      };
      return "EXPONENT_RIGHT";
    }
    const value = Number(minus ? String.fromCodePoint(CodePoint.DASH, ...absNum) : String.fromCodePoint(...absNum));
    this.endToken("Float", "start", value);
    return this.back("DATA");
  }
  EXPONENT_RIGHT(cp) {
    const { left, minus: leftMinus } = this.data;
    let minus = false;
    if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
      minus = cp === CodePoint.DASH;
      cp = this.nextCode();
    }
    const { out } = this.parseDigits(cp, isDigit2);
    const right = out;
    if (minus) right.unshift(CodePoint.DASH);
    const value = Number(leftMinus ? String.fromCodePoint(CodePoint.DASH, ...left, CodePoint.LATIN_SMALL_E, ...right) : String.fromCodePoint(...left, CodePoint.LATIN_SMALL_E, ...right));
    this.endToken("Float", "start", value);
    return this.back("DATA");
  }
  BOOLEAN(cp) {
    if (cp === CodePoint.LATIN_SMALL_T) {
      const startPos = this.codePointIterator.start;
      if (this.eatCode(CodePoint.LATIN_SMALL_R) && this.eatCode(CodePoint.LATIN_SMALL_U) && this.eatCode(CodePoint.LATIN_SMALL_E)) {
        this.endToken("Boolean", "end", true);
        return "DATA";
      }
      this.moveAt(startPos);
    } else if (cp === CodePoint.LATIN_SMALL_F) {
      const startPos = this.codePointIterator.start;
      if (this.eatCode(CodePoint.LATIN_SMALL_A) && this.eatCode(CodePoint.LATIN_SMALL_L) && this.eatCode(CodePoint.LATIN_SMALL_S) && this.eatCode(CodePoint.LATIN_SMALL_E)) {
        this.endToken("Boolean", "end", false);
        return "DATA";
      }
      this.moveAt(startPos);
    }
    return this.reportParseError("unexpected-char");
  }
  DATE_MONTH(cp) {
    const start = this.codePointIterator.start;
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (cp !== CodePoint.DASH) return this.reportParseError("unexpected-char");
    const end = this.codePointIterator.start;
    const data = this.data;
    data.month = Number(this.text.slice(start, end));
    return "DATE_DAY";
  }
  DATE_DAY(cp) {
    const start = this.codePointIterator.start;
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    const end = this.codePointIterator.end;
    const data = this.data;
    data.day = Number(this.text.slice(start, end));
    if (!isValidDate(data.year, data.month, data.day)) return this.reportParseError("invalid-date");
    cp = this.nextCode();
    if (cp === CodePoint.LATIN_CAPITAL_T || cp === CodePoint.LATIN_SMALL_T) return "TIME_HOUR";
    if (cp === CodePoint.SPACE) {
      const startPos = this.codePointIterator.start;
      if (isDigit2(this.nextCode()) && isDigit2(this.nextCode())) {
        this.moveAt(startPos);
        return "TIME_HOUR";
      }
      this.moveAt(startPos);
    }
    const dateValue = getDateFromDateTimeData(data, "");
    this.endToken("LocalDate", "start", dateValue);
    return this.back("DATA");
  }
  TIME_HOUR(cp) {
    const start = this.codePointIterator.start;
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (cp !== CodePoint.COLON) return this.reportParseError("unexpected-char");
    const end = this.codePointIterator.start;
    const data = this.data;
    data.hour = Number(this.text.slice(start, end));
    return "TIME_MINUTE";
  }
  TIME_MINUTE(cp) {
    const start = this.codePointIterator.start;
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    const end = this.codePointIterator.end;
    const data = this.data;
    data.minute = Number(this.text.slice(start, end));
    cp = this.nextCode();
    if (cp === CodePoint.COLON) return "TIME_SECOND";
    if (this.tomlVersion.lt(1, 1)) return this.reportParseError("unexpected-char");
    if (!isValidTime(data.hour, data.minute, data.second)) return this.reportParseError("invalid-time");
    return this.processTimeEnd(cp, data);
  }
  TIME_SECOND(cp) {
    const start = this.codePointIterator.start;
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    const end = this.codePointIterator.end;
    const data = this.data;
    data.second = Number(this.text.slice(start, end));
    if (!isValidTime(data.hour, data.minute, data.second)) return this.reportParseError("invalid-time");
    cp = this.nextCode();
    if (cp === CodePoint.DOT) return "TIME_SEC_FRAC";
    return this.processTimeEnd(cp, data);
  }
  TIME_SEC_FRAC(cp) {
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    const start = this.codePointIterator.start;
    while (isDigit2(cp)) cp = this.nextCode();
    const end = this.codePointIterator.start;
    const data = this.data;
    data.frac = this.text.slice(start, end);
    return this.processTimeEnd(cp, data);
  }
  processTimeEnd(cp, data) {
    if (data.hasDate) {
      if (cp === CodePoint.DASH || cp === CodePoint.PLUS_SIGN) {
        data.offsetSign = cp;
        return "TIME_OFFSET";
      }
      if (cp === CodePoint.LATIN_CAPITAL_Z || cp === CodePoint.LATIN_SMALL_Z) {
        const dateValue$2 = getDateFromDateTimeData(data, "Z");
        this.endToken("OffsetDateTime", "end", dateValue$2);
        return "DATA";
      }
      const dateValue$1 = getDateFromDateTimeData(data, "");
      this.endToken("LocalDateTime", "start", dateValue$1);
      return this.back("DATA");
    }
    const dateValue = getDateFromDateTimeData(data, "");
    this.endToken("LocalTime", "start", dateValue);
    return this.back("DATA");
  }
  TIME_OFFSET(cp) {
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    const hourStart = this.codePointIterator.start;
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (cp !== CodePoint.COLON) return this.reportParseError("unexpected-char");
    const hourEnd = this.codePointIterator.start;
    cp = this.nextCode();
    const minuteStart = this.codePointIterator.start;
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    cp = this.nextCode();
    if (!isDigit2(cp)) return this.reportParseError("unexpected-char");
    const minuteEnd = this.codePointIterator.end;
    const hour = Number(this.text.slice(hourStart, hourEnd));
    const minute = Number(this.text.slice(minuteStart, minuteEnd));
    if (!isValidTime(hour, minute, 0)) return this.reportParseError("invalid-time");
    const data = this.data;
    const dateValue = getDateFromDateTimeData(data, `${String.fromCodePoint(data.offsetSign)}${padStart(hour, 2)}:${padStart(minute, 2)}`);
    this.endToken("OffsetDateTime", "end", dateValue);
    return "DATA";
  }
  parseDigits(cp, checkDigit) {
    if (cp === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
    if (!checkDigit(cp)) return this.reportParseError("unexpected-char");
    const out = [];
    let before = CodePoint.NULL;
    let hasUnderscore = false;
    while (checkDigit(cp) || cp === CodePoint.UNDERSCORE) {
      if (cp === CodePoint.UNDERSCORE) {
        hasUnderscore = true;
        if (before === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
      } else out.push(cp);
      before = cp;
      cp = this.nextCode();
    }
    if (before === CodePoint.UNDERSCORE) return this.reportParseError("invalid-underscore");
    return {
      out,
      nextCp: cp,
      hasUnderscore
    };
  }
  parseUnicode(count) {
    const startLoc = this.codePointIterator.start;
    const start = this.codePointIterator.end;
    let charCount = 0;
    let cp;
    while ((cp = this.nextCode()) !== CodePoint.EOF) {
      if (!isHexDig(cp)) {
        this.moveAt(startLoc);
        return this.reportParseError("invalid-char-in-escape-sequence");
      }
      charCount++;
      if (charCount >= count) break;
    }
    const end = this.codePointIterator.end;
    const code = this.text.slice(start, end);
    const codePoint = parseInt(code, 16);
    if (!isUnicodeScalarValue(codePoint)) return this.reportParseError("invalid-code-point", { cp: code });
    return codePoint;
  }
  reportParseErrorControlChar() {
    return this.reportParseError("invalid-control-character");
  }
};
function isUnquotedKeyChar(cp, tomlVersion) {
  if (isLetter(cp) || isDigit2(cp) || cp === CodePoint.UNDERSCORE || cp === CodePoint.DASH) return true;
  if (tomlVersion.lt(1, 1)) return false;
  return false;
}
function isControlOtherThanTab(cp) {
  return isControl(cp) && cp !== CodePoint.TABULATION || cp === CodePoint.DELETE;
}
function isNonEOL(cp) {
  return cp === CodePoint.TABULATION || CodePoint.SPACE <= cp && cp <= CodePoint.TILDE || isNonAscii(cp);
}
function isNonAscii(cp) {
  return CodePoint.PAD <= cp && cp <= CodePoint.CP_D7FF || CodePoint.CP_E000 <= cp && cp <= CodePoint.CP_10FFFF;
}
function isValidDate(y, m, d) {
  if (y >= 0 && m <= 12 && m >= 1 && d >= 1) return d <= (m === 2 ? y & 3 || !(y % 25) && y & 15 ? 28 : 29 : 30 + (m + (m >> 3) & 1));
  return false;
}
function isValidTime(h, m, s) {
  if (h >= 24 || h < 0 || m > 59 || m < 0 || s > 60 || s < 0) return false;
  return true;
}
function getDateFromDateTimeData(data, timeZone) {
  const year = padStart(data.year, 4);
  const month = data.month ? padStart(data.month, 2) : "01";
  const day = data.day ? padStart(data.day, 2) : "01";
  const hour = padStart(data.hour, 2);
  const minute = padStart(data.minute, 2);
  const second = padStart(data.second, 2);
  const textDate = `${year}-${month}-${day}`;
  const frac = data.frac ? `.${data.frac}` : "";
  const dateValue = /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:${second}${frac}${timeZone}`);
  if (!isNaN(dateValue.getTime()) || data.second !== 60) return dateValue;
  return /* @__PURE__ */ new Date(`${textDate}T${hour}:${minute}:59${frac}${timeZone}`);
}
function padStart(num, maxLength) {
  return String(num).padStart(maxLength, "0");
}
var VALUE_KIND_VALUE = /* @__PURE__ */ Symbol("VALUE_KIND_VALUE");
var VALUE_KIND_INTERMEDIATE = /* @__PURE__ */ Symbol("VALUE_KIND_INTERMEDIATE");
var KeysResolver = class {
  constructor(ctx) {
    this.rootKeys = /* @__PURE__ */ new Map();
    this.tables = [];
    this.ctx = ctx;
  }
  applyResolveKeyForTable(node) {
    let keys = this.rootKeys;
    const peekKeyIndex = node.key.keys.length - 1;
    for (let index = 0; index < peekKeyIndex; index++) {
      const keyNode = node.key.keys[index];
      const keyName2 = toKeyName(keyNode);
      node.resolvedKey.push(keyName2);
      let keyStore = keys.get(keyName2);
      if (!keyStore) {
        keyStore = {
          node: keyNode,
          keys: /* @__PURE__ */ new Map()
        };
        keys.set(keyName2, keyStore);
      } else if (keyStore.table === "array") {
        const peekIndex = keyStore.peekIndex;
        node.resolvedKey.push(peekIndex);
        keyStore = keyStore.keys.get(peekIndex);
      }
      keys = keyStore.keys;
    }
    const lastKeyNode = node.key.keys[peekKeyIndex];
    const lastKeyName = toKeyName(lastKeyNode);
    node.resolvedKey.push(lastKeyName);
    const lastKeyStore = keys.get(lastKeyName);
    if (!lastKeyStore) if (node.kind === "array") {
      node.resolvedKey.push(0);
      const newKeyStore = {
        node: lastKeyNode,
        keys: /* @__PURE__ */ new Map()
      };
      keys.set(lastKeyName, {
        table: node.kind,
        node: lastKeyNode,
        keys: /* @__PURE__ */ new Map([[0, newKeyStore]]),
        peekIndex: 0
      });
      this.tables.push({
        node,
        keys: newKeyStore.keys
      });
    } else {
      const newKeyStore = {
        table: node.kind,
        node: lastKeyNode,
        keys: /* @__PURE__ */ new Map()
      };
      keys.set(lastKeyName, newKeyStore);
      this.tables.push({
        node,
        keys: newKeyStore.keys
      });
    }
    else if (!lastKeyStore.table) if (node.kind === "array") this.ctx.reportParseError("dupe-keys", lastKeyNode);
    else {
      const transformKey = {
        table: node.kind,
        node: lastKeyNode,
        keys: lastKeyStore.keys
      };
      keys.set(lastKeyName, transformKey);
      this.tables.push({
        node,
        keys: transformKey.keys
      });
    }
    else if (lastKeyStore.table === "array") if (node.kind === "array") {
      const newKeyStore = {
        node: lastKeyNode,
        keys: /* @__PURE__ */ new Map()
      };
      const newIndex = lastKeyStore.peekIndex + 1;
      node.resolvedKey.push(newIndex);
      lastKeyStore.keys.set(newIndex, newKeyStore);
      lastKeyStore.peekIndex = newIndex;
      this.tables.push({
        node,
        keys: newKeyStore.keys
      });
    } else this.ctx.reportParseError("dupe-keys", lastKeyNode);
    else this.ctx.reportParseError("dupe-keys", lastKeyNode);
  }
  verifyDuplicateKeys(node) {
    for (const body of node.body) if (body.type === "TOMLKeyValue") verifyDuplicateKeysForKeyValue(this.ctx, this.rootKeys, body);
    for (const { node: tableNode, keys } of this.tables) for (const body of tableNode.body) verifyDuplicateKeysForKeyValue(this.ctx, keys, body);
  }
};
function verifyDuplicateKeysForKeyValue(ctx, defineKeys, node) {
  let keys = defineKeys;
  const lastKey = last(node.key.keys);
  for (const keyNode of node.key.keys) {
    const key = toKeyName(keyNode);
    let defineKey = keys.get(key);
    if (defineKey) {
      if (defineKey.value === VALUE_KIND_VALUE) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
      else if (lastKey === keyNode) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
      else if (defineKey.table) ctx.reportParseError("dupe-keys", getAfterNode(keyNode, defineKey.node));
      defineKey.value = VALUE_KIND_INTERMEDIATE;
    } else {
      if (lastKey === keyNode) defineKey = {
        value: VALUE_KIND_VALUE,
        node: keyNode,
        keys: /* @__PURE__ */ new Map()
      };
      else defineKey = {
        value: VALUE_KIND_INTERMEDIATE,
        node: keyNode,
        keys: /* @__PURE__ */ new Map()
      };
      keys.set(key, defineKey);
    }
    keys = defineKey.keys;
  }
  if (node.value.type === "TOMLInlineTable") verifyDuplicateKeysForInlineTable(ctx, keys, node.value);
  else if (node.value.type === "TOMLArray") verifyDuplicateKeysForArray(ctx, keys, node.value);
}
function verifyDuplicateKeysForInlineTable(ctx, defineKeys, node) {
  for (const body of node.body) verifyDuplicateKeysForKeyValue(ctx, defineKeys, body);
}
function verifyDuplicateKeysForArray(ctx, defineKeys, node) {
  const keys = defineKeys;
  for (let index = 0; index < node.elements.length; index++) {
    const element = node.elements[index];
    let defineKey = keys.get(index);
    if (defineKey) ctx.reportParseError("dupe-keys", getAfterNode(element, defineKey.node));
    else {
      defineKey = {
        value: VALUE_KIND_VALUE,
        node: element,
        keys: /* @__PURE__ */ new Map()
      };
      defineKeys.set(index, defineKey);
      if (element.type === "TOMLInlineTable") verifyDuplicateKeysForInlineTable(ctx, defineKey.keys, element);
      else if (element.type === "TOMLArray") verifyDuplicateKeysForArray(ctx, defineKey.keys, element);
    }
  }
}
function getAfterNode(a, b) {
  return a.range[0] <= b.range[0] ? b : a;
}
var Context = class {
  constructor(data) {
    this.tokens = [];
    this.comments = [];
    this.back = null;
    this.stateStack = [];
    this.needNewLine = false;
    this.needSameLine = false;
    this.currToken = null;
    this.prevToken = null;
    this.valueContainerStack = [];
    this.tokenizer = new Tokenizer(data.text, data.parserOptions);
    this.topLevelTable = data.topLevelTable;
    this.table = data.topLevelTable;
    this.keysResolver = new KeysResolver(this);
  }
  /**
  * Get the next token.
  */
  nextToken(option) {
    this.prevToken = this.currToken;
    if (this.back) {
      this.currToken = this.back;
      this.back = null;
    } else this.currToken = this._nextTokenFromTokenizer(option);
    if ((this.needNewLine || this.needSameLine || option?.needSameLine) && this.prevToken && this.currToken) if (this.prevToken.loc.end.line === this.currToken.loc.start.line) {
      if (this.needNewLine) return this.reportParseError("missing-newline", this.currToken);
    } else {
      const needSameLine = this.needSameLine || option?.needSameLine;
      if (needSameLine) return this.reportParseError(needSameLine, this.currToken);
    }
    this.needNewLine = false;
    this.needSameLine = false;
    return this.currToken;
  }
  _nextTokenFromTokenizer(option) {
    const valuesEnabled = this.tokenizer.valuesEnabled;
    if (option?.valuesEnabled) this.tokenizer.valuesEnabled = option.valuesEnabled;
    let token = this.tokenizer.nextToken();
    while (token && token.type === "Block") {
      this.comments.push(token);
      token = this.tokenizer.nextToken();
    }
    if (token) this.tokens.push(token);
    this.tokenizer.valuesEnabled = valuesEnabled;
    return token;
  }
  backToken() {
    if (this.back) throw new Error("Illegal state");
    this.back = this.currToken;
    this.currToken = this.prevToken;
  }
  addValueContainer(valueContainer) {
    this.valueContainerStack.push(valueContainer);
    this.tokenizer.valuesEnabled = true;
  }
  consumeValueContainer() {
    const valueContainer = this.valueContainerStack.pop();
    this.tokenizer.valuesEnabled = this.valueContainerStack.length > 0;
    return valueContainer;
  }
  applyResolveKeyForTable(node) {
    this.keysResolver.applyResolveKeyForTable(node);
  }
  verifyDuplicateKeys() {
    this.keysResolver.verifyDuplicateKeys(this.topLevelTable);
  }
  /**
  * Report an invalid token error.
  */
  reportParseError(code, token) {
    let offset, line, column;
    if (token) {
      offset = token.range[0];
      line = token.loc.start.line;
      column = token.loc.start.column;
    } else {
      offset = this.tokenizer.start;
      const startPos = this.tokenizer.getLocFromIndex(offset);
      line = startPos.line;
      column = startPos.column;
    }
    throw new ParseError(code, offset, line, column);
  }
};
var STATE_FOR_ERROR = { VALUE: "missing-value" };
var STRING_VALUE_STYLE_MAP = {
  BasicString: "basic",
  MultiLineBasicString: "basic",
  LiteralString: "literal",
  MultiLineLiteralString: "literal"
};
var STRING_KEY_STYLE_MAP = {
  BasicString: "basic",
  LiteralString: "literal"
};
var DATETIME_VALUE_KIND_MAP = {
  OffsetDateTime: "offset-date-time",
  LocalDateTime: "local-date-time",
  LocalDate: "local-date",
  LocalTime: "local-time"
};
var TOMLParser = class {
  /**
  * Initialize this parser.
  */
  constructor(text, parserOptions) {
    this.text = text;
    this.parserOptions = parserOptions || {};
    this.tomlVersion = getTOMLVer(this.parserOptions.tomlVersion);
  }
  /**
  * Parse TOML
  */
  parse() {
    const ast = {
      type: "Program",
      body: [],
      sourceType: "module",
      tokens: [],
      comments: [],
      parent: null,
      range: [0, 0],
      loc: {
        start: {
          line: 1,
          column: 0
        },
        end: {
          line: 1,
          column: 0
        }
      }
    };
    const node = {
      type: "TOMLTopLevelTable",
      body: [],
      parent: ast,
      range: cloneRange(ast.range),
      loc: cloneLoc(ast.loc)
    };
    ast.body = [node];
    const ctx = new Context({
      text: this.text,
      parserOptions: this.parserOptions,
      topLevelTable: node
    });
    let token = ctx.nextToken();
    if (token) {
      node.range[0] = token.range[0];
      node.loc.start = clonePos(token.loc.start);
      while (token) {
        const state$1 = ctx.stateStack.pop() || "TABLE";
        ctx.stateStack.push(...this[state$1](token, ctx));
        token = ctx.nextToken();
      }
      const state = ctx.stateStack.pop() || "TABLE";
      if (state in STATE_FOR_ERROR) return ctx.reportParseError(STATE_FOR_ERROR[state], null);
      if (ctx.table.type === "TOMLTable") applyEndLoc(ctx.table, last(ctx.table.body));
      applyEndLoc(node, last(node.body));
    }
    ctx.verifyDuplicateKeys();
    ast.tokens = ctx.tokens;
    ast.comments = ctx.comments;
    const endOffset = ctx.tokenizer.end;
    const endPos = ctx.tokenizer.getLocFromIndex(endOffset);
    ast.range[1] = endOffset;
    ast.loc.end = {
      line: endPos.line,
      column: endPos.column
    };
    return ast;
  }
  TABLE(token, ctx) {
    if (isBare(token) || isString(token)) return this.processKeyValue(token, ctx.table, ctx);
    if (isLeftBracket(token)) return this.processTable(token, ctx.topLevelTable, ctx);
    return ctx.reportParseError("unexpected-token", token);
  }
  VALUE(token, ctx) {
    if (isString(token) || isMultiLineString(token)) return this.processStringValue(token, ctx);
    if (isNumber(token)) return this.processNumberValue(token, ctx);
    if (isBoolean(token)) return this.processBooleanValue(token, ctx);
    if (isDateTime(token)) return this.processDateTimeValue(token, ctx);
    if (isLeftBracket(token)) return this.processArray(token, ctx);
    if (isLeftBrace(token)) return this.processInlineTable(token, ctx);
    return ctx.reportParseError("unexpected-token", token);
  }
  processTable(token, topLevelTableNode, ctx) {
    const tableNode = {
      type: "TOMLTable",
      kind: "standard",
      key: null,
      resolvedKey: [],
      body: [],
      parent: topLevelTableNode,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    if (ctx.table.type === "TOMLTable") applyEndLoc(ctx.table, last(ctx.table.body));
    topLevelTableNode.body.push(tableNode);
    ctx.table = tableNode;
    let targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
    if (isLeftBracket(targetToken)) {
      if (token.range[1] < targetToken.range[0]) return ctx.reportParseError("invalid-space", targetToken);
      tableNode.kind = "array";
      targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
    }
    if (isRightBracket(targetToken)) return ctx.reportParseError("missing-key", targetToken);
    if (!targetToken) return ctx.reportParseError("unterminated-table-key", null);
    targetToken = this.processKeyNode(targetToken, tableNode, ctx).nextToken;
    if (!isRightBracket(targetToken)) return ctx.reportParseError("unterminated-table-key", targetToken);
    if (tableNode.kind === "array") {
      const rightBracket = targetToken;
      targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
      if (!isRightBracket(targetToken)) return ctx.reportParseError("unterminated-table-key", targetToken);
      if (rightBracket.range[1] < targetToken.range[0]) return ctx.reportParseError("invalid-space", targetToken);
    }
    applyEndLoc(tableNode, targetToken);
    ctx.applyResolveKeyForTable(tableNode);
    ctx.needNewLine = true;
    return [];
  }
  processKeyValue(token, tableNode, ctx) {
    const keyValueNode = {
      type: "TOMLKeyValue",
      key: null,
      value: null,
      parent: tableNode,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    tableNode.body.push(keyValueNode);
    const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
    if (!isEq(targetToken)) return ctx.reportParseError("missing-equals-sign", targetToken);
    ctx.addValueContainer({
      parent: keyValueNode,
      set: (valNode) => {
        keyValueNode.value = valNode;
        applyEndLoc(keyValueNode, valNode);
        ctx.needNewLine = true;
        return [];
      }
    });
    ctx.needSameLine = "invalid-key-value-newline";
    return ["VALUE"];
  }
  processKeyNode(token, parent, ctx) {
    if (isDot(token)) ctx.reportParseError("invalid-leading-dot-in-key", token);
    const keyNode = {
      type: "TOMLKey",
      keys: [],
      parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    parent.key = keyNode;
    let targetToken = token;
    let dotToken = null;
    do {
      if (isBare(targetToken)) this.processBareKey(targetToken, keyNode);
      else if (isString(targetToken)) this.processStringKey(targetToken, keyNode);
      else break;
      dotToken = null;
      targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
      if (!isDot(targetToken)) break;
      dotToken = targetToken;
      targetToken = ctx.nextToken({ needSameLine: "invalid-key-value-newline" });
    } while (targetToken);
    if (dotToken) ctx.reportParseError(isDot(targetToken) ? "invalid-consecutive-dots-in-key" : "invalid-trailing-dot-in-key", dotToken);
    applyEndLoc(keyNode, last(keyNode.keys));
    return {
      keyNode,
      nextToken: targetToken
    };
  }
  processBareKey(token, keyNode) {
    const node = {
      type: "TOMLBare",
      name: token.value,
      parent: keyNode,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    keyNode.keys.push(node);
  }
  processStringKey(token, keyNode) {
    const node = {
      type: "TOMLQuoted",
      kind: "string",
      value: token.string,
      style: STRING_KEY_STYLE_MAP[token.type],
      multiline: false,
      parent: keyNode,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    keyNode.keys.push(node);
  }
  processStringValue(token, ctx) {
    const valueContainer = ctx.consumeValueContainer();
    const node = {
      type: "TOMLValue",
      kind: "string",
      value: token.string,
      style: STRING_VALUE_STYLE_MAP[token.type],
      multiline: isMultiLineString(token),
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    return valueContainer.set(node);
  }
  processNumberValue(token, ctx) {
    const valueContainer = ctx.consumeValueContainer();
    const text = this.text;
    const [startRange, endRange] = token.range;
    let numberString = null;
    const getNumberText = () => {
      return numberString ?? (numberString = text.slice(startRange, endRange).replace(/_/g, ""));
    };
    let node;
    if (token.type === "Integer") node = {
      type: "TOMLValue",
      kind: "integer",
      value: token.number,
      bigint: token.bigint,
      get number() {
        return getNumberText();
      },
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    else node = {
      type: "TOMLValue",
      kind: "float",
      value: token.number,
      get number() {
        return getNumberText();
      },
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    return valueContainer.set(node);
  }
  processBooleanValue(token, ctx) {
    const valueContainer = ctx.consumeValueContainer();
    const node = {
      type: "TOMLValue",
      kind: "boolean",
      value: token.boolean,
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    return valueContainer.set(node);
  }
  processDateTimeValue(token, ctx) {
    const valueContainer = ctx.consumeValueContainer();
    const node = {
      type: "TOMLValue",
      kind: DATETIME_VALUE_KIND_MAP[token.type],
      value: token.date,
      datetime: token.value,
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    return valueContainer.set(node);
  }
  processArray(token, ctx) {
    const valueContainer = ctx.consumeValueContainer();
    const node = {
      type: "TOMLArray",
      elements: [],
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    const nextToken = ctx.nextToken({ valuesEnabled: true });
    if (isRightBracket(nextToken)) {
      applyEndLoc(node, nextToken);
      return valueContainer.set(node);
    }
    ctx.backToken();
    return this.processArrayValue(node, valueContainer, ctx);
  }
  processArrayValue(node, valueContainer, ctx) {
    ctx.addValueContainer({
      parent: node,
      set: (valNode) => {
        node.elements.push(valNode);
        let nextToken = ctx.nextToken({ valuesEnabled: true });
        const hasComma = isComma(nextToken);
        if (hasComma) nextToken = ctx.nextToken({ valuesEnabled: true });
        if (isRightBracket(nextToken)) {
          applyEndLoc(node, nextToken);
          return valueContainer.set(node);
        }
        if (hasComma) {
          ctx.backToken();
          return this.processArrayValue(node, valueContainer, ctx);
        }
        return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-array", nextToken);
      }
    });
    return ["VALUE"];
  }
  processInlineTable(token, ctx) {
    const valueContainer = ctx.consumeValueContainer();
    const node = {
      type: "TOMLInlineTable",
      body: [],
      parent: valueContainer.parent,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    const needSameLine = this.tomlVersion.gte(1, 1) ? void 0 : "invalid-inline-table-newline";
    const nextToken = ctx.nextToken({ needSameLine });
    if (nextToken) {
      if (isBare(nextToken) || isString(nextToken)) return this.processInlineTableKeyValue(nextToken, node, valueContainer, ctx);
      if (isRightBrace(nextToken)) {
        applyEndLoc(node, nextToken);
        return valueContainer.set(node);
      }
    }
    return ctx.reportParseError("unexpected-token", nextToken);
  }
  processInlineTableKeyValue(token, inlineTableNode, valueContainer, ctx) {
    const keyValueNode = {
      type: "TOMLKeyValue",
      key: null,
      value: null,
      parent: inlineTableNode,
      range: cloneRange(token.range),
      loc: cloneLoc(token.loc)
    };
    inlineTableNode.body.push(keyValueNode);
    const { nextToken: targetToken } = this.processKeyNode(token, keyValueNode, ctx);
    if (!isEq(targetToken)) return ctx.reportParseError("missing-equals-sign", targetToken);
    const needSameLine = this.tomlVersion.gte(1, 1) ? void 0 : "invalid-inline-table-newline";
    ctx.addValueContainer({
      parent: keyValueNode,
      set: (valNode) => {
        keyValueNode.value = valNode;
        applyEndLoc(keyValueNode, valNode);
        let nextToken = ctx.nextToken({ needSameLine });
        if (isComma(nextToken)) {
          nextToken = ctx.nextToken({ needSameLine });
          if (nextToken && (isBare(nextToken) || isString(nextToken))) return this.processInlineTableKeyValue(nextToken, inlineTableNode, valueContainer, ctx);
          if (isRightBrace(nextToken)) {
            if (this.tomlVersion.lt(1, 1)) return ctx.reportParseError("invalid-trailing-comma-in-inline-table", nextToken);
          } else return ctx.reportParseError(nextToken ? "unexpected-token" : "unterminated-inline-table", nextToken);
        }
        if (isRightBrace(nextToken)) {
          applyEndLoc(inlineTableNode, nextToken);
          return valueContainer.set(inlineTableNode);
        }
        return ctx.reportParseError(nextToken ? "missing-comma" : "unterminated-inline-table", nextToken);
      }
    });
    ctx.needSameLine = "invalid-key-value-newline";
    return ["VALUE"];
  }
};
function isDot(token) {
  return isPunctuator(token) && token.value === ".";
}
function isEq(token) {
  return isPunctuator(token) && token.value === "=";
}
function isLeftBracket(token) {
  return isPunctuator(token) && token.value === "[";
}
function isRightBracket(token) {
  return isPunctuator(token) && token.value === "]";
}
function isLeftBrace(token) {
  return isPunctuator(token) && token.value === "{";
}
function isRightBrace(token) {
  return isPunctuator(token) && token.value === "}";
}
function isComma(token) {
  return isPunctuator(token) && token.value === ",";
}
function isPunctuator(token) {
  return Boolean(token && token.type === "Punctuator");
}
function isBare(token) {
  return token.type === "Bare";
}
function isString(token) {
  return token.type === "BasicString" || token.type === "LiteralString";
}
function isMultiLineString(token) {
  return token.type === "MultiLineBasicString" || token.type === "MultiLineLiteralString";
}
function isNumber(token) {
  return token.type === "Integer" || token.type === "Float";
}
function isBoolean(token) {
  return token.type === "Boolean";
}
function isDateTime(token) {
  return token.type === "OffsetDateTime" || token.type === "LocalDateTime" || token.type === "LocalDate" || token.type === "LocalTime";
}
function applyEndLoc(node, child) {
  if (child) {
    node.range[1] = child.range[1];
    node.loc.end = clonePos(child.loc.end);
  }
}
function cloneRange(range) {
  return [range[0], range[1]];
}
function cloneLoc(loc) {
  return {
    start: clonePos(loc.start),
    end: clonePos(loc.end)
  };
}
function clonePos(pos) {
  return {
    line: pos.line,
    column: pos.column
  };
}
var tomlKeys = {
  Program: ["body"],
  TOMLTopLevelTable: ["body"],
  TOMLTable: ["key", "body"],
  TOMLKeyValue: ["key", "value"],
  TOMLKey: ["keys"],
  TOMLArray: ["elements"],
  TOMLInlineTable: ["body"],
  TOMLBare: [],
  TOMLQuoted: [],
  TOMLValue: []
};
var KEYS2 = unionWith(tomlKeys);
function parseForESLint(code, options) {
  return {
    ast: new TOMLParser(code, options).parse(),
    visitorKeys: KEYS2,
    services: { isTOML: true }
  };
}
var getStaticTOMLValue = generateConvertTOMLValue((node) => node.value);
function generateConvertTOMLValue(convertValue) {
  function resolveValue(node, baseTable) {
    return resolver[node.type](node, baseTable);
  }
  const resolver = {
    Program(node, baseTable = {}) {
      return resolveValue(node.body[0], baseTable);
    },
    TOMLTopLevelTable(node, baseTable = {}) {
      for (const body of node.body) resolveValue(body, baseTable);
      return baseTable;
    },
    TOMLKeyValue(node, baseTable = {}) {
      const value = resolveValue(node.value);
      set(baseTable, resolveValue(node.key), value);
      return baseTable;
    },
    TOMLTable(node, baseTable = {}) {
      const table2 = getTable(baseTable, resolveValue(node.key), node.kind === "array");
      for (const body of node.body) resolveValue(body, table2);
      return baseTable;
    },
    TOMLArray(node) {
      return node.elements.map((e) => resolveValue(e));
    },
    TOMLInlineTable(node) {
      const table2 = {};
      for (const body of node.body) resolveValue(body, table2);
      return table2;
    },
    TOMLKey(node) {
      return node.keys.map((key) => resolveValue(key));
    },
    TOMLBare(node) {
      return node.name;
    },
    TOMLQuoted(node) {
      return node.value;
    },
    TOMLValue(node) {
      return convertValue(node);
    }
  };
  return (node) => resolveValue(node);
}
function getTable(baseTable, keys, array) {
  let target = baseTable;
  for (let index = 0; index < keys.length - 1; index++) {
    const key = keys[index];
    target = getNextTargetFromKey(target, key);
  }
  const lastKey = last(keys);
  const lastTarget = target[lastKey];
  if (lastTarget == null) {
    const tableValue$1 = {};
    target[lastKey] = array ? [tableValue$1] : tableValue$1;
    return tableValue$1;
  }
  if (isValue(lastTarget)) {
    const tableValue$1 = {};
    target[lastKey] = array ? [tableValue$1] : tableValue$1;
    return tableValue$1;
  }
  if (!array) {
    if (Array.isArray(lastTarget)) {
      const tableValue$1 = {};
      target[lastKey] = tableValue$1;
      return tableValue$1;
    }
    return lastTarget;
  }
  if (Array.isArray(lastTarget)) {
    const tableValue$1 = {};
    lastTarget.push(tableValue$1);
    return tableValue$1;
  }
  const tableValue = {};
  target[lastKey] = [tableValue];
  return tableValue;
  function getNextTargetFromKey(currTarget, key) {
    const nextTarget = currTarget[key];
    if (nextTarget == null) {
      const val = {};
      currTarget[key] = val;
      return val;
    }
    if (isValue(nextTarget)) {
      const val = {};
      currTarget[key] = val;
      return val;
    }
    let resultTarget = nextTarget;
    while (Array.isArray(resultTarget)) {
      const lastIndex = resultTarget.length - 1;
      const nextElement = resultTarget[lastIndex];
      if (isValue(nextElement)) {
        const val = {};
        resultTarget[lastIndex] = val;
        return val;
      }
      resultTarget = nextElement;
    }
    return resultTarget;
  }
}
function set(baseTable, keys, value) {
  let target = baseTable;
  for (let index = 0; index < keys.length - 1; index++) {
    const key = keys[index];
    const nextTarget = target[key];
    if (nextTarget == null) {
      const val = {};
      target[key] = val;
      target = val;
    } else if (isValue(nextTarget) || Array.isArray(nextTarget)) {
      const val = {};
      target[key] = val;
      target = val;
    } else target = nextTarget;
  }
  target[last(keys)] = value;
}
function isValue(value) {
  return typeof value !== "object" || value instanceof Date;
}
function parseTOML(code, options) {
  return parseForESLint(code, options).ast;
}

// src/core/dependents.ts
var NPM_SECTIONS = ["dependencies", "devDependencies", "peerDependencies", "optionalDependencies"];
var CARGO_SECTIONS = ["dependencies", "dev-dependencies", "build-dependencies"];
function readManifest(manifest, options = {}) {
  const read2 = manifest.kind === "npm" ? readNpm(manifest.text) : readCargo(manifest.text, options.workspaceDependencies);
  return { ...manifest, ...read2 };
}
function readNpm(text) {
  const tree = parseTree2(text, [], { allowTrailingComma: false, disallowComments: true });
  if (tree === void 0 || tree.type !== "object") return { name: null, dependencies: [] };
  const nameNode = findNodeAtLocation2(tree, ["name"]);
  const name = typeof nameNode?.value === "string" ? nameNode.value : null;
  const dependencies = [];
  for (const section of NPM_SECTIONS) {
    const block2 = findNodeAtLocation2(tree, [section]);
    if (block2?.type !== "object") continue;
    for (const property of block2.children ?? []) {
      const [key, value] = property.children ?? [];
      const found = key === void 0 || value === void 0 ? null : jsonRange(text, key, value);
      if (found !== null) dependencies.push({ ...found, section });
    }
  }
  return { name, dependencies };
}
function jsonRange(text, key, value) {
  if (value.type !== "string" || typeof key.value !== "string") return null;
  const start = value.offset + 1;
  const end = value.offset + value.length - 1;
  if (text.slice(start, end) !== value.value) return null;
  return { name: key.value, range: value.value, start, end };
}
function readCargo(text, workspace = false) {
  let program;
  try {
    program = parseTOML(text);
  } catch {
    return { name: null, dependencies: [] };
  }
  let name = null;
  const dependencies = [];
  for (const top of program.body) {
    for (const item of top.body) {
      if (item.type === "TOMLTable") {
        if (item.kind !== "standard") continue;
        const key = item.resolvedKey.map(String);
        if (key.length === 1 && key[0] === "package") name = stringOf(valueAt(item.body, "name")) ?? name;
        cargoTable(text, key, item, dependencies, workspace);
      }
    }
  }
  return { name, dependencies };
}
function cargoTable(text, key, table2, out, workspace) {
  const sectionOrWorkspace = (k) => workspace && k.join(".") === "workspace.dependencies" ? "workspace.dependencies" : sectionOf(k);
  const section = sectionOrWorkspace(key.slice(0, -1));
  const whole = sectionOrWorkspace(key);
  if (whole !== null) {
    for (const entry of table2.body) {
      const dep = entry.key.keys.length === 1 ? cargoDependency(text, keyName(entry), entry.value) : dottedLocal(entry);
      if (dep !== null) out.push({ ...dep, section: whole });
    }
  } else if (section !== null) {
    const dep = cargoDependency(text, key.at(-1), tableAsValue(table2));
    if (dep !== null) out.push({ ...dep, section });
  }
}
function sectionOf(key) {
  if (key.length === 1 && CARGO_SECTIONS.includes(key[0])) return key[0];
  if (key.length === 3 && key[0] === "target" && CARGO_SECTIONS.includes(key[2]))
    return `target.'${key[1]}'.${key[2]}`;
  return null;
}
function tableAsValue(table2) {
  return { entries: table2.body };
}
function cargoDependency(text, key, value) {
  let entries = null;
  if ("entries" in value) entries = value.entries;
  else if (value.type === "TOMLInlineTable") entries = value.body;
  const versionNode = entries === null ? value : valueAt(entries, "version");
  const name = (entries === null ? null : stringOf(valueAt(entries, "package"))) ?? key;
  if (versionNode === void 0 || versionNode.type !== "TOMLValue" || versionNode.kind !== "string") {
    const local = entries === null ? null : localRange(entries);
    return local === null ? null : { name, range: local, start: 0, end: 0 };
  }
  if (versionNode.multiline) return null;
  const [from, to] = versionNode.range;
  const start = from + 1;
  const end = to - 1;
  if (text.slice(start, end) !== versionNode.value) return null;
  return { name, range: versionNode.value, start, end };
}
function localRange(entries) {
  const workspace = valueAt(entries, "workspace");
  if (workspace?.type === "TOMLValue" && workspace.value === true) return "workspace = true";
  const path2 = stringOf(valueAt(entries, "path"));
  return path2 === null ? null : `path = ${JSON.stringify(path2)}`;
}
function dottedLocal(entry) {
  const [name, key] = entry.key.keys.map((k) => k.type === "TOMLBare" ? k.name : k.value);
  if (entry.key.keys.length !== 2 || key !== "workspace" && key !== "path") return null;
  const range = localRange([{ ...entry, key: { ...entry.key, keys: entry.key.keys.slice(1) } }]);
  return range === null ? null : { name, range, start: 0, end: 0 };
}
function keyName(entry) {
  const k = entry.key.keys[0];
  return k.type === "TOMLBare" ? k.name : k.value;
}
function valueAt(entries, name) {
  return entries.find((e) => e.key.keys.length === 1 && keyName(e) === name)?.value;
}
function stringOf(node) {
  return node?.type === "TOMLValue" && node.kind === "string" ? node.value : null;
}
var PLAIN_RANGE = /^(\^|~|=|)\s*v?\d+(?:\.\d+){0,2}(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
function updatedRange(range, version) {
  const text = range.trim();
  if (text.startsWith("workspace:")) return null;
  const match = PLAIN_RANGE.exec(text);
  if (match === null) return null;
  const plain = version.replace(/\+.*$/, "");
  return `${match[1]}${plain}`;
}
function planDependents(manifests, released, patchVersion) {
  const versions = new Map(released);
  const byName = packageNames(manifests);
  const updates = /* @__PURE__ */ new Map();
  const added = [];
  const queue = [...released.keys()];
  while (queue.length > 0) {
    const path2 = queue.shift();
    const version = versions.get(path2);
    for (const m of manifests) {
      if (m.packagePath === path2) continue;
      const own = manifests.find((o) => o.packagePath === path2 && o.kind === m.kind && o.name !== null);
      if (own === void 0 || byName.get(`${m.kind}:${own.name}`) !== path2) continue;
      const deps = m.dependencies.filter((d) => d.name === own.name);
      if (deps.length === 0) continue;
      const update = updateFor(updates, m.packagePath, own.name, path2, version);
      for (const d of deps)
        update.ranges.push({
          file: m.file,
          section: d.section,
          from: d.range,
          to: updatedRange(d.range, version)
        });
      if (versions.has(m.packagePath)) continue;
      const next = patchVersion(m.packagePath);
      if (next === null) continue;
      versions.set(m.packagePath, next);
      added.push(m.packagePath);
      queue.push(m.packagePath);
    }
  }
  return { updates, added };
}
function updateFor(updates, dependent, name, packagePath, version) {
  const list = updates.get(dependent) ?? [];
  updates.set(dependent, list);
  let update = list.find((u) => u.packagePath === packagePath);
  if (update === void 0) {
    update = { name, packagePath, version, ranges: [] };
    list.push(update);
  }
  return update;
}
function rewriteRanges(manifest, versions, names) {
  const edits = manifest.dependencies.map((d) => {
    const path2 = names.get(`${manifest.kind}:${d.name}`);
    const version = path2 === void 0 || path2 === manifest.packagePath ? void 0 : versions.get(path2);
    const to = version === void 0 ? null : updatedRange(d.range, version);
    return to === null || to === d.range ? null : { start: d.start, end: d.end, to };
  }).filter((e) => e !== null).sort((a, b) => b.start - a.start);
  let text = manifest.text;
  for (const e of edits) text = `${text.slice(0, e.start)}${e.to}${text.slice(e.end)}`;
  return text;
}
function packageNames(manifests) {
  const names = /* @__PURE__ */ new Map();
  for (const m of manifests) if (m.name !== null) names.set(`${m.kind}:${m.name}`, m.packagePath);
  return names;
}
function dependenciesSection(updates) {
  const lines = updates.map((u) => {
    const moved = [
      ...new Set(u.ranges.filter((r) => r.to !== null).map((r) => `\`${r.from}\` \u2192 \`${r.to}\``))
    ];
    return `* **${u.name}** bumped to ${u.version}${moved.length > 0 ? ` (${moved.join(", ")})` : ""}`;
  });
  return `### Dependencies

${lines.join("\n")}
`;
}

// src/steps/dependents.ts
var MANIFESTS = [
  { file: "package.json", kind: "npm" },
  { file: "Cargo.toml", kind: "cargo" }
];
function inPackage(packagePath, file) {
  return packagePath === "." ? file : `${packagePath}/${file}`;
}
async function readManifests(git, commit, packagePaths) {
  const wanted = packagePaths.flatMap(
    (p) => MANIFESTS.map((m) => ({ packagePath: p, file: inPackage(p, m.file), kind: m.kind }))
  );
  const texts = await git.readFiles(
    commit,
    wanted.map((w) => w.file)
  );
  return wanted.flatMap((w) => {
    const text = texts.get(w.file);
    return text == null ? [] : [readManifest({ ...w, text })];
  });
}
async function applyDependents(lines, readAll) {
  const released = /* @__PURE__ */ new Map();
  for (const l of lines)
    if (l.result.releaseNeeded && l.result.version !== null) released.set(l.path, l.result.version);
  if (released.size === 0) return lines.map((l) => l.result);
  const manifests = await readAll();
  if (manifests.length === 0) return lines.map((l) => l.result);
  const patches = /* @__PURE__ */ new Map();
  for (; ; ) {
    const asked = /* @__PURE__ */ new Set();
    const plan = planDependents(manifests, released, (path2) => {
      if (!patches.has(path2)) asked.add(path2);
      return patches.get(path2)?.version ?? null;
    });
    if (asked.size === 0) return lines.map((l) => withDependencies(l, plan.updates.get(l.path), patches));
    for (const path2 of asked) {
      const line = lines.find((l) => l.path === path2);
      patches.set(path2, line === void 0 ? null : await patchOf(line));
    }
  }
}
async function patchOf(line) {
  const analysis = { ...line.input.analysis, bump: maxBump(line.input.analysis.bump, "patch") };
  const result = await versionOfLine({ ...line.input, analysis, warn: () => {
  } });
  if (!result.releaseNeeded || result.version === null) return null;
  return { ...line.result, ...result };
}
function withDependencies(line, updates, patches) {
  if (updates === void 0 || updates.length === 0) return line.result;
  const patched = line.result.releaseNeeded ? null : patches.get(line.path) ?? null;
  const base = patched ?? line.result;
  if (base.version === null) return line.result;
  const names = updates.map((u) => `${u.name} ${u.version}`).join(", ");
  const reason = patched === null ? `${base.reason} Its dependencies are updated too: ${names}.` : `Releases ${base.version} (patch) for its dependencies: ${names} ${updates.length === 1 ? "is" : "are"} released, and it depends on ${updates.length === 1 ? "it" : "them"}.`;
  return { ...base, reason, notes: notesWith(base.notes, dependenciesSection(updates)) };
}
function notesWith(notes, section) {
  const body = notes.endsWith("\nNo notable changes.\n") ? notes.slice(0, -"No notable changes.\n".length) : notes;
  return `${body}${body.endsWith("\n\n") ? "" : "\n"}${section}`;
}

// src/steps/package-history.ts
var import_semver5 = __toESM(require_semver(), 1);

// src/core/package-walk.ts
var TagRanks = class {
  /** `tags`: the ranked stable tags of each commit that carries any; `head`: HEAD's commit. */
  constructor(packageCount, tags, head) {
    this.tags = tags;
    this.head = head;
    this.met = new Int32Array(packageCount).fill(-1);
    const nowhere = new Int32Array(packageCount).fill(-1);
    this.none = { reachable: true, below: nowhere };
    this.unreached = { reachable: false, below: nowhere };
  }
  tags;
  head;
  /** Commits named as a parent and not visited yet, with what their children handed down. */
  pending = /* @__PURE__ */ new Map();
  /** Per package: the highest rank of a reachable tag met so far; -1 before any. */
  met;
  none;
  unreached;
  /** The standing of a commit as it arrives (all of its children arrived before it). */
  visit(sha, parents) {
    let standing = this.pending.get(sha);
    if (standing !== void 0) this.pending.delete(sha);
    if (sha === this.head)
      standing = standing === void 0 ? this.none : { reachable: true, below: standing.below };
    else standing ??= this.unreached;
    const own = this.tags.get(sha);
    if (own !== void 0 && standing.reachable) standing = this.withOwn(standing, own);
    for (const parent of parents) {
      const known = this.pending.get(parent);
      this.pending.set(parent, known === void 0 ? standing : merged(known, standing));
    }
    return standing;
  }
  /** The highest rank of a reachable tag of the package met so far; -1 before any. */
  highestMet(index) {
    return this.met[index];
  }
  /**
   * For a commit not visited (left out of the walk): what the visited commits handed down to it;
   * null when no visited commit names it as a parent.
   */
  handedTo(sha) {
    return this.pending.get(sha) ?? null;
  }
  withOwn(standing, own) {
    let below = null;
    for (const { index, rank: rank2 } of own) {
      if (rank2 > this.met[index]) this.met[index] = rank2;
      if (rank2 > (below ?? standing.below)[index]) {
        below ??= Int32Array.from(standing.below);
        below[index] = rank2;
      }
    }
    return below === null ? standing : { reachable: true, below };
  }
};
function merged(a, b) {
  if (a === b) return a;
  const reachable = a.reachable || b.reachable;
  let below = null;
  if (a.below !== b.below) {
    for (let i = 0; i < a.below.length; i++) {
      if (b.below[i] <= a.below[i]) continue;
      below ??= Int32Array.from(a.below);
      below[i] = b.below[i];
    }
  }
  if (below === null) return reachable === a.reachable ? a : { reachable, below: a.below };
  return { reachable, below };
}
var PackageRouter = class {
  constructor(packages, walk, deliver, warn, tracked = packages.map((_, i) => i)) {
    this.packages = packages;
    this.deliver = deliver;
    this.warn = warn;
    this.ranks = new TagRanks(packages.length, walk.tags, walk.head);
    this.claims = new PackageClaims(packages);
    this.tracked = new Set(tracked);
    this.guessed = packages.map(() => Number.POSITIVE_INFINITY);
  }
  packages;
  deliver;
  warn;
  ranks;
  claims;
  tracked;
  /** Per package: the lowest rank a commit was left out below on a guess; Infinity: none. */
  guessed;
  /** Routes one commit; returns its standing. */
  add(commit) {
    const standing = this.ranks.visit(commit.sha, commit.parents);
    if (!standing.reachable) return standing;
    if (commit.files.length === 0 && /release-as:/i.test(commit.message)) {
      this.routeReleaseAs(commit, standing);
      return standing;
    }
    for (const index of this.claims.claim(commit.files)) {
      if (this.tracked.has(index) && this.inRange(index, standing)) this.deliver(index, commit);
    }
    return standing;
  }
  /** See TagRanks.handedTo. */
  handedTo(sha) {
    return this.ranks.handedTo(sha);
  }
  /** See TagRanks.highestMet. */
  highestMet(index) {
    return this.ranks.highestMet(index);
  }
  /**
   * The lowest rank below which a commit was left out of the package's range on the guess that no
   * higher tag is reachable (Infinity: none). The reading holds when the package's last tag is not
   * higher than that.
   */
  guessedBelow(index) {
    return this.guessed[index];
  }
  inRange(index, standing) {
    const rank2 = standing.below[index];
    if (rank2 < 0 || this.ranks.highestMet(index) > rank2) return true;
    if (rank2 < this.guessed[index]) this.guessed[index] = rank2;
    return false;
  }
  routeReleaseAs(commit, standing) {
    const parsed = parseMessage(commit.message);
    const scope = parsed.header?.scope ?? null;
    const targets = parsed.releaseAs === null ? null : new Set(releaseAsTargets(scope, this.packages));
    if (targets !== null && targets.size === 0) {
      const names = this.packages.map((p) => p.component).join(", ");
      this.warn(
        `Release-As: ${clip2(parsed.releaseAs)} in commit ${commit.sha.slice(0, 7)} changes no file and its scope "${clip2(scope)}" names no package (${names}): it applies to none. Name a package's component or path in the scope, or leave the scope out to apply it to every package.`
      );
    }
    let stripped = null;
    for (let index = 0; index < this.packages.length; index++) {
      if (!this.tracked.has(index) || !this.inRange(index, standing)) continue;
      if (targets === null || targets.has(index)) {
        this.deliver(index, commit);
        continue;
      }
      stripped ??= { sha: commit.sha, parents: commit.parents, message: withoutReleaseAs(commit.message) };
      this.deliver(index, stripped);
    }
  }
};
function clip2(text) {
  return text.length > 80 ? `${text.slice(0, 79)}\u2026` : text;
}

// src/steps/package-history.ts
function rank(ranked, sha, entry) {
  const list = ranked.get(sha);
  if (list === void 0) ranked.set(sha, [entry]);
  else list.push(entry);
}
function firstPlan(lines, head, dates) {
  const ranked = /* @__PURE__ */ new Map();
  const tips = /* @__PURE__ */ new Set([head]);
  let start = null;
  let everyLineTagged = true;
  for (const line of lines) {
    line.stable.forEach((tag, r) => {
      rank(ranked, tag.sha, { index: line.index, rank: r });
      tips.add(tag.sha);
    });
    const top = line.stable.at(-1);
    if (top === void 0) everyLineTagged = false;
    else if (start === null || (dates.get(top.sha) ?? 0) < (dates.get(start.sha) ?? 0)) start = top;
  }
  return { tips: [...tips], start: everyLineTagged ? start?.sha ?? null : null, ranked };
}
async function exactPlan(lines, head, git, patterns) {
  const reachable = new Set((await git.listReachableTags(head, patterns)).map((t) => t.name));
  const ranked = /* @__PURE__ */ new Map();
  const bases = [];
  let everyLineTagged = true;
  for (const line of lines) {
    const r = line.stable.findLastIndex((t) => reachable.has(t.name));
    if (r === -1) {
      everyLineTagged = false;
      continue;
    }
    rank(ranked, line.stable[r].sha, { index: line.index, rank: r });
    bases.push(line.stable[r].sha);
  }
  const start = everyLineTagged && bases.length > 0 ? await git.mergeBase([...new Set(bases)]) : null;
  return { tips: [head], start, ranked };
}
async function readPackages(git, head, packages, lines, plan) {
  const analyzers = new Map(
    lines.map((l) => [l.index, new HistoryAnalyzer(l.settings.releaseRules, l.settings.squashBullets)])
  );
  const tagged = new Set(lines.flatMap((l) => l.versions.map((v) => v.tag.sha)));
  const arrived = /* @__PURE__ */ new Map();
  const warnings = [];
  const router = new PackageRouter(
    packages,
    { tags: plan.ranked, head },
    (index, commit) => analyzers.get(index)?.add(commit),
    (w) => warnings.push(w),
    lines.map((l) => l.index)
  );
  let commitsRead = 0;
  await git.streamChanges(plan.tips, plan.start, (commit) => {
    const standing = router.add(commit);
    if (standing.reachable) commitsRead++;
    if (tagged.has(commit.sha)) arrived.set(commit.sha, standing);
  });
  const start = plan.start;
  const atStart = start === null || start === head ? null : router.handedTo(start);
  const holds = start === null || start === head || atStart?.reachable === true;
  const reached = /* @__PURE__ */ new Map();
  let proven = holds;
  for (const line of lines) {
    const found = lastTag(line, plan, arrived, router, atStart);
    if (found === null) proven = false;
    reached.set(
      line.index,
      reachedTags(line, found?.tag ? { tag: found.tag, rank: found.rank } : null, arrived, head)
    );
  }
  return { analyzers, holds: proven, reached, warnings, commitsRead };
}
function lastTag(line, plan, arrived, router, atStart) {
  const { index } = line;
  for (let r = line.stable.length - 1; r >= 0; r--) {
    const tag = line.stable[r];
    if (!plan.ranked.get(tag.sha)?.some((t) => t.index === index && t.rank === r)) continue;
    const standing = arrived.get(tag.sha);
    if (standing !== void 0 && !standing.reachable) continue;
    if (router.guessedBelow(index) < r) return null;
    if (standing === void 0) return tag.sha === plan.start ? { tag, rank: r } : null;
    if (plan.start !== null && plan.start !== tag.sha && (atStart === null || atStart.below[index] < r))
      return null;
    return { tag, rank: r };
  }
  return plan.start === null && router.guessedBelow(index) === Number.POSITIVE_INFINITY ? { tag: null, rank: -1 } : null;
}
function reachedTags(line, base, arrived, head) {
  const reached = /* @__PURE__ */ new Set([head]);
  if (base !== null) reached.add(base.tag.sha);
  const floor = base === null ? null : line.versions.find((v) => v.tag === base.tag).version;
  for (const v of line.versions) {
    if (floor !== null && !import_semver5.default.gt(v.version, floor)) continue;
    const standing = arrived.get(v.tag.sha);
    if (standing === void 0 || !standing.reachable) continue;
    if (base === null || standing.below[line.index] < base.rank) reached.add(v.tag.name);
  }
  return reached;
}

// src/steps/compute-versions.ts
async function computeVersions(settings, ports, context, options = {}) {
  const { git, logger } = ports;
  const packages = settings.packages;
  if (packages === null || packages.length === 0) throw new Error("computeVersions needs packages");
  const selected = packages.map((p, index) => ({ p, index })).filter(({ p }) => options.only === void 0 || options.only.includes(p.path));
  const patterns = [...new Set(selected.map(({ p }) => `${p.tagPrefix}*`))];
  const clone = await openClone(settings, git, git.listTagsDated(patterns));
  const head = options.at?.commit ?? clone.head;
  const fetched = await ensureHistory(
    settings,
    { shallow: clone.shallow, anyTags: clone.tags.length > 0 },
    git,
    logger
  );
  const tags = fetched ? await git.listTagsDated(patterns) : clone.tags;
  const name = context.repository?.repo ?? path.basename(clone.topLevel);
  const lines = selected.map(({ p, index }) => lineOf(index, p, p.component ?? name, tags, head, options));
  const routed = packages.map((p) => ({ ...p, component: p.component ?? name }));
  const plan = firstPlan(lines, head, new Map(tags.map((t) => [t.sha, t.date])));
  logger.debug(
    `Reading history once for ${lines.length} package(s), from ${plan.start ?? "the first commit"}.`
  );
  let read2 = await readPackages(git, head, routed, lines, plan);
  if (!read2.holds) {
    logger.debug("The read does not hold for every package: reading again from their last tags' merge base.");
    read2 = await readPackages(git, head, routed, lines, await exactPlan(lines, head, git, patterns));
  }
  if (!read2.holds) throw new Error("the read from the merge base of the last tags did not hold");
  for (const w of read2.warnings) logger.warning(w);
  const needsBranch = settings.maintenanceBranches.length > 0 || settings.prereleaseBranches.size > 0;
  const where = {
    context: { branch: context.branch ?? (needsBranch ? await git.currentBranch() : null) },
    git
  };
  const fromBranch = lines.some((l) => (l.settings.prerelease ?? settings.prerelease) === null) ? await branchPrerelease(settings, where.context, git) : null;
  const decided = [];
  for (const line of lines) {
    const prerelease = line.settings.prerelease ?? settings.prerelease ?? fromBranch;
    const reached = read2.reached.get(line.index);
    const baseline = selectBaseline(line.tags, reached, line.settings.tagPrefix, (m) => logger.debug(m));
    const input = {
      analysis: read2.analyzers.get(line.index).finish(),
      baseline,
      tags: line.tags,
      allTags: line.allTags,
      head,
      settings: { ...line.settings, maintenanceBranches: settings.maintenanceBranches },
      prerelease,
      where,
      repoUrl: repoUrlOf(context),
      now: ports.now ?? (() => /* @__PURE__ */ new Date()),
      warn: (w) => logger.warning(`${line.settings.path}: ${w}`)
    };
    const result = await versionOfLine(input);
    const path2 = line.settings.path;
    decided.push({
      path: path2,
      input,
      result: { ...result, path: path2, component: line.component, tagPrefix: line.settings.tagPrefix }
    });
  }
  const results = settings.bumpDependents && options.only === void 0 ? await applyDependents(
    decided,
    () => readManifests(
      git,
      head,
      packages.map((p) => p.path)
    )
  ) : decided.map((d) => d.result);
  return { packages: results, sha: head, warnings: read2.warnings, commitsRead: read2.commitsRead };
}
function lineOf(index, settings, component, tags, head, options) {
  const prefix = settings.tagPrefix;
  const allTags = tags.filter((t) => t.name.startsWith(prefix)).map((t) => ({ name: t.name, sha: t.sha }));
  const ignore = options.ignoreTagsAtHead;
  const ignored = ignore === true || ignore instanceof Set && ignore.has(settings.path);
  const own = allTags.filter((t) => !(ignored && t.sha === head) && t.sha !== options.at?.ignoreTagsOn);
  const versions = own.map((tag) => ({ tag, parsed: parseVersionTag(tag.name, prefix) })).filter((v) => v.parsed !== null).map((v) => ({ tag: v.tag, version: v.parsed.version, prerelease: v.parsed.prerelease })).sort((a, b) => import_semver6.default.rcompare(a.version, b.version) || (a.tag.name < b.tag.name ? 1 : -1));
  const stable = versions.filter((v) => !v.prerelease).map((v) => v.tag).reverse();
  return { index, settings, component, tags: own, allTags, versions, stable };
}

export {
  maintenanceGlob,
  REMOTE,
  computeVersion,
  parseTree2 as parseTree,
  findNodeAtLocation2 as findNodeAtLocation,
  printParseErrorCode,
  parseTOML,
  readManifest,
  rewriteRanges,
  packageNames,
  MANIFESTS,
  inPackage,
  computeVersions,
  versionOutputs,
  versionJson,
  versionSummary,
  versionText,
  entryOf,
  packagesOutputs,
  packagesOutput,
  packagesJson,
  packagesReason,
  packagesText,
  packagesSummary
};
