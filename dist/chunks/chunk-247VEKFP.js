import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  DEFAULT_NOTIFY_ON,
  NOTIFY_EVENTS,
  NOTIFY_FORMATS,
  checkWebhookUrl
} from "./chunk-SAQUPTMN.js";
import {
  require_semver
} from "./chunk-7FY53ZM3.js";
import {
  hasControlCharacter
} from "./chunk-TRU3V6GF.js";
import {
  sameEnvironment
} from "./chunk-ST7FDLZW.js";
import {
  OPTIONS,
  invalidInput,
  isShipguardError,
  shipguardError
} from "./chunk-NPSWBCF6.js";
import {
  __toESM
} from "./chunk-YIKRADAN.js";

// src/settings/values.ts
var import_semver2 = __toESM(require_semver(), 1);

// src/core/tags.ts
var import_semver = __toESM(require_semver(), 1);

// src/core/semver-text.ts
var NUMBERS = /^(\d+)\.(\d+)\.(\d+)(?:[-+][0-9A-Za-z.+-]*)?$/;
function versionProblem(text) {
  const m = NUMBERS.exec(text);
  if (m !== null && [m[1], m[2], m[3]].some((n) => Number(n) > Number.MAX_SAFE_INTEGER)) {
    return `is too large: MAJOR, MINOR and PATCH may be at most ${Number.MAX_SAFE_INTEGER} each`;
  }
  return "is not a SemVer version (x.y.z)";
}

// src/core/tags.ts
var FORBIDDEN = /[\x00-\x20\x7f~^:?*[\\]/;
var RULES = 'git ref-name rules: no "..", "@{", "//", spaces, control characters or any of ~ ^ : ? * [ \\, no part that starts with "." or ends with ".lock"';
var VERSION_TEXT = /^\d[0-9A-Za-z.+-]*$/;
function validateRefComponent(value, input, kind = input === "tag-prefix" ? "prefix" : "name") {
  const problem = refProblem(value, kind);
  if (problem !== null) {
    const rules = kind === "name" ? `${RULES}, no trailing "/" or "."` : RULES;
    throw invalidInput(input, value, `It ${problem}; a tag name must follow ${rules}.`);
  }
}
function refProblem(value, kind) {
  if (kind === "name" && value === "") return "is empty";
  if (value === "@") return 'is "@" alone';
  const bad = FORBIDDEN.exec(value);
  if (bad !== null) return `contains ${describeChar(bad[0])}`;
  if (value.includes("..")) return 'contains ".."';
  if (value.includes("@{")) return 'contains "@{"';
  if (value.includes("//")) return 'contains "//"';
  if (value.startsWith("/")) return 'starts with "/"';
  if (value.startsWith("-")) return 'starts with "-", which git would read as an option';
  if (kind === "name" && value.endsWith("/")) return 'ends with "/"';
  if (kind === "name" && value.endsWith(".")) return 'ends with "."';
  const parts = value.split("/");
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.startsWith(".")) return `has a part that starts with "." ("${part}")`;
    const complete = kind === "name" || i < parts.length - 1;
    if (complete && part.endsWith(".lock")) return `has a part that ends with ".lock" ("${part}")`;
  }
  return null;
}
function describeChar(char) {
  if (char === " ") return "a space";
  const code = char.charCodeAt(0);
  if (code < 32 || code === 127)
    return `a control character (U+${code.toString(16).toUpperCase().padStart(4, "0")})`;
  return `"${char}"`;
}
function parseVersionTag(name, prefix) {
  if (!name.startsWith(prefix)) return null;
  const rest = name.slice(prefix.length);
  if (!VERSION_TEXT.test(rest)) return null;
  const parsed = import_semver.default.parse(rest);
  if (parsed === null) return null;
  return { version: parsed.version, prerelease: parsed.prerelease.length > 0 };
}
function selectBaseline(tags, reachable, prefix, debug) {
  const found = [];
  for (const tag of tags) {
    if (!tag.name.startsWith(prefix)) {
      debug(`Skipping tag ${tag.name}: it does not start with the tag prefix "${prefix}".`);
      continue;
    }
    const version = parseVersionTag(tag.name, prefix);
    const parsed = version === null ? null : import_semver.default.parse(version.version);
    if (version === null || parsed === null) {
      debug(
        `Skipping tag ${tag.name}: "${tag.name.slice(prefix.length)}" ${versionProblem(tag.name.slice(prefix.length))}.`
      );
      continue;
    }
    found.push({
      tag: {
        name: tag.name,
        sha: tag.sha,
        version: version.version,
        prerelease: version.prerelease,
        reachable: reachable.has(tag.name) || reachable.has(tag.sha)
      },
      parsed
    });
  }
  found.sort(
    (a, b) => b.parsed.compare(a.parsed) || (a.tag.name < b.tag.name ? -1 : a.tag.name > b.tag.name ? 1 : 0)
  );
  const versions = found.map((f) => f.tag);
  const lastStable = versions.find((t) => t.reachable && !t.prerelease) ?? null;
  const lastAny = versions.find((t) => t.reachable) ?? null;
  const highestExisting = versions[0] ?? null;
  const warnings = [];
  const above = versions.filter(
    (t) => !t.reachable && (lastAny === null || import_semver.default.gt(t.version, lastAny.version))
  );
  const highest = above[0];
  if (highest !== void 0) {
    const others = above.length > 1 ? ` (and ${above.length - 1} more)` : "";
    const reference = lastAny === null ? "no version tag is reachable from HEAD" : `the highest tag reachable from HEAD is ${lastAny.name}`;
    warnings.push(
      `Tag ${highest.name}${others} is not reachable from HEAD, while ${reference}: was history rewritten, or is the tag on another branch? The next version will stay above every existing tag of its major line.`
    );
  }
  return { versions, lastStable, lastAny, highestExisting, warnings };
}

