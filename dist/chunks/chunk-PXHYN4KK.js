import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  ShipguardError,
  shipguardError
} from "./chunk-LVXDY2BW.js";

// src/adapters/github/errors.ts
function statusOf(error) {
  return typeof error === "object" && error !== null ? error.status : void 0;
}
function githubMessage(error) {
  const e = error;
  const data = e.response?.data;
  const parts = [data?.message ?? e.message ?? String(error)];
  for (const item of data?.errors ?? []) {
    const text = typeof item === "string" ? item : item.message ?? item.code;
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join("; ");
}
function isAlreadyExists(error) {
  return statusOf(error) === 422 && /already[ _]exists/i.test(githubMessage(error));
}
function answerOf(error, doing) {
  const e = error;
  const request = e.request?.method && e.request.url ? `${e.request.method} ${redactUrl(e.request.url)}` : "";
  return { doing, status: statusOf(error), request, said: githubMessage(error) };
}
function toShipguardError(error, call) {
  if (error instanceof ShipguardError) return error;
  const answer = answerOf(error, call.doing);
  const { status, said } = answer;
  const cause = { cause: error };
  if (status === 401) return shipguardError("SG_GITHUB_UNAUTHORIZED", answer, cause);
  if (call.operation === "issues") {
    const specific = issuesError(error, answer, call.issuesOff === true);
    if (specific !== null) return specific;
  }
  if (call.operation === "create-deployment") {
    const specific = deploymentCreateError(error, answer);
    if (specific !== null) return specific;
  }
  if (status === 422 && /immutable release/i.test(said))
    return shipguardError("SG_TAG_BURNED", answer, cause);
  if (status === 422 && /GH013|rule violations|ruleset|creations being restricted/i.test(said)) {
    return shipguardError("SG_GITHUB_RULESET", answer, cause);
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    if (call.operation === "write-ref") return refRefusal(error, answer, call.tokenWrote);
    const neededBy = call.neededBy === void 0 ? {} : { neededBy: call.neededBy };
    return shipguardError("SG_GITHUB_FORBIDDEN", { ...answer, scope: call.scope, ...neededBy }, cause);
  }
  if (status === 403 || status === 429) return shipguardError("SG_GITHUB_RATE_LIMITED", answer, cause);
  if (status === 404) return shipguardError("SG_GITHUB_NOT_FOUND", { ...answer, scope: call.scope }, cause);
  if (status !== void 0 && status >= 500) return shipguardError("SG_GITHUB_UNAVAILABLE", answer, cause);
  return shipguardError("SG_GITHUB_REFUSED", answer, cause);
}
function deploymentAutoMerged(call, ref, message) {
  return shipguardError("SG_DEPLOYMENT_AUTO_MERGED", { doing: call.doing, ref, said: message });
}
function deploymentCreateError(error, answer) {
  const cause = { cause: error };
  if (answer.status === 409) return shipguardError("SG_DEPLOYMENT_MERGE_CONFLICT", answer, cause);
  if (answer.status !== 422) return null;
  const contexts = failedContexts(error);
  if (contexts.length > 0 || /status checks? failed|required_contexts/i.test(answer.said)) {
    return shipguardError("SG_DEPLOYMENT_CHECKS_FAILED", { ...answer, contexts }, cause);
  }
  if (/no ref found/i.test(answer.said)) return shipguardError("SG_DEPLOYMENT_COMMIT_MISSING", answer, cause);
  return null;
}
function issuesError(error, answer, issuesOff) {
  const cause = { cause: error };
  if (answer.status === 410 || answer.status === 404 && issuesOff) {
    return shipguardError("SG_GITHUB_ISSUES_DISABLED", answer, cause);
  }
  if (answer.status !== 403 || /rate limit|not accessible by integration/i.test(answer.said)) return null;
  if (/permission to create labels/i.test(answer.said)) {
    return shipguardError(
      "SG_GITHUB_FORBIDDEN",
      {
        ...answer,
        scope: "issues: write",
        neededBy: "making the `shipguard:incident` label on the first incident (or create that label once by hand)"
      },
      cause
    );
  }
  return shipguardError("SG_GITHUB_REFUSED", answer, cause);
}
function refRefusal(error, answer, tokenWrote) {
  const accepted = acceptedPermissions(error) ?? "";
  const refusal = tokenWrote !== void 0 ? { cause: "workflows", tokenWrote } : { cause: /workflows?=/i.test(accepted) ? "workflows" : "either" };
  return shipguardError("SG_GITHUB_REF_REFUSED", { ...answer, ...refusal }, { cause: error });
}
function acceptedPermissions(error) {
  const headers = error.response?.headers ?? {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.toLowerCase() === "x-accepted-github-permissions" && value !== void 0 && String(value).trim() !== "")
      return String(value);
  }
  return void 0;
}
function failedContexts(error) {
  const data = error.response?.data;
  const names = [];
  for (const item of Array.isArray(data?.errors) ? data.errors : []) {
    const contexts = item?.contexts;
    for (const context of Array.isArray(contexts) ? contexts : []) {
      const name = context?.context;
      if (typeof name === "string" && !names.includes(name)) names.push(name);
    }
  }
  return names;
}
function redactUrl(url) {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}

export {
  statusOf,
  githubMessage,
  isAlreadyExists,
  answerOf,
  toShipguardError,
  deploymentAutoMerged
};
