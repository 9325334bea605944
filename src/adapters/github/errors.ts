/**
 * Turns GitHub's answers into errors a maintainer can act on: which call failed, what GitHub said,
 * and the fix (a missing permission, a ruleset, the workflow scope, a burned immutable tag).
 */
import type { ErrorParams } from "../../definitions/errors.ts";
import { ShipguardError, shipguardError } from "../../errors.ts";

/** The permission a call needs under GITHUB_TOKEN, named in the remedy when GitHub answers 403. */
export type Scope =
  | "contents: write"
  | "contents: read"
  | "deployments: write"
  | "deployments: read"
  | "actions: write"
  | "actions: read"
  | "issues: write"
  | "pull-requests: write"
  | "pull-requests: read";

export interface CallInfo {
  /** What shipguard was doing, for the message: "create the tag v1.2.3". */
  doing: string;
  scope: Scope;
  /**
   * Calls whose answers mean something of their own: creating a deployment answers 409 for a
   * merge conflict and 422 for failed required status checks, which are not the generic causes.
   */
  operation?: "create-deployment" | "write-ref" | "issues";
  /** What needs the permission, for the remedy of a 403: "recording the incident as an issue". */
  neededBy?: string;
  /**
   * For a ref: what the same token wrote a moment before (the tag object the ref was to point
   * at), which shows it holds `contents: write`. A 403 is then about workflow files.
   */
  tokenWrote?: string;
  /**
   * The repository says Issues are off (`has_issues: false`): a 404 to an issues call means that
   * (GitHub documents 410 for writes; a list may answer 404).
   */
  issuesOff?: boolean;
}

interface HttpishError {
  status?: number;
  message?: string;
  response?: { data?: unknown; headers?: Record<string, string | number | undefined> };
  request?: { method?: string; url?: string };
}

export function statusOf(error: unknown): number | undefined {
  return typeof error === "object" && error !== null ? (error as HttpishError).status : undefined;
}

/** GitHub's own message: the `message` of the answer plus any `errors[].message`. */
export function githubMessage(error: unknown): string {
  const e = error as HttpishError;
  const data = e.response?.data as
    | { message?: string; errors?: ({ message?: string; code?: string } | string)[] }
    | undefined;
  const parts = [data?.message ?? e.message ?? String(error)];
  for (const item of data?.errors ?? []) {
    const text = typeof item === "string" ? item : (item.message ?? item.code);
    if (text && !parts.includes(text)) parts.push(text);
  }
  return parts.join("; ");
}

/** A 422 for a name that is taken: "Reference already exists", or a release's `already_exists` code. */
export function isAlreadyExists(error: unknown): boolean {
  return statusOf(error) === 422 && /already[ _]exists/i.test(githubMessage(error));
}

/** What GitHub answered to a call, for a coded error's message. */
export function answerOf(error: unknown, doing: string): ErrorParams<"SG_GITHUB_REFUSED"> {
  const e = error as HttpishError;
  const request = e.request?.method && e.request.url ? `${e.request.method} ${redactUrl(e.request.url)}` : "";
  return { doing, status: statusOf(error), request, said: githubMessage(error) };
}

export function toShipguardError(error: unknown, call: CallInfo): ShipguardError {
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
  // Checked before rulesets: a burned name is refused with the ruleset wording too.
  if (status === 422 && /immutable release/i.test(said))
    return shipguardError("SG_TAG_BURNED", answer, cause);
  if (status === 422 && /GH013|rule violations|ruleset|creations being restricted/i.test(said)) {
    return shipguardError("SG_GITHUB_RULESET", answer, cause);
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    if (call.operation === "write-ref") return refRefusal(error, answer, call.tokenWrote);
    const neededBy = call.neededBy === undefined ? {} : { neededBy: call.neededBy };
    return shipguardError("SG_GITHUB_FORBIDDEN", { ...answer, scope: call.scope, ...neededBy }, cause);
  }
  if (status === 403 || status === 429) return shipguardError("SG_GITHUB_RATE_LIMITED", answer, cause);
  if (status === 404) return shipguardError("SG_GITHUB_NOT_FOUND", { ...answer, scope: call.scope }, cause);
  if (status !== undefined && status >= 500) return shipguardError("SG_GITHUB_UNAVAILABLE", answer, cause);
  return shipguardError("SG_GITHUB_REFUSED", answer, cause);
}