// src/settings/values.ts
function raw(source, name) {
  const spec = OPTIONS.find((o) => o.name === name);
  if (!spec) throw new Error(`unknown option ${name}`);
  const value = source(name);
  if (value === void 0 || value.trim() === "") return spec.default ?? "";
  return value;
}
function parseBoolean(name, value) {
  const v = value.trim().toLowerCase();
  if (v === "true" || v === "yes" || v === "1") return true;
  if (v === "false" || v === "no" || v === "0") return false;
  throw invalidInput(name, value, "Expected `true` or `false`.");
}
function optional(value) {
  const v = value.trim();
  return v === "" ? null : v;
}
function positiveInteger(source, name, max) {
  const value = raw(source, name).trim();
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > max)
    throw invalidInput(name, value, `Expected a whole number from 1 to ${max}.`);
  return n;
}
function keyValueLines(source, name) {
  const out = {};
  const lines = raw(source, name).split(/\r?\n/);
  lines.forEach((line, i) => {
    const text = line.trim();
    if (text === "" || text.startsWith("#")) return;
    const eq = text.indexOf("=");
    const key = eq <= 0 ? "" : text.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_-]*$/.test(key)) {
      throw invalidInput(name, text, `On line ${i + 1}, expected \`name=value\`.`);
    }
    out[key] = text.slice(eq + 1).trim();
  });
  return out;
}
function versionInput(input, value, tagPrefix, otherwise, remedy) {
  const version = value.replace(new RegExp(`^${escapeRegExp(tagPrefix)}`), "");
  if (!/^\d/.test(version) || import_semver2.default.parse(version) === null) {
    throw invalidInput(
      input,
      value,
      `Expected a SemVer version such as \`1.4.2\` or \`${tagPrefix}1.4.2\`${otherwise}.`,
      remedy
    );
  }
  validateRefComponent(`${tagPrefix}${version}`, input, "name");
  return version;
}
function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// src/settings/names.ts
var REPOSITORY = /^([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))\/([A-Za-z0-9._-]{1,100})$/;
var ENVIRONMENT = /^[^/\\]{1,255}$/;
var WORKFLOW_FILE = /^[A-Za-z0-9._-]+\.ya?ml$/;
var CORRELATION_ID = /^[A-Za-z0-9._-]+$/;
var CORRELATION_ID_MAX = 100;
var ROLLBACK_SUFFIX = "-rollback";
function parseRepository(text) {
  const parsed = REPOSITORY.exec(text);
  return parsed === null ? null : { owner: parsed[1], repo: parsed[2] };
}
function repositoryOf(source) {
  const repository = optional(raw(source, "repository"));
  if (repository === null) return null;
  const parsed = parseRepository(repository);
  if (parsed === null)
    throw invalidInput("repository", repository, "Expected `owner/name`, such as `octo/app`.");
  return parsed;
}
function environmentOf(source, required) {
  const value = optional(raw(source, "environment"));
  if (value === null) {
    if (!required) return null;
    throw invalidInput("environment", "", "Name the environment, such as `production` or `staging`.");
  }
  if (!ENVIRONMENT.test(value) || hasControlCharacter(value)) {
    throw invalidInput(
      "environment",
      value,
      "Expected at most 255 characters, without `/`, `\\`, control characters or bidirectional controls."
    );
  }
  return value;
}
function correlationIdOf(source, max = CORRELATION_ID_MAX) {
  const value = optional(raw(source, "correlation-id"));
  if (value !== null && (!CORRELATION_ID.test(value) || value.length > max)) {
    const why = max < CORRELATION_ID_MAX ? ` (its rollback runs as \`<id>${ROLLBACK_SUFFIX}\`)` : "";
    throw invalidInput(
      "correlation-id",
      value,
      `Expected up to ${max} letters, digits, \`.\`, \`_\` or \`-\`${why}.`
    );
  }
  return value;
}
function workflowFileOf(source, name) {
  const value = optional(raw(source, name));
  if (value !== null && !WORKFLOW_FILE.test(value)) {
    throw invalidInput(
      name,
      value,
      "Expected a workflow file name in .github/workflows/, such as `deploy.yml`."
    );
  }
  return value;
}

