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

/** Keeps tokens that a misconfigured base URL might carry out of messages. */
function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, "//***@");
}
