import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  nearest
} from "./chunk-YJXSVN4L.js";
import {
  require_dist
} from "./chunk-CRFJV3TF.js";
import {
  hasControlCharacter
} from "./chunk-TRU3V6GF.js";
import {
  OPTIONS,
  shipguardError
} from "./chunk-LVXDY2BW.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

// src/settings/settings-file.ts
var import_yaml3 = __toESM(require_dist(), 1);

// src/settings/file-keys.ts
var LISTS = {
  "release-rules": "\n",
  "prerelease-branches": ", ",
  "maintenance-branches": ", ",
  "require-verified-in": ", ",
  "traffic-steps": ", ",
  "migration-paths": "\n",
  "notify-on": ", ",
  "workflow-inputs": "\n",
  "version-files": "\n"
};
var PAIRS = /* @__PURE__ */ new Set(["release-rules", "prerelease-branches", "workflow-inputs"]);
var YAML_TEXT = /* @__PURE__ */ new Set(["checks"]);
function shapeOf(option) {
  return { separator: LISTS[option] ?? null, pairs: PAIRS.has(option), yaml: YAML_TEXT.has(option) };
}
var SECRET = {
  reason: "secrets never go in a repository file.",
  remedy: "Pass it to the step from `secrets.*` (the reusable workflows take it as a secret)."
};
var ONE_RUN = {
  reason: "it is one run's value (the version to deploy, a rollback's reason, an attempt's id, a guard's override a person decides); in a committed file it would hold for every run.",
  remedy: "Give it to the step, or as a flag, for the run it is meant for."
};
var REFUSED = {
  command: {
    reason: "the command is chosen per step (or by the CLI's first word); one file serves them all.",
    remedy: "Set `command` on each step."
  },
  token: {
    reason: "secrets never go in a repository file.",
    remedy: "Leave the `token` input at its default (the job's token) or pass one from `secrets.*`; the CLI reads GITHUB_TOKEN."
  },
  "working-directory": {
    reason: "it says where the file is, so the file cannot set it.",
    remedy: "Give it to the step, or as `--cwd`."
  },
  "config-file": {
    reason: "it says where the file is, so the file cannot set it.",
    remedy: "Give it to the step, or as `--config-file`."
  },
  repository: {
    reason: "it says which repository a run works on: in the action the workflow's own, and the CLI works locally unless `--repo` is given; a committed value would send every local run to GitHub.",
    remedy: "Give `repository` to the step, or `--repo` to the CLI."
  },
  version: ONE_RUN,
  ref: ONE_RUN,
  "to-version": ONE_RUN,
  "from-version": ONE_RUN,
  reason: ONE_RUN,
  "correlation-id": {
    ...ONE_RUN,
    reason: "it is one attempt's id, and the same id twice does the work once: in a committed file every later deploy or rollback would do nothing."
  },
  force: ONE_RUN,
  "allow-migrations": ONE_RUN,
  incident: ONE_RUN
};
function refusalOf(key) {
  const spec = OPTIONS.find((o) => o.name === key);
  if (spec === void 0) return null;
  if (spec.secret) return SECRET;
  if (spec.cliOnly) {
    return {
      reason: "it is a flag of one command line, not an input.",
      remedy: `Pass \`--${key}\` to the CLI.`
    };
  }
  return REFUSED[key] ?? null;
}
var FILE_KEYS = [
  ...OPTIONS.filter((o) => refusalOf(o.name) === null).map((o) => o.name),
  "packages"
];
var PACKAGE_VERSION_KEYS = [
  "release-rules",
  "squash-bullets",
  "initial-version",
  "major-zero-breaking",
  "prerelease",
  "build-metadata"
];
var PACKAGE_FILE_KEYS = ["version-files", "changelog-file", "chart-app-version"];
var PACKAGE_KEYS = [
  "tag-prefix",
  "extra-paths",
  "exclude-paths",
  ...PACKAGE_VERSION_KEYS,
  ...PACKAGE_FILE_KEYS
];

// src/settings/file-packages.ts
var import_yaml2 = __toESM(require_dist(), 1);

