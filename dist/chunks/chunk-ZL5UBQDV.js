import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  OUTPUT_LIMIT_BYTES,
  capText
} from "./chunk-BCCI77KM.js";
import {
  cell,
  table
} from "./chunk-MFXHZQZ4.js";
import {
  PackageClaims,
  bumpFor,
  bumpRank,
  decideVersion,
  globToRegExp,
  parseVersionTag,
  releaseAsTargets,
  ruleFor,
  selectBaseline,
  unreachableAboveWarning,
  versionProblem,
  withoutReleaseAs
} from "./chunk-6EISG4HK.js";
import {
  require_semver
} from "./chunk-DRFFNYML.js";
import {
  printable
} from "./chunk-TRU3V6GF.js";
import {
  shipguardError
} from "./chunk-YFF7JLRY.js";
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
  const last = branch.slice(branch.lastIndexOf("/") + 1);
  const m = /^v?(0|[1-9]\d{0,8})\.(?:(0|[1-9]\d{0,8})\.)?x$/.exec(last);
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
  const {
    head,
    shallow,
    tags: tagsBefore
  } = await openClone(settings, git, git.listTags(`${settings.tagPrefix}*`));
  const fetched = await ensureHistory(settings, { shallow, anyTags: tagsBefore.length > 0 }, git, logger);
  const allTags = fetched ? await git.listTags(`${settings.tagPrefix}*`) : tagsBefore;
  const tags = options.ignoreTagsAtHead ? allTags.filter((t) => t.sha !== head) : allTags;
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
  const head = clone.head;
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
  const results = [];
  for (const line of lines) {
    const prerelease = line.settings.prerelease ?? settings.prerelease ?? fromBranch;
    const reached = read2.reached.get(line.index);
    const baseline = selectBaseline(line.tags, reached, line.settings.tagPrefix, (m) => logger.debug(m));
    const result = await versionOfLine({
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
    });
    results.push({
      ...result,
      path: line.settings.path,
      component: line.component,
      tagPrefix: line.settings.tagPrefix
    });
  }
  return { packages: results, sha: head, warnings: read2.warnings, commitsRead: read2.commitsRead };
}
function lineOf(index, settings, component, tags, head, options) {
  const prefix = settings.tagPrefix;
  const allTags = tags.filter((t) => t.name.startsWith(prefix)).map((t) => ({ name: t.name, sha: t.sha }));
  const ignore = options.ignoreTagsAtHead;
  const ignored = ignore === true || ignore instanceof Set && ignore.has(settings.path);
  const own = ignored ? allTags.filter((t) => t.sha !== head) : allTags;
  const versions = own.map((tag) => ({ tag, parsed: parseVersionTag(tag.name, prefix) })).filter((v) => v.parsed !== null).map((v) => ({ tag: v.tag, version: v.parsed.version, prerelease: v.parsed.prerelease })).sort((a, b) => import_semver6.default.rcompare(a.version, b.version) || (a.tag.name < b.tag.name ? 1 : -1));
  const stable = versions.filter((v) => !v.prerelease).map((v) => v.tag).reverse();
  return { index, settings, component, tags: own, allTags, versions, stable };
}

export {
  computeVersion,
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