// src/settings/read-notify.ts
function notifyOf(source, withIncidents, problems = "refuse") {
  const warnings = [];
  const settle = (read, instead, fallback) => {
    if (problems === "refuse") return read();
    try {
      return read();
    } catch (error) {
      if (!isShipguardError(error)) throw error;
      warnings.push(`${error.message} The rollback goes ahead: ${instead} Fix: ${error.remedy}`);
      return fallback;
    }
  };
  return {
    urls: webhookLines(source).map(
      (line, i) => settle(() => checkedWebhookUrl(line, i), "that webhook is not called.", line)
    ),
    format: settle(() => formatOf(source), "the webhooks get the `json` body.", "json"),
    on: settle(
      () => eventsOf(source),
      `the webhooks hear the default events (${DEFAULT_NOTIFY_ON.join(", ")}).`,
      DEFAULT_NOTIFY_ON
    ),
    incidentIssue: withIncidents && parseBoolean("incident-issue", raw(source, "incident-issue")),
    warnings
  };
}
function webhookLines(source) {
  return raw(source, "notify-url").split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== "" && !line.startsWith("#"));
}
function checkedWebhookUrl(line, i) {
  const checked = checkWebhookUrl(line, i);
  if (!checked.ok) {
    throw invalidInput(
      "notify-url",
      `line ${i + 1}: ${checked.shown}`,
      `${checked.problem.charAt(0).toUpperCase()}${checked.problem.slice(1)}.`.replace(/\.\.$/, "."),
      "Give each webhook as an `https://` URL on its own line (plain `http://` only for a receiver on loopback), from a secret."
    );
  }
  return checked.url;
}
function formatOf(source) {
  const value = raw(source, "notify-format").trim().toLowerCase();
  if (!NOTIFY_FORMATS.includes(value)) {
    throw invalidInput(
      "notify-format",
      value,
      `Expected one of: ${NOTIFY_FORMATS.join(", ")}.`,
      "Use `slack` for Slack, Mattermost or Rocket.Chat incoming webhooks, `teams` for a Teams workflow webhook, `json` for anything else."
    );
  }
  return value;
}
function eventsOf(source) {
  const names = raw(source, "notify-on").split(/[\s,]+/).map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  if (names.length === 0) return DEFAULT_NOTIFY_ON;
  const unknown = names.filter(
    (name) => name !== "all" && !NOTIFY_EVENTS.includes(name)
  );
  if (unknown.length > 0) {
    throw invalidInput(
      "notify-on",
      unknown.join(", "),
      `Expected events from: ${NOTIFY_EVENTS.join(", ")} (or \`all\`), comma-separated.`
    );
  }
  if (names.includes("all")) return NOTIFY_EVENTS;
  return NOTIFY_EVENTS.filter((event) => names.includes(event));
}

// src/settings/read-promotion.ts
function promotionOf(source, environment, strategy) {
  const requireVerifiedIn = gateOf(source, environment);
  const force = parseBoolean("force", raw(source, "force"));
  const reason = optional(raw(source, "reason"));
  if (force && reason === null) {
    throw invalidInput(
      "reason",
      "",
      "A forced deploy needs a reason: it goes into the deployment record.",
      'Say why the gate is overridden: `--reason "hotfix, staging is down"`, or the `reason` input.'
    );
  }
  return {
    requireVerifiedIn,
    force: force && reason !== null ? { reason } : null,
    trafficSteps: trafficStepsOf(source, strategy)
  };
}
function gateOf(source, environment) {
  const names = raw(source, "require-verified-in").split(/[\n,]/).map((name) => name.trim()).filter((name) => name !== "");
  const checked = names.map((name) => environmentOf(() => name, true));
  const self = checked.find((name) => sameEnvironment(name, environment));
  if (self !== void 0) {
    const as = self === environment ? "" : ` (${environment})`;
    throw invalidInput(
      "require-verified-in",
      checked.join(", "),
      `It names ${self}, the environment being deployed to${as}: a version cannot be verified there before it is deployed there.`,
      "Name the environments that come before this one, such as `staging` for `production`."
    );
  }
  return checked.filter((name, i) => checked.findIndex((other) => sameEnvironment(other, name)) === i);
}
function trafficStepsOf(source, strategy) {
  const text = raw(source, "traffic-steps").trim();
  if (text === "") return null;
  const remedy = "Give whole percentages, increasing, ending at 100, such as `10, 50, 100`.";
  const parts = text.split(/[\s,]+/).filter((part) => part !== "");
  const steps = parts.map((part) => {
    const n = Number(part.replace(/%$/, ""));
    if (!/^\d+%?$/.test(part) || n < 1 || n > 100) {
      throw invalidInput("traffic-steps", text, `\`${part}\` is not a percentage from 1 to 100.`, remedy);
    }
    return n;
  });
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (before !== void 0 && step <= before) {
      throw invalidInput(
        "traffic-steps",
        text,
        `The steps must increase: ${step} comes after ${before}.`,
        remedy
      );
    }
  });
  if (steps.at(-1) !== 100) {
    throw invalidInput(
      "traffic-steps",
      text,
      `The last step must be 100 (all traffic); it is ${steps.at(-1)}.`,
      remedy
    );
  }
  if (strategy !== "command") {
    throw invalidInput(
      "traffic-steps",
      text,
      `Traffic steps need the \`command\` strategy (the deploy command shifts the weights); the strategy is \`${strategy}\`.`,
      "Use `strategy: command` with a deploy-command that reads SHIPGUARD_TRAFFIC_PERCENT, or drop traffic-steps."
    );
  }
  return steps;
}