// src/settings/file-values.ts
var import_yaml = __toESM(require_dist(), 1);
function resolved(reader, value) {
  return (0, import_yaml.isAlias)(value) ? value.resolve(reader.doc) : value;
}
function isEmpty(node) {
  return node === null || node === void 0 || (0, import_yaml.isScalar)(node) && node.value === null;
}
function keyOf(reader, pair) {
  const node = pair.key;
  const line = reader.lineOf(node);
  if (!(0, import_yaml.isScalar)(node) || typeof node.value !== "string" && typeof node.value !== "number") {
    throw reader.invalid(
      line,
      "a key must be plain text.",
      "Write keys as plain words, such as `tag-prefix:`."
    );
  }
  return { key: String(node.value), line };
}
function known(reader, key, line, keys, within) {
  if (keys.includes(key) || within === null && refusalOf(key) !== null) return;
  const best = nearest(key, keys);
  throw shipguardError("SG_SETTINGS_UNKNOWN", {
    file: reader.name,
    line,
    key,
    within,
    nearest: best?.candidate ?? null,
    close: best !== null && best.distance <= Math.max(2, Math.floor(key.length / 3))
  });
}
function optionText(reader, option, setting, value, keyLine) {
  const node = resolved(reader, value);
  if (isEmpty(node)) return void 0;
  const line = reader.lineOf(node) || keyLine;
  const shape = shapeOf(option);
  if ((0, import_yaml.isScalar)(node)) return scalarText(node.value, node.source);
  if (shape.yaml) return (0, import_yaml.stringify)(node.toJSON());
  const wrong = (what, takes2) => reader.invalid(line, `${setting} is ${what}; it takes ${takes2}.`, `Write ${setting} as ${takes2}.`);
  const entry = (item, what, takes2) => {
    const inner = resolved(reader, item);
    if (!(0, import_yaml.isScalar)(inner) || inner.value === null) throw wrong(what, takes2);
    return scalarText(inner.value, inner.source);
  };
  if ((0, import_yaml.isSeq)(node) && shape.separator !== null) {
    const items = node.items.map(
      (item) => entry(item, "a list with an entry that is not a value", "a list of values")
    );
    return items.join(shape.separator);
  }
  if ((0, import_yaml.isMap)(node) && shape.pairs && shape.separator !== null) {
    const pairs = node.items.map(
      (pair) => `${keyOf(reader, pair).key}=${entry(pair.value, "a mapping with an entry that is not a value", "`name: value` entries")}`
    );
    return pairs.join(shape.separator);
  }
  throw wrong(describe(node), takes(shape));
}
function takes(shape) {
  if (shape.pairs) return "a mapping of `name: value`, a list of `name=value`, or text";
  if (shape.separator !== null) return "a list or text";
  return "one value";
}
function scalarText(value, source) {
  if (typeof value === "string") return value;
  return source ?? String(value);
}
function describe(node) {
  if ((0, import_yaml.isMap)(node)) return "a mapping";
  if ((0, import_yaml.isSeq)(node)) return "a list";
  if ((0, import_yaml.isScalar)(node)) return `the value ${JSON.stringify(node.value)}`;
  return "not a value";
}

