import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/core/deployments.ts
function sameEnvironment(a, b) {
  return a === b || a.toLowerCase() === b.toLowerCase();
}
var DESCRIPTION_LIMIT = 140;
function taskFor(kind) {
  return kind === "rollback" ? "deploy:rollback" : "deploy";
}
function payloadFrom(raw) {
  const value = typeof raw === "string" ? parseJson(raw) : raw;
  if (!isObject(value)) return null;
  if (value.tool !== "shipguard" || value.schema !== 1) return null;
  const { kind, version, sha, correlationId } = value;
  if (kind !== "deploy" && kind !== "rollback") return null;
  if (!isNonEmptyString(version) || !isNonEmptyString(sha) || !isNonEmptyString(correlationId)) return null;
  const tag = nullableString(value.tag);
  const reason = nullableString(value.reason);
  const runUrl = nullableString(value.runUrl);
  if (tag === void 0 || reason === void 0 || runUrl === void 0) return null;
  const rolledBackFrom = rolledBackFromOf(value.rolledBackFrom);
  if (rolledBackFrom === void 0) return null;
  return {
    tool: "shipguard",
    schema: 1,
    kind,
    version,
    tag,
    sha,
    rolledBackFrom,
    reason,
    runUrl,
    correlationId
  };
}
function rolledBackFromOf(value) {
  if (value === null || value === void 0) return null;
  if (!isObject(value)) return void 0;
  const { id, version } = value;
  if (!isNonEmptyString(id) || typeof version !== "string") return void 0;
  return { id, version };
}
function nullableString(value) {
  if (value === null || value === void 0) return null;
  return typeof value === "string" ? value : void 0;
}
function isNonEmptyString(value) {
  return typeof value === "string" && value !== "";
}
function isObject(value) {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
var STATES = /* @__PURE__ */ new Set([
  "queued",
  "pending",
  "in_progress",
  "success",
  "failure",
  "error",
  "inactive"
]);
function isDeploymentState(value) {
  return typeof value === "string" && STATES.has(value);
}
function isUnfinished(statuses) {
  const state = latestState(statuses);
  return state === null || state === "queued" || state === "pending" || state === "in_progress";
}
var ROLLBACK_CANCELLED = "Rollback cancelled by ";
function cancelledRollbackDescription(signal, where) {
  return `${ROLLBACK_CANCELLED}${signal}${where}`;
}
function wasCancelledRollback(record, statuses) {
  const last = statuses.at(-1);
  return record.payload.kind === "rollback" && last?.state === "failure" && last.description.startsWith(ROLLBACK_CANCELLED);
}
var DEPLOY_CANCELLED = "Cancelled by ";
function cancelledDeployDescription(signal, rest) {
  return `${DEPLOY_CANCELLED}${signal}${rest}`;
}
function wasCancelled(record, statuses) {
  if (record.payload.kind === "rollback") return wasCancelledRollback(record, statuses);
  const last = statuses.at(-1);
  return last?.state === "failure" && last.description.startsWith(DEPLOY_CANCELLED);
}
function latestState(statuses) {
  return statuses.at(-1)?.state ?? null;
}
function hasSucceeded(statuses) {
  let good = false;
  for (const status of statuses) {
    if (status.state === "success") good = true;
    else if (status.state === "failure" || status.state === "error") good = false;
  }
  return good;
}
var LastKnownGoodFinder = class {
  #excludeIds;
  #excludeVersions;
  #onlyVersions;
  #rolledBackFrom = /* @__PURE__ */ new Set();
  #rolledBackFromVersions = /* @__PURE__ */ new Set();
  #answer = null;
  #considered = 0;
  constructor(options = {}) {
    this.#excludeIds = new Set(options.excludeIds ?? []);
    this.#excludeVersions = new Set(options.excludeVersions ?? []);
    this.#onlyVersions = options.onlyVersions === void 0 ? null : new Set(options.onlyVersions);
  }
  /** The answer once found. */
  get answer() {
    return this.#answer;
  }
  /** Whether a rollback from this version was among the records considered (so it is no target). */
  wasRolledBackFrom(version) {
    return this.#rolledBackFromVersions.has(version);
  }
  /** How many records were considered before the answer (or in all, when there is none). */
  get considered() {
    return this.#considered;
  }
  /**
   * False when this record cannot be the answer whatever its statuses say, so the caller can skip
   * reading them (one request each on GitHub). Its rollback link is still needed: pass it to
   * `consider` with an empty list.
   */
  needsStatuses(record) {
    return this.#answer === null && !this.#ruledOut(record);
  }
  /** Feeds the next older record with its statuses (any order); returns the answer once found. */
  consider(record, statuses) {
    if (this.#answer !== null) return this.#answer;
    this.#considered++;
    const ruledOut = this.#ruledOut(record);
    const from = record.payload.rolledBackFrom;
    if (from !== null) {
      this.#rolledBackFrom.add(from.id);
      this.#rolledBackFromVersions.add(from.version);
    }
    if (ruledOut || !hasSucceeded(statuses)) return null;
    this.#answer = record;
    return record;
  }
  #ruledOut(record) {
    return this.#excludeIds.has(record.id) || this.#excludeVersions.has(record.payload.version) || this.#onlyVersions !== null && !this.#onlyVersions.has(record.payload.version) || this.#rolledBackFrom.has(record.id) || this.#rolledBackFromVersions.has(record.payload.version);
  }
};
function truncateDescription(text, limit = DESCRIPTION_LIMIT) {
  if (text.length <= limit) return text;
  const room = limit - 1;
  let kept = "";
  graphemes ??= new Intl.Segmenter("en", { granularity: "grapheme" });
  for (const { segment } of graphemes.segment(text)) {
    if (kept.length + segment.length > room) break;
    kept += segment;
  }
  return `${kept.trimEnd()}\u2026`;
}
var graphemes;

export {
  sameEnvironment,
  taskFor,
  payloadFrom,
  isDeploymentState,
  isUnfinished,
  cancelledRollbackDescription,
  wasCancelledRollback,
  cancelledDeployDescription,
  wasCancelled,
  latestState,
  hasSucceeded,
  LastKnownGoodFinder,
  truncateDescription
};