// src/settings/read-deploy.ts
function checksOf(source) {
  const inline = optional(raw(source, "checks"));
  const file = optional(raw(source, "checks-file"));
  if (inline !== null && file !== null) {
    throw invalidInput("checks-file", file, "Set either `checks` or `checks-file`, not both.");
  }
  return { inline: inline === null ? null : raw(source, "checks"), file };
}
function strategyOf(source) {
  const strategy = raw(source, "strategy").trim();
  if (strategy !== "command" && strategy !== "workflow" && strategy !== "symlink") {
    throw invalidInput("strategy", strategy, "Expected `command`, `workflow` or `symlink`.");
  }
  const settings = {
    strategy,
    deployCommand: optional(raw(source, "deploy-command")),
    prepareCommand: optional(raw(source, "prepare-command")),
    deployTimeoutMs: positiveInteger(source, "deploy-timeout-minutes", 24 * 60) * 6e4,
    deployWorkflow: workflowFileOf(source, "deploy-workflow"),
    workflowRef: optional(raw(source, "workflow-ref")),
    workflowInputs: keyValueLines(source, "workflow-inputs"),
    releaseSource: optional(raw(source, "release-source")),
    releasesDir: optional(raw(source, "releases-dir")),
    currentLink: optional(raw(source, "current-link")),
    keepReleases: positiveInteger(source, "keep-releases", 1e3),
    restartCommand: optional(raw(source, "restart-command"))
  };
  const need = (name, value) => {
    if (value === null) throw invalidInput(name, "", `The \`${strategy}\` strategy needs \`${name}\`.`);
  };
  if (strategy === "command") need("deploy-command", settings.deployCommand);
  if (strategy === "workflow") need("deploy-workflow", settings.deployWorkflow);
  if (strategy === "symlink") {
    need("release-source", settings.releaseSource);
    need("releases-dir", settings.releasesDir);
  }
  if (settings.workflowRef !== null) validateRefComponent(settings.workflowRef, "workflow-ref", "name");
  return settings;
}
function readDeploySettings(source) {
  const version = optional(raw(source, "version"));
  const ref = optional(raw(source, "ref"));
  if (version !== null && ref !== null) {
    throw shipguardError("SG_INPUTS_CONFLICT", {
      first: "version",
      firstValue: version,
      second: "ref",
      secondValue: ref
    });
  }
  if (version === null && ref === null) {
    throw invalidInput("version", "", "Set exactly one of `version` and `ref`; neither was given.");
  }
  if (ref !== null) validateRefComponent(ref, "ref", "name");
  const onFailure = raw(source, "on-failure").trim();
  if (onFailure !== "rollback" && onFailure !== "none") {
    throw invalidInput("on-failure", onFailure, "Expected `rollback` or `none`.");
  }
  const target = targetOf(source);
  if (target.environment.includes(",")) {
    throw invalidInput(
      "environment",
      target.environment,
      "A deploy refuses an environment name with a comma: `require-verified-in` separates names by commas, so no later deploy could be gated on it.",
      "Name the environment without a comma, such as `eu-west` for `eu,west`."
    );
  }
  return {
    ...target,
    version: version === null ? null : versionInput(
      "version",
      version,
      target.tagPrefix,
      ", whose tag exists as written",
      "Give a released version as its tag names it; to deploy a commit, a branch or another tag, set `ref` instead."
    ),
    ref,
    onFailure,
    rollbackWorkflow: workflowFileOf(source, "rollback-workflow") ?? "rollback.yml",
    correlationId: correlationIdOf(source, CORRELATION_ID_MAX - ROLLBACK_SUFFIX.length),
    promotion: promotionOf(source, target.environment, target.strategy)
  };
}
function targetOf(source, notifyProblems = "refuse") {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  return {
    ...strategyOf(source),
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    repository: repositoryOf(source),
    environment: environmentOf(source, true),
    checks: checksOf(source),
    environmentUrl: environmentUrlOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
    notify: notifyOf(source, true, notifyProblems)
  };
}
function environmentUrlOf(source) {
  const value = optional(raw(source, "environment-url"));
  if (value === null) return null;
  let url = null;
  try {
    url = new URL(value);
  } catch {
  }
  if (url === null || url.protocol !== "https:" && url.protocol !== "http:" || url.hostname === "") {
    throw invalidInput(
      "environment-url",
      value,
      "Expected an absolute http(s) URL, such as `https://app.example.com`.",
      "Write the URL of the deployed environment with its scheme and host (`https://staging.example.com/`), or leave `environment-url` empty."
    );
  }
  return value;
}
function readSmokeSettings(source) {
  const checks = checksOf(source);
  if (checks.inline === null && checks.file === null) {
    throw invalidInput("checks", "", "Give the checks to run, in `checks` (YAML) or `checks-file`.");
  }
  return {
    workingDirectory: raw(source, "working-directory"),
    environment: environmentOf(source, false),
    version: optional(raw(source, "version")),
    checks,
    repository: repositoryOf(source),
    ledgerFile: optional(raw(source, "ledger-file"))
  };
}