// src/settings/file-packages.ts
function readPackages(reader, value, line, lines) {
  const node = resolved(reader, value);
  if (isEmpty(node)) return null;
  if (!(0, import_yaml2.isMap)(node)) {
    throw reader.invalid(
      reader.lineOf(node) || line,
      `packages is ${describe(node)}; it maps each package's path to its settings, such as \`packages/api: { tag-prefix: api-v }\`.`,
      "Write one `<path>:` line per package under `packages:`, relative to the repository root."
    );
  }
  const packages = [];
  for (const pair of node.items) {
    const { key, line: at } = keyOf(reader, pair);
    const name = `packages.${JSON.stringify(key)}`;
    const path = normalizePackagePath(key);
    if ("problem" in path) {
      throw reader.invalid(
        at,
        `${name}: the path ${path.problem}.`,
        "Name each package by its folder, relative to the repository root (`packages/api`, or `.` for the root package)."
      );
    }
    const twin = packages.find((p) => p.path === path.path);
    if (twin !== void 0) {
      throw reader.invalid(
        at,
        `${name} is the same package as ${twin.name} on line ${twin.line} (both are \`${path.path}\`).`,
        "Keep one entry per package folder."
      );
    }
    lines.set(name, at);
    packages.push(readPackage(reader, { path: path.path, name, line: at }, pair.value, lines));
    if (!lines.has(`${name}.tag-prefix`)) lines.set(`${name}.tag-prefix`, at);
  }
  return packages.length === 0 ? null : packages;
}
function readPackage(reader, where, value, lines) {
  const found = { ...where, values: /* @__PURE__ */ new Map(), extraPaths: null, excludePaths: null };
  const node = resolved(reader, value);
  if (isEmpty(node)) return found;
  if (!(0, import_yaml2.isMap)(node)) {
    throw reader.invalid(
      reader.lineOf(node) || where.line,
      `${where.name} is ${describe(node)}; it takes the package's settings (\`tag-prefix: api-v\`), or nothing for the defaults.`,
      "Write the package's settings under its path, or leave it empty."
    );
  }
  const values = /* @__PURE__ */ new Map();
  for (const pair of node.items) {
    const { key, line } = keyOf(reader, pair);
    known(reader, key, line, PACKAGE_KEYS, where.name);
    const setting = `${where.name}.${key}`;
    lines.set(setting, line);
    if (key === "extra-paths") found.extraPaths = globsOf(reader, setting, pair.value, line);
    else if (key === "exclude-paths") found.excludePaths = globsOf(reader, setting, pair.value, line);
    else {
      const text = optionText(reader, key, setting, pair.value, line);
      if (text !== void 0) values.set(key, text);
    }
  }
  return { ...found, values };
}
function normalizePackagePath(written) {
  const text = written.trim();
  const problem = pathProblem(text);
  if (problem !== null) return { problem };
  if (/[*?[\]{}!]/.test(text))
    return { problem: "is a glob; a package is one folder (globs go in extra-paths)" };
  const parts = text.split("/").filter((part) => part !== "" && part !== ".");
  return { path: parts.length === 0 ? "." : parts.join("/") };
}
function pathProblem(text) {
  if (text === "") return "is empty";
  if (text.startsWith("/") || /^[A-Za-z]:/.test(text))
    return "is absolute; it is relative to the repository root";
  if (text.includes("\\")) return "holds `\\`; separate folders with `/`";
  if (hasControlCharacter(text)) return "holds a control character";
  if (text.split("/").includes("..")) return "leaves the repository (`..`)";
  return null;
}
function globsOf(reader, setting, value, keyLine) {
  const node = resolved(reader, value);
  if (isEmpty(node)) return [];
  const line = reader.lineOf(node) || keyLine;
  let entries;
  if ((0, import_yaml2.isScalar)(node)) entries = String(node.value).split(/[,\n]/);
  else if ((0, import_yaml2.isSeq)(node)) {
    entries = node.items.map((item) => {
      const inner = resolved(reader, item);
      if (!(0, import_yaml2.isScalar)(inner) || isEmpty(inner))
        throw reader.invalid(line, `${setting} has an entry that is not a glob.`, "List one glob per entry.");
      return String(inner.value);
    });
  } else {
    throw reader.invalid(
      line,
      `${setting} is ${describe(node)}; it takes globs, as a list or separated by commas.`,
      'Write `["shared/**", "tools/gen/**"]`, or one glob per line of a list.'
    );
  }
  const globs = entries.map((glob) => glob.trim().replace(/^(\.\/)+/, "")).filter((glob) => glob !== "");
  for (const glob of globs) {
    const problem = pathProblem(glob);
    if (problem !== null) {
      throw reader.invalid(
        line,
        `${setting}: the glob ${JSON.stringify(glob)} ${problem}.`,
        "Write globs relative to the repository root, such as `packages/api/test/**`."
      );
    }
  }
  return globs;
}

// src/settings/settings-file.ts
function parseSettingsFile(text, name) {
  const counter = new import_yaml3.LineCounter();
  const doc = (0, import_yaml3.parseDocument)(text, { lineCounter: counter, uniqueKeys: true, prettyErrors: false });
  const reader = {
    name,
    doc,
    lineOf: (node) => {
      const start = node?.range?.[0];
      return start === void 0 ? 0 : counter.linePos(start).line;
    },
    invalid: (line, problem, fix) => shipguardError("SG_SETTINGS_FILE_INVALID", { file: name, line, problem, fix })
  };
  const syntax = doc.errors[0];
  if (syntax !== void 0) {
    throw reader.invalid(
      counter.linePos(syntax.pos[0]).line,
      `not valid YAML: ${syntax.message.split("\n")[0]}`,
      "Fix the YAML at that line (indentation, quotes, a `:` after each key)."
    );
  }
  const values = /* @__PURE__ */ new Map();
  const lines = /* @__PURE__ */ new Map();
  let packages = null;
  const top = doc.contents;
  if (isEmpty(top)) return { name, values, lines, packages };
  if (!(0, import_yaml3.isMap)(top)) {
    throw reader.invalid(
      reader.lineOf(top),
      `the top level is ${describe(top)}; it must be a mapping of settings by input name, such as \`tag-prefix: v\`.`,
      "Write one `name: value` line per setting."
    );
  }
  for (const pair of top.items) {
    const { key, line } = keyOf(reader, pair);
    known(reader, key, line, FILE_KEYS, null);
    const refused = refusalOf(key);
    if (refused !== null) throw shipguardError("SG_SETTINGS_REFUSED", { file: name, line, key, ...refused });
    if (key === "packages") {
      packages = readPackages(reader, pair.value, line, lines);
      continue;
    }
    const value = optionText(reader, key, key, pair.value, line);
    if (value === void 0) continue;
    values.set(key, value);
    lines.set(key, line);
  }
  return { name, values, lines, packages };
}
export {
  parseSettingsFile
};
