import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  ShipguardError
} from "./chunk-UVROX66Z.js";

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
function toShipguardError(error, call2) {
  if (error instanceof ShipguardError) return error;
  const status = statusOf(error);
  const said = githubMessage(error);
  const e = error;
  const where = e.request?.method && e.request.url ? ` (${e.request.method} ${redactUrl(e.request.url)})` : "";
  const base = `Could not ${call2.doing}: GitHub answered ${status ?? "no answer"}${where}: ${said}`;
  if (status === 401) {
    return new ShipguardError(base, {
      remedy: "The token is missing, expired or revoked. Pass a valid token in the `token` input (default: github.token).",
      cause: error
    });
  }
  if (call2.operation === "create-deployment") {
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
      remedy: `The token lacks the \`${call2.scope}\` permission. Grant it in the job's \`permissions:\` block (\`${call2.scope}\`), or pass a token that has it.`,
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
      remedy: `Check the repository name and that the token can see it and has \`${call2.scope}\`. If the commit changes .github/workflows/, the token also needs the \`workflows\` permission (a GITHUB_TOKEN never has it: use a GitHub App token or a PAT with the workflow scope).`,
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

// src/adapters/github/forge.ts
async function call(info, fn) {
  try {
    return await fn();
  } catch (error) {
    throw toShipguardError(error, info);
  }
}
async function orNull(info, fn) {
  try {
    return await fn();
  } catch (error) {
    if (statusOf(error) === 404) return null;
    throw toShipguardError(error, info);
  }
}
var GitHubForge = class {
  constructor(octokit, repo, logger) {
    this.octokit = octokit;
    this.repo = repo;
    this.logger = logger;
    this.describe = `${repo.owner}/${repo.repo} on GitHub`;
    this.releases = new GitHubReleases(octokit, repo, logger);
  }
  octokit;
  repo;
  logger;
  describe;
  releases;
  async tagCommit(tag) {
    const read = { doing: `read the tag ${tag}`, scope: "contents: read" };
    const ref = await orNull(read, () => this.octokit.rest.git.getRef({ ...this.repo, ref: `tags/${tag}` }));
    if (ref === null) return null;
    let object = ref.data.object;
    for (let depth = 0; object.type === "tag" && depth < 5; depth++) {
      const sha = object.sha;
      const tagObject = await call(read, () => this.octokit.rest.git.getTag({ ...this.repo, tag_sha: sha }));
      object = tagObject.data.object;
    }
    return object.type === "commit" ? object.sha : null;
  }
  async createTag(tag, sha, message) {
    const info = { doing: `create the tag ${tag}`, scope: "contents: write" };
    const object = await call(
      info,
      () => this.octokit.rest.git.createTag({ ...this.repo, tag, message, object: sha, type: "commit" })
    );
    try {
      await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/tags/${tag}`, sha: object.data.sha });
      return "created";
    } catch (error) {
      if (isAlreadyExists(error)) return "exists";
      throw toShipguardError(error, info);
    }
  }
  async moveTag(tag, sha) {
    const info = { doing: `move the tag ${tag}`, scope: "contents: write" };
    try {
      await this.octokit.rest.git.updateRef({ ...this.repo, ref: `tags/${tag}`, sha, force: true });
    } catch (error) {
      if (statusOf(error) !== 422 && statusOf(error) !== 404) throw toShipguardError(error, info);
      this.logger.debug(`The tag ${tag} does not exist yet: creating it.`);
      try {
        await this.octokit.rest.git.createRef({ ...this.repo, ref: `refs/tags/${tag}`, sha });
      } catch (second) {
        if (!isAlreadyExists(second)) throw toShipguardError(second, info);
        await call(
          info,
          () => this.octokit.rest.git.updateRef({ ...this.repo, ref: `tags/${tag}`, sha, force: true })
        );
      }
    }
  }
};
var GitHubReleases = class {
  constructor(octokit, repo, logger) {
    this.octokit = octokit;
    this.repo = repo;
    this.logger = logger;
  }
  octokit;
  repo;
  logger;
  async find(tag) {
    const info = { doing: `look for the release of ${tag}`, scope: "contents: write" };
    const list = await call(
      info,
      () => this.octokit.rest.repos.listReleases({ ...this.repo, per_page: 100 })
    );
    const matches = list.data.filter((r) => r.tag_name === tag);
    const chosen = matches.find((r) => !r.draft) ?? matches.at(-1);
    if (chosen === void 0) return null;
    if (matches.length > 1)
      this.logger.warning(`${matches.length} releases exist for ${tag}; using ${chosen.html_url}.`);
    return toInfo(chosen);
  }
  async createDraft(input) {
    const info = { doing: `create the release ${input.tag}`, scope: "contents: write" };
    for (let attempt = 1; ; attempt++) {
      try {
        const created = await this.octokit.rest.repos.createRelease({
          ...this.repo,
          tag_name: input.tag,
          name: input.name,
          body: input.body,
          draft: true,
          prerelease: input.prerelease,
          // No automatic retry: a lost answer would make a second draft. Reconcile instead.
          request: { retries: 0 }
        });
        return toInfo(created.data);
      } catch (error) {
        const status = statusOf(error);
        const transient = status === void 0 || status >= 500;
        if (!transient || attempt >= 3) throw toShipguardError(error, info);
        this.logger.warning(
          `Creating the release ${input.tag} failed (${status ?? "no answer"}); checking whether it was made.`
        );
        const existing = await this.find(input.tag);
        if (existing !== null) return existing;
        await new Promise((r) => setTimeout(r, 1e3 * attempt));
      }
    }
  }
  async publish(release, options) {
    const info = { doing: `publish the release ${release.tagName}`, scope: "contents: write" };
    const updated = await call(
      info,
      () => this.octokit.rest.repos.updateRelease({
        ...this.repo,
        release_id: release.id,
        draft: false,
        make_latest: options.makeLatest ? "true" : "false"
      })
    );
    return toInfo(updated.data);
  }
};
function toInfo(r) {
  return { id: r.id, url: r.html_url, draft: r.draft, tagName: r.tag_name };
}

export {
  GitHubForge
};