// src/settings/read-incident.ts
var INCIDENT_SCHEMA = "shipguard.incident/v1";
var REPORT_MAX = 1e6;
function readIncidentSettings(source) {
  return {
    workingDirectory: raw(source, "working-directory"),
    repository: repositoryOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
    incident: parseIncident(raw(source, "incident"))
  };
}
function parseIncident(text) {
  const remedy = "Pass the `incident` output of a shipguard deploy or rollback step as is: `incident: ${{ needs.<job>.outputs.incident }}`.";
  if (text.trim() === "") {
    throw invalidInput(
      "incident",
      "",
      "Expected the JSON of a deploy's or rollback's `incident` output.",
      remedy
    );
  }
  let value;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidInput("incident", shorten(text), "Expected JSON.", remedy);
  }
  const o = typeof value === "object" && value !== null ? value : {};
  const problem = incidentProblem(o);
  if (problem !== null) throw invalidInput("incident", shorten(text), problem, remedy);
  return {
    id: o.id,
    event: o.event,
    title: o.title,
    report: o.report
  };
}
function incidentProblem(o) {
  if (o.schema !== INCIDENT_SCHEMA) return `Expected \`schema\` to be \`${INCIDENT_SCHEMA}\`.`;
  if (typeof o.id !== "string" || !CORRELATION_ID.test(o.id) || o.id.length > CORRELATION_ID_MAX)
    return `Expected \`id\`: up to ${CORRELATION_ID_MAX} letters, digits, \`.\`, \`_\` or \`-\`.`;
  if (typeof o.event !== "string" || !NOTIFY_EVENTS.includes(o.event))
    return `Expected \`event\` from: ${NOTIFY_EVENTS.join(", ")}.`;
  if (typeof o.title !== "string" || o.title.trim() === "" || o.title.length > 256 || /[\r\n]/.test(o.title))
    return "Expected `title`: one line of at most 256 characters.";
  if (typeof o.report !== "string" || o.report.length > REPORT_MAX)
    return `Expected \`report\`: markdown of at most ${REPORT_MAX} characters.`;
  return null;
}
function incidentJson(incident) {
  return JSON.stringify({ schema: INCIDENT_SCHEMA, ...incident });
}
function shorten(text) {
  return text.length > 80 ? `${text.slice(0, 80)}\u2026` : text;
}

// src/settings/read-rollback.ts
function readRollbackSettings(source) {
  const target = targetOf(source, "warn");
  const toVersion = optional(raw(source, "to-version"));
  return {
    ...target,
    toVersion: toVersion === null ? null : versionInput(
      "to-version",
      toVersion,
      target.tagPrefix,
      ", or leave it empty for the last known good version"
    ),
    fromVersion: optional(raw(source, "from-version")),
    reason: reasonOf(source),
    correlationId: correlationIdOf(source),
    force: parseBoolean("force", raw(source, "force")),
    allowMigrations: parseBoolean("allow-migrations", raw(source, "allow-migrations")),
    migrationPaths: migrationPathsOf(source),
    beforeRollback: optional(raw(source, "before-rollback")),
    afterRollback: optional(raw(source, "after-rollback"))
  };
}
function migrationPathsOf(source = () => void 0) {
  return raw(source, "migration-paths").split(/\r?\n|,/).map((g) => g.trim()).filter((g) => g !== "" && !g.startsWith("#"));
}
function reasonOf(source) {
  const reason = optional(raw(source, "reason"));
  if (reason === null) {
    throw invalidInput(
      "reason",
      "",
      "A rollback needs a reason: it goes into the deployment record and the incident report.",
      'Say why you roll back: `--reason "checkout errors after 1.5.0"` on the CLI, the `reason` input in the rollback workflow.'
    );
  }
  return reason;
}

// src/settings/read-version.ts
var import_semver4 = __toESM(require_semver(), 1);

// src/core/next-version.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/core/rules.ts
var DEFAULT_RULES = [
  { type: "feat", scope: null, bump: "minor" },
  { type: "fix", scope: null, bump: "patch" },
  { type: "perf", scope: null, bump: "patch" }
];
var RANK = { none: 0, patch: 1, minor: 2, major: 3 };
var RULE = /^([A-Za-z][A-Za-z0-9_-]*)\s*(?:\(([^()]*)\))?\s*=\s*([^\s=]+)$/;
var SHAPE = "type=bump or type(scope)=bump, with bump one of major, minor, patch or none (for example `docs(readme)=patch`, `refactor=minor`, `chore=none`)";
function listEntries(text) {
  const out = [];
  text.split(/\r\n?|\n/).forEach((raw2, i) => {
    const hash = raw2.indexOf("#");
    for (const part of (hash === -1 ? raw2 : raw2.slice(0, hash)).split(",")) {
      const entry = part.trim();
      if (entry !== "") out.push({ entry, line: i + 1 });
    }
  });
  return out;
}
function parseReleaseRules(text) {
  return listEntries(text).map(({ entry, line }) => parseRule(entry, line));
}
function parseRule(entry, line) {
  const match = RULE.exec(entry);
  if (match === null) throw invalidInput("release-rules", entry, `On line ${line}, expected ${SHAPE}.`);
  const bump = match[3].toLowerCase();
  if (!isBump(bump)) {
    throw invalidInput(
      "release-rules",
      entry,
      `On line ${line}, "${match[3]}" is not a bump: use major, minor, patch or none, as in ${SHAPE}.`
    );
  }
  const scope = match[2] === void 0 ? null : match[2].trim().toLowerCase();
  if (scope === "")
    throw invalidInput("release-rules", entry, `On line ${line}, the scope is empty: expected ${SHAPE}.`);
  return { type: match[1].toLowerCase(), scope, bump };
}
function isBump(value) {
  return value === "major" || value === "minor" || value === "patch" || value === "none";
}
function ruleFor(type, scope, rules) {
  let typeOnly = null;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i];
    if (rule.type !== type) continue;
    if (rule.scope === null) typeOnly ??= rule.bump;
    else if (rule.scope === scope) return rule.bump;
  }
  if (typeOnly !== null) return typeOnly;
  for (const rule of DEFAULT_RULES) {
    if (rule.type === type) return rule.bump;
  }
  return null;
}
function bumpFor(change, rules) {
  if (change.breaking) return "major";
  return ruleFor(change.type, change.scope, rules) ?? "none";
}
function bumpRank(bump) {
  return RANK[bump];
}