/**
 * A 202 to a create-deployment call: GitHub merged the default branch into the ref instead of
 * creating a deployment, so none exists. It is a success to Octokit, hence built here.
 */
export function deploymentAutoMerged(
  call: CallInfo,
  ref: string,
  message: string | undefined,
): ShipguardError {
  return shipguardError("SG_DEPLOYMENT_AUTO_MERGED", { doing: call.doing, ref, said: message });
}

function deploymentCreateError(
  error: unknown,
  answer: ErrorParams<"SG_GITHUB_REFUSED">,
): ShipguardError | null {
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

/**
 * The issues endpoints' own answers: 410 when the repository has Issues turned off (or a 404 when
 * the repository says they are off); a 403 that
 * refuses to make the label (a token that may open issues but not make labels); and other 403s
 * that are not rate limits (a locked issue), which name GitHub's words instead of a rate limit.
 */
function issuesError(
  error: unknown,
  answer: ErrorParams<"SG_GITHUB_REFUSED">,
  issuesOff: boolean,
): ShipguardError | null {
  const cause = { cause: error };
  if (answer.status === 410 || (answer.status === 404 && issuesOff)) {
    return shipguardError("SG_GITHUB_ISSUES_DISABLED", answer, cause);
  }
  if (answer.status !== 403 || /rate limit|not accessible by integration/i.test(answer.said)) return null;
  if (/permission to create labels/i.test(answer.said)) {
    return shipguardError(
      "SG_GITHUB_FORBIDDEN",
      {
        ...answer,
        scope: "issues: write",
        neededBy:
          "making the `shipguard:incident` label on the first incident (or create that label once by hand)",
      },
      cause,
    );
  }
  return shipguardError("SG_GITHUB_REFUSED", answer, cause);
}

/**
 * A 403 to creating or moving a ref. GitHub answers the same words when the token lacks
 * `contents: write` and when the commit's .github/workflows/ differ from the default branch's (a
 * GITHUB_TOKEN never holds the Workflows permission). What tells them apart is a write the same
 * token has just made (the tag object): then it can write contents, and workflows are the cause.
 * The `x-accepted-github-permissions` header lists what the endpoint accepts (contents=write on
 * every answer), not what the token lacks: only one that asks for workflows decides; else both
 * causes are named.
 */
function refRefusal(
  error: unknown,
  answer: ErrorParams<"SG_GITHUB_REFUSED">,
  tokenWrote: string | undefined,
): ShipguardError {
  const accepted = acceptedPermissions(error) ?? "";
  const refusal =
    tokenWrote !== undefined
      ? { cause: "workflows" as const, tokenWrote }
      : { cause: /workflows?=/i.test(accepted) ? ("workflows" as const) : ("either" as const) };
  return shipguardError("SG_GITHUB_REF_REFUSED", { ...answer, ...refusal }, { cause: error });
}

function acceptedPermissions(error: unknown): string | undefined {
  const headers = (error as HttpishError).response?.headers ?? {};
  for (const [name, value] of Object.entries(headers)) {
    if (
      name.toLowerCase() === "x-accepted-github-permissions" &&
      value !== undefined &&
      String(value).trim() !== ""
    )
      return String(value);
  }
  return undefined;
}

/** The contexts GitHub names in a failed-contexts 422: errors[].contexts[].context. */
function failedContexts(error: unknown): string[] {
  const data = (error as HttpishError).response?.data as { errors?: unknown } | undefined;
  const names: string[] = [];
  for (const item of Array.isArray(data?.errors) ? data.errors : []) {
    const contexts = (item as { contexts?: unknown } | null)?.contexts;
    for (const context of Array.isArray(contexts) ? contexts : []) {
      const name = (context as { context?: unknown } | null)?.context;
      if (typeof name === "string" && !names.includes(name)) names.push(name);
    }
  }
  return names;
}

/** Keeps tokens that a misconfigured base URL might carry out of messages. */
function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
