/**
 * Turns GitHub's answers into errors a maintainer can act on: which call failed, what GitHub said,
 * and the fix (a missing permission, a ruleset, the workflow scope, a burned immutable tag).
 */
import { ShipguardError } from "../../errors.ts";

/** The permission a call needs under GITHUB_TOKEN, named in the remedy when GitHub answers 403. */
export type Scope =
  | "contents: write"
  | "contents: read"
  | "deployments: write"
  | "deployments: read"
  | "actions: write"
  | "actions: read";

export interface CallInfo {
  /** What shipguard was doing, for the message: "create the tag v1.2.3". */
  doing: string;
  scope: Scope;
  /**
   * Calls whose answers mean something of their own: creating a deployment answers 409 for a
   * merge conflict and 422 for failed required status checks, which are not the generic causes.
   */
  operation?: "create-deployment";
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

export function isAlreadyExists(error: unknown): boolean {
  return statusOf(error) === 422 && /already exists/i.test(githubMessage(error));
}

export function toShipguardError(error: unknown, call: CallInfo): ShipguardError {
  if (error instanceof ShipguardError) return error;
  const status = statusOf(error);
  const said = githubMessage(error);
  const e = error as HttpishError;
  const where =
    e.request?.method && e.request.url ? ` (${e.request.method} ${redactUrl(e.request.url)})` : "";
  const base = `Could not ${call.doing}: GitHub answered ${status ?? "no answer"}${where}: ${said}`;
  if (status === 401) {
    return new ShipguardError(base, {
      remedy:
        "The token is missing, expired or revoked. Pass a valid token in the `token` input (default: github.token).",
      cause: error,
    });
  }
  if (call.operation === "create-deployment") {
    const specific = deploymentCreateError(error, status, said, base);
    if (specific !== null) return specific;
  }
  // Checked before rulesets: a burned name is refused with the ruleset wording too.
  if (status === 422 && /immutable release/i.test(said)) {
    return new ShipguardError(base, {
      remedy:
        "An immutable release burned this tag name: it can never be used again, even though the tag is gone. Release the next version instead: push a commit with a `Release-As: <a higher version>` footer.",
      cause: error,
    });
  }
  if (status === 422 && /GH013|rule violations|ruleset|creations being restricted/i.test(said)) {
    return new ShipguardError(base, {
      remedy:
        "A repository ruleset blocks this ref, and github-actions[bot] cannot bypass rulesets. Use a GitHub App token (actions/create-github-app-token) whose app is on the ruleset's bypass list, and pass it as `token`.",
      cause: error,
    });
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return new ShipguardError(base, {
      remedy: `The token lacks the \`${call.scope}\` permission. Grant it in the job's \`permissions:\` block (\`${call.scope}\`), or pass a token that has it.`,
      cause: error,
    });
  }
  if (status === 403 || status === 429) {
    return new ShipguardError(base, {
      remedy:
        "GitHub's rate limit was still in force after the retries. Re-run the job later; shipguard finishes what is missing without duplicating.",
      cause: error,
    });
  }
  if (status === 404) {
    return new ShipguardError(base, {
      remedy: `Check the repository name and that the token can see it and has \`${call.scope}\`. If the commit changes .github/workflows/, the token also needs the \`workflows\` permission (a GITHUB_TOKEN never has it: use a GitHub App token or a PAT with the workflow scope).`,
      cause: error,
    });
  }
  if (status !== undefined && status >= 500) {
    return new ShipguardError(base, {
      remedy:
        "GitHub kept failing after the retries. Re-run the job: shipguard finishes what is missing without duplicating.",
      cause: error,
    });
  }
  return new ShipguardError(base, {
    remedy: "See GitHub's message above. Re-running is safe: shipguard reconciles what already exists.",
    cause: error,
  });
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
  return new ShipguardError(
    `Could not ${call.doing}: GitHub answered 202 (auto-merge): ${message ?? "the base branch was merged into the ref"}. No deployment was created.`,
    {
      remedy: `shipguard sends \`auto_merge: false\`, yet GitHub merged the default branch into ${ref} (a branch behind its base, or a server or proxy that dropped the field). Bring the branch up to date with its base, or deploy a tag or commit SHA, then deploy again; nothing was recorded, so re-running is safe.`,
    },
  );
}

function deploymentCreateError(
  error: unknown,
  status: number | undefined,
  said: string,
  base: string,
): ShipguardError | null {
  if (status === 409) {
    return new ShipguardError(`${base} (a merge conflict: no deployment was created)`, {
      remedy:
        "GitHub tried to merge the default branch into the deployed ref and hit a conflict. shipguard sends `auto_merge: false`, so the ref was a branch behind its base on a server that merged anyway: resolve the conflict (merge or rebase the branch onto its base) or deploy a tag or commit SHA, then deploy again.",
      cause: error,
    });
  }
  if (status !== 422) return null;
  const contexts = failedContexts(error);
  if (contexts.length > 0 || /status checks? failed|required_contexts/i.test(said)) {
    const named = contexts.length > 0 ? contexts.join(", ") : "(GitHub did not name them)";
    return new ShipguardError(`${base} (required status checks failed: ${named})`, {
      remedy: `GitHub refuses to deploy a commit whose required status checks are not green. shipguard sends \`required_contexts: []\`, so the server or a proxy required them anyway: make ${contexts.length > 0 ? contexts.join(", ") : "the failing checks"} pass on that commit (fix or re-run them), then deploy again. No deployment was created.`,
      cause: error,
    });
  }
  if (/no ref found/i.test(said)) {
    return new ShipguardError(base, {
      remedy:
        "GitHub does not have the commit to deploy. Push the commit (and its tag) to GitHub before deploying it.",
      cause: error,
    });
  }
  return null;
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