// src/core/next-version.ts
var PRERELEASE_ID = /^[0-9A-Za-z-]+$/;
var BUILD_METADATA = /^[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*$/;
var PLAIN_VERSION = /^\d[0-9A-Za-z.+-]*$/;
function decideVersion(input) {
  const { analysis, baseline, settings, tagPrefix } = input;
  const initialVersion = checkInitialVersion(settings.initialVersion);
  const id = checkPrereleaseId(settings.prerelease);
  const build = checkBuildMetadata(settings.buildMetadata);
  const warnings = [...analysis.warnings];
  const tags = new TagIndex(baseline.versions);
  const previous = id === null ? baseline.lastStable : baseline.lastAny;
  const previousVersion = previous?.version ?? null;
  const previousTag = previous?.name ?? null;
  const lastStable = baseline.lastStable?.version ?? null;
  let bump = analysis.bump;
  const zeroMajor = bump === "major" && lastStable !== null && import_semver3.default.major(lastStable) === 0;
  if (zeroMajor && settings.majorZeroBreaking === "minor") bump = "minor";
  const asked = releaseAs(analysis.releaseAs, { id, previous, previousVersion, tags, warnings });
  let candidate = asked?.version ?? null;
  let reason = asked?.reason ?? "";
  const reportedBump = asked?.bump ?? bump;
  if (candidate === null && bump !== "none") {
    let base = lastStable === null ? initialVersion : import_semver3.default.inc(lastStable, bump);
    let computed;
    if (id === null) {
      computed = base;
    } else {
      const lastAny = baseline.lastAny;
      if (lastAny?.prerelease) {
        const core = coreOf(lastAny.version);
        if (import_semver3.default.gt(core, base)) base = core;
      }
      computed = `${base}-${id}.${tags.nextNumber(base, id)}`;
    }
    const moved = moveAbove(computed, bump, id, previous, tags);
    candidate = moved.version;
    if (moved.blocker !== null) {
      const where = moved.blocker.reachable ? "" : " (not reachable from HEAD)";
      warnings.push(
        `${computed} would not be above the existing tag ${moved.blocker.name}${where}, so the version moves past it to ${candidate}.`
      );
    }
    reason = bumpReason(analysis, bump, zeroMajor, previous, lastStable, candidate, initialVersion);
  }
  if (candidate === null) {
    return {
      version: null,
      tag: null,
      previousVersion,
      previousTag,
      bump: "none",
      releaseNeeded: false,
      prerelease: false,
      warnings,
      reason: noReleaseReason(analysis, previousTag)
    };
  }
  const metadata = buildMetadataOf(build, asked, warnings);
  const version = metadata === null ? candidate : `${candidate}+${metadata}`;
  const tag = `${tagPrefix}${version}`;
  validateRefComponent(tag, "tag-prefix", "name");
  return {
    version,
    tag,
    previousVersion,
    previousTag,
    bump: reportedBump,
    releaseNeeded: true,
    prerelease: import_semver3.default.prerelease(candidate) !== null,
    warnings,
    reason
  };
}
function releaseAs(requested, context) {
  if (requested === null) return null;
  const { id, previous, previousVersion, tags, warnings } = context;
  const value = requested.value.replace(/^[vV]/, "");
  const parsed = PLAIN_VERSION.test(value) ? import_semver3.default.parse(value) : null;
  if (parsed === null) {
    warnings.push(
      `Release-As: ${requested.value} in commit ${short(requested.sha)} ${versionProblem(value)}; it was ignored.`
    );
    return null;
  }
  let proposal = parsed.version;
  if (id !== null && parsed.prerelease.length === 0)
    proposal = `${proposal}-${id}.${tags.nextNumber(proposal, id)}`;
  const blocker = blockerOf(proposal, previous, tags);
  if (blocker !== null) {
    const what = blocker === previous ? "the previous version" : "an existing tag of that line";
    warnings.push(
      `Release-As: ${requested.value} in commit ${short(requested.sha)} was ignored: ${proposal} is not above ${blocker.name} (${what}).`
    );
    return null;
  }
  return {
    version: proposal,
    build: parsed.build.length > 0 ? parsed.build.join(".") : null,
    bump: distance(previousVersion ?? "0.0.0", proposal),
    reason: `Commit ${short(requested.sha)} asks for Release-As: ${requested.value}, so the ${previous === null ? "first version" : `version after ${previous.version}`} is ${proposal}.`
  };
}
var TagIndex = class {
  parsed = [];
  constructor(versions) {
    for (const tag of versions) {
      const version = import_semver3.default.parse(tag.version);
      if (version !== null) this.parsed.push({ tag, version });
    }
  }
  /** 1 + the highest N of the tags `<base>-<id>.N`, reachable or not. */
  nextNumber(base, id) {
    let highest = 0;
    for (const { version } of this.parsed) {
      const pre = version.prerelease;
      if (pre.length !== 2 || pre[0] !== id || typeof pre[1] !== "number") continue;
      if (`${version.major}.${version.minor}.${version.patch}` === base && pre[1] > highest) highest = pre[1];
    }
    return highest + 1;
  }
  /** The highest tag that is an ancestor of HEAD, prereleases included. */
  highestReachable() {
    let best = null;
    for (const entry of this.parsed) {
      if (!entry.tag.reachable) continue;
      if (best === null || entry.version.compare(best.version) > 0) best = entry;
    }
    return best?.tag ?? null;
  }
  /** The highest tag of the line major.minor. */
  highestOfLine(major, minor) {
    let best = null;
    for (const entry of this.parsed) {
      if (entry.version.major !== major || entry.version.minor !== minor) continue;
      if (best === null || entry.version.compare(best.version) > 0) best = entry;
    }
    return best?.tag ?? null;
  }
};
function blockerOf(version, previous, tags) {
  if (previous !== null && !import_semver3.default.gt(version, previous.version)) return previous;
  const reached = tags.highestReachable();
  if (reached !== null && !import_semver3.default.gt(version, reached.version)) return reached;
  const top = tags.highestOfLine(import_semver3.default.major(version), import_semver3.default.minor(version));
  if (top !== null && !import_semver3.default.gt(version, top.version)) return top;
  return null;
}
function moveAbove(computed, bump, id, previous, tags) {
  const kind = bump === "none" ? "patch" : bump;
  let version = computed;
  let first = null;
  for (let blocker = blockerOf(version, previous, tags); blocker !== null; blocker = blockerOf(version, previous, tags)) {
    first ??= blocker;
    if (id === null) {
      version = import_semver3.default.inc(blocker.version, kind);
    } else {
      const base = coreOf(version);
      const blockerCore = coreOf(blocker.version);
      const nextBase = blocker.prerelease && import_semver3.default.gt(blockerCore, base) ? blockerCore : import_semver3.default.inc(import_semver3.default.gt(blockerCore, base) ? blockerCore : base, kind);
      version = `${nextBase}-${id}.${tags.nextNumber(nextBase, id)}`;
    }
  }
  return { version, blocker: first };
}
function bumpReason(analysis, bump, zeroMajor, previous, lastStable, version, initialVersion) {
  const deciding = analysis.decidingCommit;
  const why = deciding === null ? `The commits call for a ${bump} release` : `${deciding.reason} (commit ${short(deciding.sha)})`;
  const zero = zeroMajor ? bump === "minor" ? "; while the major version is 0 that bumps the minor" : "; major-zero-breaking is major" : "";
  if (lastStable === null) {
    const first = version === initialVersion ? ` (initial-version)` : "";
    return `${why}${zero} and no stable version tag is reachable from HEAD, so the first version is ${version}${first}.`;
  }
  return `${why}${zero}, so the version after ${previous?.version ?? lastStable} is ${version}.`;
}
function noReleaseReason(analysis, previousTag) {
  const since = previousTag === null ? "in the history" : `since ${previousTag}`;
  const read = analysis.commitsRead === 1 ? "1 commit read" : `${analysis.commitsRead} commits read`;
  return `No commit ${since} calls for a release under the rules in use (${read}).`;
}
function distance(from, to) {
  const diff = import_semver3.default.diff(from, to);
  if (diff === "major" || diff === "premajor") return "major";
  if (diff === "minor" || diff === "preminor") return "minor";
  return diff === null ? "none" : "patch";
}
function coreOf(version) {
  const parsed = import_semver3.default.parse(version);
  return `${parsed.major}.${parsed.minor}.${parsed.patch}`;
}
function buildMetadataOf(setting, asked, warnings) {
  const requested = asked?.build ?? null;
  if (requested !== null && setting !== null && requested !== setting) {
    warnings.push(
      `Release-As carries build metadata +${requested}, but build-metadata is set to ${setting}: the version gets +${setting}.`
    );
  }
  return setting ?? requested;
}
function short(sha) {
  return sha.slice(0, 7);
}
function checkInitialVersion(value) {
  const trimmed = value.trim();
  const parsed = PLAIN_VERSION.test(trimmed) ? import_semver3.default.parse(trimmed) : null;
  if (parsed === null || parsed.build.length > 0) {
    const why = parsed === null ? versionProblem(trimmed) : "carries build metadata";
    throw invalidInput(
      "initial-version",
      value,
      `It ${why}. Expected a version such as \`1.0.0\` or \`0.1.0\`.`
    );
  }
  return parsed.version;
}
function checkPrereleaseId(value) {
  if (value === null) return null;
  if (!PRERELEASE_ID.test(value) || /^\d+$/.test(value)) {
    throw invalidInput(
      "prerelease",
      value,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`."
    );
  }
  return value;
}
function checkBuildMetadata(value) {
  if (value === null) return null;
  if (!BUILD_METADATA.test(value)) {
    throw invalidInput(
      "build-metadata",
      value,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`."
    );
  }
  return value;
}
function parseBranchMap(text) {
  const map = /* @__PURE__ */ new Map();
  for (const { entry, line } of listEntries(text)) {
    const eq = entry.indexOf("=");
    const branch = eq === -1 ? "" : entry.slice(0, eq).trim();
    const id = eq === -1 ? "" : entry.slice(eq + 1).trim();
    const where = `On line ${line}`;
    if (branch === "" || /\s/.test(branch) || id === "") {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, expected branch=identifier entries separated by commas or newlines, such as \`next=rc, beta=beta\`.`
      );
    }
    if (!PRERELEASE_ID.test(id) || /^\d+$/.test(id)) {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, "${id}" is not a prerelease identifier: use letters, digits and \`-\`, such as \`rc\` or \`beta\`.`
      );
    }
    const known = map.get(branch);
    if (known !== void 0 && known !== id) {
      throw invalidInput(
        "prerelease-branches",
        entry,
        `${where}, branch ${branch} is already mapped to ${known}.`
      );
    }
    map.set(branch, id);
  }
  return map;
}

