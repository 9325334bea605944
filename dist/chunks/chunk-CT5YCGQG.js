import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  DEFAULT_NOTIFY_ON,
  NOTIFY_EVENTS,
  NOTIFY_FORMATS,
  RELEASE_NOTIFY_ON,
  checkWebhookUrl
} from "./chunk-RJ6OJS2X.js";
import {
  require_semver
} from "./chunk-DRFFNYML.js";
import {
  hasControlCharacter
} from "./chunk-TRU3V6GF.js";
import {
  sameEnvironment
} from "./chunk-ZMIH3YQE.js";
import {
  OPTIONS,
  ShipguardError,
  invalidInput,
  isShipguardError,
  shipguardError,
  whereToSet
} from "./chunk-LVXDY2BW.js";
import {
  __toESM
} from "./chunk-A5QYGNMP.js";

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
  const above = unreachableAboveWarning(versions, lastAny);
  const warnings = above === null ? [] : [above];
  return { versions, lastStable, lastAny, highestExisting, warnings };
}
function unreachableAboveWarning(versions, lastAny) {
  const above = versions.filter(
    (t) => !t.reachable && (lastAny === null || import_semver.default.gt(t.version, lastAny.version))
  );
  const lowest = above[above.length - 1];
  if (lowest === void 0) return null;
  const names = above.length === 1 ? lowest.name : `${lowest.name} (and ${above.length - 1} more up to ${above[0].name})`;
  if (lastAny === null) {
    return `Tag ${names} is not reachable from HEAD, and no version tag is: the next version is computed as a first release (initial-version), moved past any existing version it would reach. If those tags belong to this branch's history, check out with full history and tags (\`fetch-depth: 0\`).`;
  }
  return `Tag ${names} is not reachable from HEAD (it is on another branch, or history was rewritten). The next version is computed from the tags HEAD reaches, the highest being ${lastAny.name}; a version that already exists is not reused but passed, so a release here can land above ${lowest.name} without its changes. If this branch maintains an older line (a hotfix or release branch), list it in \`maintenance-branches\` (such as \`hotfix/*, release/*\`): there a release that would reach an existing version is refused instead.`;
}

