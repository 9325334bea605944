import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  ShipguardError
} from "./chunk-LU3IL76Q.js";

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
  return statusOf(error) === 422 && /already exists/i.test(githubMessage(error));
}
function toShipguardError(error, call) {
  if (error instanceof ShipguardError) return error;
  const status = statusOf(error);
  const said = githubMessage(error);
  const e = error;
  const where = e.request?.method && e.request.url ? ` (${e.request.method} ${redactUrl(e.request.url)})` : "";
  const base = `Could not ${call.doing}: GitHub answered ${status ?? "no answer"}${where}: ${said}`;
  if (status === 401) {
    return new ShipguardError(base, {
      remedy: "The token is missing, expired or revoked. Pass a valid token in the `token` input (default: github.token).",
      cause: error
    });
  }
  if (call.operation === "create-deployment") {
    const specific = deploymentCreateError(error, status, said, base);
    if (specific !== null) return specific;
  }
  if (status === 422 && /immutable release/i.test(said)) {
    return new ShipguardError(base, {
      remedy: "An immutable release burned this tag name: it can never be used again, even though the tag is gone. Release the next version instead: push a commit with a `Release-As: <a higher version>` footer.",
      cause: error
    });
  }
  if (status === 422 && /GH013|rule violations|ruleset|creations being restricted/i.test(said)) {
    return new ShipguardError(base, {
      remedy: "A repository ruleset blocks this ref, and github-actions[bot] cannot bypass rulesets. Use a GitHub App token (actions/create-github-app-token) whose app is on the ruleset's bypass list, and pass it as `token`.",
      cause: error
    });
  }
  if (status === 403 && /not accessible by integration/i.test(said)) {
    return new ShipguardError(base, {
      remedy: `The token lacks the \`${call.scope}\` permission. Grant it in the job's \`permissions:\` block (\`${call.scope}\`), or pass a token that has it.`,
      cause: error
    });
  }
  if (status === 403 || status === 429) {
    return new ShipguardError(base, {
      remedy: "GitHub's rate limit was still in force after the retries. Re-run the job later; shipguard finishes what is missing without duplicating.",
      cause: error
    });
  }
  if (status === 404) {
    return new ShipguardError(base, {
      remedy: `Check the repository name and that the token can see it and has \`${call.scope}\`. If the commit changes .github/workflows/, the token also needs the \`workflows\` permission (a GITHUB_TOKEN never has it: use a GitHub App token or a PAT with the workflow scope).`,
      cause: error
    });
  }
  if (status !== void 0 && status >= 500) {
    return new ShipguardError(base, {
      remedy: "GitHub kept failing after the retries. Re-run the job: shipguard finishes what is missing without duplicating.",
      cause: error
    });
  }
  return new ShipguardError(base, {
    remedy: "See GitHub's message above. Re-running is safe: shipguard reconciles what already exists.",
    cause: error
  });
}
function deploymentAutoMerged(call, ref, message) {
  return new ShipguardError(
    `Could not ${call.doing}: GitHub answered 202 (auto-merge): ${message ?? "the base branch was merged into the ref"}. No deployment was created.`,
    {
      remedy: `shipguard sends \`auto_merge: false\`, yet GitHub merged the default branch into ${ref} (a branch behind its base, or a server or proxy that dropped the field). Bring the branch up to date with its base, or deploy a tag or commit SHA, then deploy again; nothing was recorded, so re-running is safe.`
    }
  );
}
function deploymentCreateError(error, status, said, base) {
  if (status === 409) {
    return new ShipguardError(`${base} (a merge conflict: no deployment was created)`, {
      remedy: "GitHub tried to merge the default branch into the deployed ref and hit a conflict. shipguard sends `auto_merge: false`, so the ref was a branch behind its base on a server that merged anyway: resolve the conflict (merge or rebase the branch onto its base) or deploy a tag or commit SHA, then deploy again.",
      cause: error
    });
  }
  if (status !== 422) return null;
  const contexts = failedContexts(error);
  if (contexts.length > 0 || /status checks? failed|required_contexts/i.test(said)) {
    const named = contexts.length > 0 ? contexts.join(", ") : "(GitHub did not name them)";
    return new ShipguardError(`${base} (required status checks failed: ${named})`, {
      remedy: `GitHub refuses to deploy a commit whose required status checks are not green. shipguard sends \`required_contexts: []\`, so the server or a proxy required them anyway: make ${contexts.length > 0 ? contexts.join(", ") : "the failing checks"} pass on that commit (fix or re-run them), then deploy again. No deployment was created.`,
      cause: error
    });
  }
  if (/no ref found/i.test(said)) {
    return new ShipguardError(base, {
      remedy: "GitHub does not have the commit to deploy. Push the commit (and its tag) to GitHub before deploying it.",
      cause: error
    });
  }
  return null;
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
  toShipguardError,
  deploymentAutoMerged
};