// src/core/types.ts
var SQUASH_BULLETS = ["fallback", "always", "never"];

// src/settings/read-version.ts
function isSquashBullets(value) {
  return SQUASH_BULLETS.includes(value);
}
var PRERELEASE_ID2 = /^[0-9A-Za-z-]+$/;
var BUILD_METADATA2 = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
function readVersionSettings(source) {
  const tagPrefix = raw(source, "tag-prefix");
  validateRefComponent(tagPrefix, "tag-prefix");
  const initialVersion = raw(source, "initial-version").trim();
  if (import_semver4.default.valid(initialVersion) === null || initialVersion.startsWith("v")) {
    throw invalidInput(
      "initial-version",
      initialVersion,
      "Expected a SemVer version such as `1.0.0` or `0.1.0`."
    );
  }
  const squashBullets = raw(source, "squash-bullets").trim().toLowerCase();
  if (!isSquashBullets(squashBullets)) {
    throw invalidInput("squash-bullets", squashBullets, "Expected `fallback`, `always` or `never`.");
  }
  const majorZeroBreaking = raw(source, "major-zero-breaking").trim();
  if (majorZeroBreaking !== "minor" && majorZeroBreaking !== "major") {
    throw invalidInput("major-zero-breaking", majorZeroBreaking, "Expected `minor` or `major`.");
  }
  const prerelease = optional(raw(source, "prerelease"));
  if (prerelease !== null && (!PRERELEASE_ID2.test(prerelease) || /^\d+$/.test(prerelease))) {
    throw invalidInput(
      "prerelease",
      prerelease,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`."
    );
  }
  const buildMetadata = optional(raw(source, "build-metadata"));
  if (buildMetadata !== null && !BUILD_METADATA2.test(buildMetadata)) {
    throw invalidInput(
      "build-metadata",
      buildMetadata,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`."
    );
  }
  return {
    workingDirectory: raw(source, "working-directory"),
    tagPrefix,
    releaseRules: parseReleaseRules(raw(source, "release-rules")),
    squashBullets,
    initialVersion,
    majorZeroBreaking,
    prerelease,
    prereleaseBranches: parseBranchMap(raw(source, "prerelease-branches")),
    buildMetadata,
    fetchHistory: parseBoolean("fetch-history", raw(source, "fetch-history"))
  };
}
function readReleaseSettings(source) {
  const floatingTags = raw(source, "floating-tags").trim();
  if (floatingTags !== "none" && floatingTags !== "major" && floatingTags !== "major-minor") {
    throw invalidInput("floating-tags", floatingTags, "Expected `none`, `major` or `major-minor`.");
  }
  return {
    ...readVersionSettings(source),
    repository: repositoryOf(source),
    dryRun: parseBoolean("dry-run", raw(source, "dry-run")),
    floatingTags,
    push: parseBoolean("push", raw(source, "push")),
    notesFile: optional(raw(source, "notes-file")),
    notify: notifyOf(source, false)
  };
}

export {
  versionProblem,
  parseVersionTag,
  selectBaseline,
  parseBoolean,
  ROLLBACK_SUFFIX,
  parseRepository,
  readDeploySettings,
  readSmokeSettings,
  readIncidentSettings,
  incidentJson,
  readRollbackSettings,
  migrationPathsOf,
  ruleFor,
  bumpFor,
  bumpRank,
  decideVersion,
  readVersionSettings,
  readReleaseSettings
};