// src/settings/values.ts
function isGiven(value) {
  return value !== void 0 && value.trim() !== "";
}
function raw(source, name) {
  const spec = OPTIONS.find((o) => o.name === name);
  if (!spec) throw new Error(`unknown option ${name}`);
  const value = source(name);
  return isGiven(value) ? value : spec.default ?? "";
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
var ENVIRONMENT = /^[^\\]{1,255}$/;
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
      "Expected at most 255 characters, without `\\`, control characters or bidirectional controls."
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
function notifyOf(source, withIncidents, problems = "refuse", defaults = DEFAULT_NOTIFY_ON) {
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
      () => eventsOf(source, defaults),
      `the webhooks hear the default events (${defaults.join(", ")}).`,
      defaults
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
function eventsOf(source, defaults) {
  const names = raw(source, "notify-on").split(/[\s,]+/).map((name) => name.trim().toLowerCase()).filter((name) => name !== "");
  if (names.length === 0) return defaults;
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

// src/core/metrics/window.ts
var UNIT_SECONDS = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };
function parseDuration(text) {
  const match = /^(\d{1,9})\s*([smhdw])$/.exec(text.trim());
  if (match === null) return null;
  const seconds = Number(match[1]) * (UNIT_SECONDS[match[2] ?? ""] ?? 0);
  return seconds > 0 ? seconds : null;
}
function parseInstant(text) {
  const value = text.trim();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/i.test(value);
  if (!date && !dateTime) return null;
  const parsed = new Date(date ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(parsed.getTime())) return null;
  if (parsed.toISOString().slice(0, 10) !== value.slice(0, 10) && date) return null;
  return parsed;
}
function sinceOf(text, until) {
  const seconds = parseDuration(text);
  if (seconds !== null) return new Date(until.getTime() - seconds * 1e3);
  return parseInstant(text);
}
function inWindow(at, window) {
  return at >= window.since.getTime() && at < window.until.getTime();
}
function windowDays(window) {
  return (window.until.getTime() - window.since.getTime()) / 864e5;
}

// src/settings/read-metrics.ts
function readMetricsSettings(source) {
  const since = raw(source, "since").trim();
  if (parseDuration(since) === null && parseInstant(since) === null) {
    throw invalidInput(
      "since",
      since,
      "Expected a duration (`30d`, `12h`, `2w`) or a date (`2026-11-01`, or `2026-11-01T09:00:00Z` with its zone)."
    );
  }
  const untilText = optional(raw(source, "until"));
  const until = untilText === null ? null : parseInstant(untilText);
  if (untilText !== null && until === null) {
    throw invalidInput(
      "until",
      untilText,
      "Expected a date (`2026-12-01`, or `2026-12-01T09:00:00Z` with its zone)."
    );
  }
  const targetText = optional(raw(source, "recovery-target"));
  const recoveryTargetSeconds = targetText === null ? null : parseDuration(targetText);
  if (targetText !== null && recoveryTargetSeconds === null) {
    throw invalidInput("recovery-target", targetText, "Expected a duration such as `15m`, `4h` or `1d`.");
  }
  const format = raw(source, "format").trim().toLowerCase();
  if (format !== "text" && format !== "csv")
    throw invalidInput("format", format, "Expected `text` or `csv`.");
  return {
    workingDirectory: raw(source, "working-directory"),
    repository: repositoryOf(source),
    ledgerFile: optional(raw(source, "ledger-file")),
    environment: environmentOf(source, false),
    since,
    until,
    recoveryTargetSeconds,
    format,
    // Whatever notify-on says for the other commands, a metrics run's webhooks hear its digest.
    notify: { ...notifyOf(source, false), on: ["metrics"] }
  };
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

// src/core/next-version.ts
var import_semver3 = __toESM(require_semver(), 1);

// src/core/rules.ts
var DEFAULT_RULES = [
  { type: "feat", scope: null, bump: "minor" },
  { type: "fix", scope: null, bump: "patch" },
  { type: "perf", scope: null, bump: "patch" }
];
var RANK = { none: 0, patch: 1, minor: 2, major: 3 };
var RULE = /^([A-Za-z][A-Za-z0-9_-]*|\*)\s*(?:\(([^()]*)\))?\s*=\s*([^\s=]+)$/;
var SHAPE = "type=bump or type(scope)=bump, with bump one of major, minor, patch or none (for example `docs(readme)=patch`, `refactor=minor`, `chore=none`), or `*=bump` for every type no other rule names";
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
function parseReleaseRules(text, input = "release-rules") {
  return listEntries(text).map(({ entry, line }) => parseRule(entry, line, input));
}
function parseRule(entry, line, input) {
  const match = RULE.exec(entry);
  if (match === null) throw invalidInput(input, entry, `On line ${line}, expected ${SHAPE}.`);
  const bump = match[3].toLowerCase();
  if (!isBump(bump)) {
    throw invalidInput(
      input,
      entry,
      `On line ${line}, "${match[3]}" is not a bump: use major, minor, patch or none, as in ${SHAPE}.`
    );
  }
  const scope = match[2] === void 0 ? null : match[2].trim().toLowerCase();
  if (match[1] === "*" && scope !== null)
    throw invalidInput(input, entry, `On line ${line}, \`*\` takes no scope: expected ${SHAPE}.`);
  if (scope === "")
    throw invalidInput(input, entry, `On line ${line}, the scope is empty: expected ${SHAPE}.`);
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
  for (let i = rules.length - 1; i >= 0; i--) {
    if (rules[i].type === "*") return rules[i].bump;
  }
  return null;
}
function bumpFor(change, rules) {
  if (change.breaking) return "major";
  return ruleFor(change.type, change.scope, rules) ?? "none";
}
function maxBump(a, b) {
  return RANK[b] > RANK[a] ? b : a;
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

// src/core/globs.ts
function globToRegExp(glob) {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        const slash = glob[i + 2] === "/";
        out += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else {
        out += "[^/]*";
      }
    } else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}
function matchAny(paths, globs) {
  const patterns = globs.map(globToRegExp);
  return paths.filter((p) => patterns.some((re) => re.test(p)));
}

// src/core/packages.ts
var ROOT_PATH = ".";
var MAX_REMEMBERED = 1e5;
var NONE = Object.freeze([]);
function compileGlobs(globs) {
  if (globs.length === 0) return null;
  const inner = globs.map((glob) => globToRegExp(glob.replace(/\/+$/, "")).source.slice(1, -1));
  return new RegExp(`^(?:${inner.join("|")})(?:/.*)?$`);
}
var PackageClaims = class {
  byFolder = /* @__PURE__ */ new Map();
  root;
  extra = [];
  exclude;
  remembered = /* @__PURE__ */ new Map();
  /** Which commit last claimed each package: dedupes a commit's claims without a set per commit. */
  stamp;
  round = 0;
  claimed = [];
  all;
  constructor(packages) {
    this.root = packages.findIndex((p) => p.path === ROOT_PATH);
    packages.forEach((p, index) => {
      if (p.path !== ROOT_PATH) this.byFolder.set(p.path, index);
      const match = compileGlobs(p.extraPaths);
      if (match !== null) this.extra.push({ index, match });
    });
    this.exclude = packages.map((p) => compileGlobs(p.excludePaths));
    this.stamp = new Uint32Array(packages.length);
    this.all = Object.freeze(packages.map((_, i) => i));
  }
  /**
   * The packages (indices, ascending) that claim at least one of the files; every package for a
   * commit that changes none. The array is reused by the next call: copy it to keep it.
   */
  claim(files) {
    if (files.length === 0) return this.all;
    if (files.length === 1) return this.claimFile(files[0]);
    this.round++;
    const out = this.claimed;
    out.length = 0;
    for (const file of files) {
      for (const index of this.claimFile(file)) {
        if (this.stamp[index] === this.round) continue;
        this.stamp[index] = this.round;
        out.push(index);
      }
    }
    if (out.length > 1) out.sort((a, b) => a - b);
    return out;
  }
  /** The packages that claim one file, ascending. */
  claimFile(file) {
    const known = this.remembered.get(file);
    if (known !== void 0) return known;
    const claims = this.decide(file);
    if (this.remembered.size >= MAX_REMEMBERED) this.remembered.clear();
    this.remembered.set(file, claims);
    return claims;
  }
  decide(file) {
    const owner = this.folderOf(file);
    const out = [];
    const byPath = owner === -1 ? this.root : owner;
    if (byPath !== -1 && !this.excluded(byPath, file)) out.push(byPath);
    for (const { index, match } of this.extra) {
      if (index !== byPath && match.test(file) && !this.excluded(index, file)) out.push(index);
    }
    if (out.length === 0) return NONE;
    if (out.length > 1) out.sort((a, b) => a - b);
    return Object.freeze(out);
  }
  /** The package whose folder is the deepest one containing the file; -1 when none does. */
  folderOf(file) {
    for (let slash = file.lastIndexOf("/"); slash > 0; slash = file.lastIndexOf("/", slash - 1)) {
      const index = this.byFolder.get(file.slice(0, slash));
      if (index !== void 0) return index;
    }
    return -1;
  }
  excluded(index, file) {
    const match = this.exclude[index];
    return match?.test(file) === true;
  }
};
function releaseAsTargets(scope, packages) {
  if (scope === null || scope.trim() === "") return packages.map((_, i) => i);
  const names = new Set(
    scope.split(",").map((s) => normalizePath(s.trim()).toLowerCase()).filter((s) => s !== "")
  );
  const out = [];
  packages.forEach((p, i) => {
    if (names.has(p.component.toLowerCase()) || names.has(p.path.toLowerCase())) out.push(i);
  });
  return out;
}
function withoutReleaseAs(message) {
  const firstBreak = message.indexOf("\n");
  if (firstBreak === -1) return message;
  const body = message.slice(firstBreak).replace(/\n[ \t]*release-as:[^\n]*(?=\n|$)/gi, "");
  return message.slice(0, firstBreak) + body;
}
function normalizePath(path) {
  const trimmed = path.replace(/^(?:\.\/)+/, "").replace(/\/+$/, "");
  return trimmed === "" || trimmed === "." ? ROOT_PATH : trimmed;
}

// src/settings/read-files.ts
function releaseFilesOf(source, packages) {
  const top = {
    versionFiles: versionFilesOf(raw(source, "version-files"), "version-files"),
    changelogFile: changelogFileOf(raw(source, "changelog-file"), "changelog-file"),
    chartAppVersion: chartAppVersionOf(raw(source, "chart-app-version"), "chart-app-version")
  };
  const byPath = /* @__PURE__ */ new Map();
  for (const p of packages ?? []) {
    const own = source.file?.packages?.find((f) => f.path === p.path);
    const value = (key, read, inherited) => {
      const text = own?.values.get(key);
      return text === void 0 ? inherited : read(text, `${own.name}.${key}`);
    };
    byPath.set(p.path, {
      versionFiles: value("version-files", versionFilesOf, top.versionFiles),
      changelogFile: value("changelog-file", changelogFileOf, top.changelogFile),
      chartAppVersion: value("chart-app-version", chartAppVersionOf, top.chartAppVersion)
    });
  }
  return { top, packages: byPath };
}
function writesFiles(files) {
  return files.versionFiles.length > 0 || files.changelogFile !== null;
}
function versionFilesOf(value, input) {
  const paths = value.split(/[,\n]/).map((p) => p.trim()).filter((p) => p !== "").map((p) => filePathOf(p, input));
  return [...new Set(paths)];
}
function changelogFileOf(value, input) {
  const text = value.trim();
  return text === "" ? null : filePathOf(text, input);
}
function chartAppVersionOf(value, input) {
  return parseBoolean(input, value);
}
function filePathOf(written, input) {
  const remedy = "Name the file relative to the repository root (in a monorepo: to the package's folder), such as `package.json` or `docs/CHANGELOG.md`.";
  if (written.startsWith("/") || /^[A-Za-z]:/.test(written))
    throw invalidInput(input, written, "Expected a relative path; this one is absolute.", remedy);
  if (written.includes("\\"))
    throw invalidInput(input, written, "Expected `/` between folders, not `\\`.", remedy);
  if (/[\u0000-\u001f\u007f]/.test(written))
    throw invalidInput(input, written, "Expected a path without control characters.", remedy);
  const parts = written.split("/").filter((part) => part !== "" && part !== ".");
  if (parts.includes("..") || parts.length === 0)
    throw invalidInput(input, written, "Expected a file inside the repository (no `..`).", remedy);
  return parts.join("/");
}

// src/settings/version-values.ts
var import_semver4 = __toESM(require_semver(), 1);

// src/core/types.ts
var SQUASH_BULLETS = ["fallback", "always", "never"];

// src/settings/version-values.ts
var PRERELEASE_ID2 = /^[0-9A-Za-z-]+$/;
var BUILD_METADATA2 = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;
function tagPrefixOf(value, input) {
  validateRefComponent(value, input, "prefix");
  return value;
}
function releaseRulesOf(value, input) {
  return parseReleaseRules(value, input);
}
function initialVersionOf(value, input) {
  const version = value.trim();
  if (import_semver4.default.valid(version) === null || version.startsWith("v")) {
    throw invalidInput(input, version, "Expected a SemVer version such as `1.0.0` or `0.1.0`.");
  }
  return version;
}
function squashBulletsOf(value, input) {
  const mode = value.trim().toLowerCase();
  if (!SQUASH_BULLETS.includes(mode)) {
    throw invalidInput(input, mode, "Expected `never`, `fallback` or `always`.");
  }
  return mode;
}
function majorZeroBreakingOf(value, input) {
  const bump = value.trim();
  if (bump !== "minor" && bump !== "major") throw invalidInput(input, bump, "Expected `minor` or `major`.");
  return bump;
}
function prereleaseOf(value, input) {
  const id = optional(value);
  if (id !== null && (!PRERELEASE_ID2.test(id) || /^\d+$/.test(id))) {
    throw invalidInput(
      input,
      id,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`."
    );
  }
  return id;
}
function buildMetadataOf2(value, input) {
  const metadata = optional(value);
  if (metadata !== null && !BUILD_METADATA2.test(metadata)) {
    throw invalidInput(
      input,
      metadata,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`."
    );
  }
  return metadata;
}

// src/settings/read-packages.ts
function packagesOf(source, top) {
  const file = source.file;
  if (file?.packages == null) return null;
  const packages = file.packages.map((p) => packageOf(p, top));
  packages.forEach((p, i) => {
    const first = packages.findIndex((other) => other.tagPrefix === p.tagPrefix);
    if (first === i) return;
    const [one, two] = [file.packages[first], file.packages[i]];
    throw shipguardError("SG_SETTINGS_FILE_INVALID", {
      file: file.name,
      line: two.line,
      problem: `${two.name} tags with the prefix \`${p.tagPrefix}\`, as ${one.name} on line ${one.line} does: their tags could not be told apart.`,
      fix: "Give one of them its own `tag-prefix` (the default is the folder's name and `-v`, such as `api-v`; `.` uses the top-level tag-prefix)."
    });
  });
  return packages;
}
function packageOf(p, top) {
  function own(key, read, inherited) {
    const value = p.values.get(key);
    return value === void 0 ? inherited : read(value, `${p.name}.${key}`);
  }
  const component = p.path === "." ? null : p.path.split("/").at(-1) ?? p.path;
  const tagPrefix = p.values.get("tag-prefix") ?? (component === null ? top.tagPrefix : `${component}-v`);
  return {
    path: p.path,
    component,
    tagPrefix: tagPrefixOf(tagPrefix, `${p.name}.tag-prefix`),
    extraPaths: p.extraPaths ?? [],
    excludePaths: p.excludePaths ?? [],
    releaseRules: own("release-rules", releaseRulesOf, top.releaseRules),
    squashBullets: own("squash-bullets", squashBulletsOf, top.squashBullets),
    initialVersion: own("initial-version", initialVersionOf, top.initialVersion),
    majorZeroBreaking: own("major-zero-breaking", majorZeroBreakingOf, top.majorZeroBreaking),
    prerelease: own("prerelease", prereleaseOf, null),
    buildMetadata: own("build-metadata", buildMetadataOf2, top.buildMetadata)
  };
}

// src/settings/read-version.ts
function readVersionSettings(source) {
  const read = (name, value) => value(raw(source, name), name);
  const top = {
    tagPrefix: read("tag-prefix", tagPrefixOf),
    releaseRules: read("release-rules", releaseRulesOf),
    squashBullets: read("squash-bullets", squashBulletsOf),
    initialVersion: read("initial-version", initialVersionOf),
    majorZeroBreaking: read("major-zero-breaking", majorZeroBreakingOf),
    buildMetadata: read("build-metadata", buildMetadataOf2)
  };
  return {
    ...top,
    workingDirectory: raw(source, "working-directory"),
    prerelease: read("prerelease", prereleaseOf),
    prereleaseBranches: parseBranchMap(raw(source, "prerelease-branches")),
    fetchHistory: parseBoolean("fetch-history", raw(source, "fetch-history")),
    maintenanceBranches: raw(source, "maintenance-branches").split(/[,\n]/).map((g) => g.trim()).filter((g) => g !== ""),
    packages: packagesOf(source, top),
    bumpDependents: parseBoolean("bump-dependents", raw(source, "bump-dependents"))
  };
}
function readReleaseSettings(source) {
  const floatingTags = raw(source, "floating-tags").trim();
  if (floatingTags !== "none" && floatingTags !== "major" && floatingTags !== "major-minor") {
    throw invalidInput("floating-tags", floatingTags, "Expected `none`, `major` or `major-minor`.");
  }
  const version = readVersionSettings(source);
  const repository = repositoryOf(source);
  const releaseMode = releaseModeOf(raw(source, "release-mode"), repository);
  const files = releaseFilesOf(source, version.packages);
  return {
    ...version,
    releaseMode,
    latestPackage: latestPackageOf(raw(source, "latest-package"), version.packages),
    files: releaseMode === "pull-request" ? withChangelog(files) : files,
    repository,
    dryRun: parseBoolean("dry-run", raw(source, "dry-run")),
    floatingTags,
    push: parseBoolean("push", raw(source, "push")),
    notesFile: optional(raw(source, "notes-file")),
    notify: notifyOf(source, false, "refuse", RELEASE_NOTIFY_ON)
  };
}
function latestPackageOf(value, packages) {
  const given = value.trim();
  if (given === "") return null;
  if (packages === null) {
    throw invalidInput(
      "latest-package",
      value,
      "It names the package whose release may be marked latest, but no packages are configured: this repository has one release, and it may be latest.",
      "Drop latest-package, or list the packages under `packages` in the settings file (.github/shipguard.yml)."
    );
  }
  const path = normalizePath(given);
  if (packages.some((p) => p.path === path)) return path;
  throw invalidInput(
    "latest-package",
    value,
    `Expected the path of a configured package: ${packages.map((p) => `\`${p.path}\``).join(", ")}.`,
    "Give one of those paths, as written under `packages` in the settings file (relative to the repository root)."
  );
}
function releaseModeOf(value, repository) {
  const mode = value.trim();
  if (mode !== "direct" && mode !== "pull-request") {
    throw invalidInput("release-mode", value, "Expected `direct` or `pull-request`.");
  }
  if (mode === "pull-request" && repository === null) throw shipguardError("SG_RELEASE_PR_NEEDS_GITHUB", {});
  return mode;
}
function withChangelog(files) {
  const fill = (f) => writesFiles(f) ? f : { ...f, changelogFile: "CHANGELOG.md" };
  return { top: fill(files.top), packages: new Map([...files.packages].map(([path, f]) => [path, fill(f)])) };
}

// src/settings/layered-source.ts
function layerSettings(given, file) {
  if (file === null) return given;
  const layer = {
    name: file.name,
    lineOf: (setting) => file.values.has(setting) && isGiven(given(setting)) ? void 0 : file.lines.get(setting),
    packages: file.packages
  };
  const source = (name) => {
    const value = given(name);
    return isGiven(value) ? value : file.values.get(name);
  };
  return Object.assign(source, { file: layer });
}
function readLocated(read, source) {
  try {
    return read(source);
  } catch (error) {
    const line = isShipguardError(error) && error.input !== void 0 ? source.file?.lineOf(error.input) : void 0;
    if (!isShipguardError(error) || line === void 0 || source.file === void 0) throw error;
    return rethrow(error, `${source.file.name} line ${line}`);
  }
}
function rethrow(error, where) {
  throw new ShipguardError(
    error.code,
    {
      message: `${error.message} (set in ${where})`,
      // "Correct the action input `x` (CLI flag `--x`)" points at the wrong place: the file has it.
      remedy: error.input === void 0 ? error.remedy : error.remedy.replace(whereToSet(error.input), `\`${error.input}\` in ${where}`),
      input: error.input,
      value: error.value
    },
    { cause: error }
  );
}

export {
  versionProblem,
  parseVersionTag,
  selectBaseline,
  unreachableAboveWarning,
  isGiven,
  raw,
  parseBoolean,
  optional,
  layerSettings,
  readLocated,
  ROLLBACK_SUFFIX,
  parseRepository,
  readDeploySettings,
  readSmokeSettings,
  writesFiles,
  readIncidentSettings,
  incidentJson,
  sinceOf,
  inWindow,
  windowDays,
  readMetricsSettings,
  readRollbackSettings,
  migrationPathsOf,
  ruleFor,
  bumpFor,
  maxBump,
  bumpRank,
  decideVersion,
  globToRegExp,
  matchAny,
  PackageClaims,
  releaseAsTargets,
  withoutReleaseAs,
  normalizePath,
  readVersionSettings,
  readReleaseSettings
};
