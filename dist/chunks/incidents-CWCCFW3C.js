import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  checkIncidentId,
  cleanTitle,
  disarmMarkers,
  eventMarker,
  fitReport,
  holdsMarker,
  incidentMarker
} from "./chunk-K5BSJCEJ.js";
import "./chunk-TRU3V6GF.js";
import {
  reconciledWrite
} from "./chunk-CPMXLYHQ.js";
import {
  statusOf,
  toShipguardError
} from "./chunk-PXHYN4KK.js";
import "./chunk-XD65SSXG.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/github/incidents.ts
var INCIDENT_LABEL = "shipguard:incident";
var BODY_LIMIT = 65536;
var MAX_ISSUE_PAGES = 10;
var MAX_UNLABELLED_PAGES = 3;
var MAX_COMMENT_PAGES = 30;
var WRITE_ATTEMPTS = 3;
var NEEDED_BY = "recording incidents as issues (labelled `shipguard:incident`)";
var CLOSED_NOTE = "> This incident's issue was closed, so shipguard adds this event without reopening it: reopen it if the incident needs attention again.";
var GitHubIncidentLog = class {
  describe;
  #octokit;
  #repo;
  #logger;
  #backoffMs;
  /** The token's own login, asked once when needed; null for an app's token (GitHub answers 403). */
  #ownLogin;
  constructor(octokit, repo, logger, options = {}) {
    this.#octokit = octokit;
    this.#repo = { owner: repo.owner, repo: repo.repo };
    this.#logger = logger;
    this.#backoffMs = options.backoffMs ?? 1e3;
    this.describe = `the issues of ${repo.owner}/${repo.repo} on GitHub`;
  }
  async record(incident) {
    const id = checkIncidentId(incident.id);
    const marker = eventMarker(id, incident.event);
    const issue = await this.#find(id);
    if (issue === null) return this.#open(incident, marker);
    if (await this.#holds(issue, marker, false)) {
      this.#logger.debug(`Incident ${id}: ${incident.event} is already on issue #${issue.number}.`);
      return { action: "unchanged", where: issue.html_url };
    }
    await this.#comment(issue, incident, marker);
    return { action: "commented", where: issue.html_url };
  }
  /**
   * The incident's issue: the newest labelled issue (not a pull request) whose body has its
   * marker; else the newest unlabelled one opened by an app or by the token's own account, which
   * is where GitHub leaves an issue whose label it dropped. Anyone may open an unlabelled issue:
   * one by another person's account is never taken, so a forged marker cannot capture an incident.
   */
  async #find(id, pages = { labelled: MAX_ISSUE_PAGES, unlabelled: MAX_UNLABELLED_PAGES }) {
    const wanted = incidentMarker(id);
    const labelled = await this.#scan(
      id,
      INCIDENT_LABEL,
      pages.labelled,
      (raw) => holdsMarker(raw.body, wanted)
    );
    if (labelled !== null) return labelled;
    if (pages.labelled === MAX_ISSUE_PAGES) {
      this.#logger.debug(
        `No labelled issue of incident ${id}; looking at the newest ${pages.unlabelled * 100} issues for one whose label GitHub dropped.`
      );
    }
    const found = await this.#scan(
      id,
      null,
      pages.unlabelled,
      async (raw) => holdsMarker(raw.body, wanted) && (raw.user?.type === "Bot" || await this.#isOwn(raw))
    );
    if (found !== null) {
      this.#logger.info(
        `Found issue #${found.number} of incident ${id} by its marker: it lacks the label ${INCIDENT_LABEL} (GitHub dropped it); adding the label by hand spares each event up to ${MAX_UNLABELLED_PAGES} calls.`
      );
    }
    return found;
  }
  /** The newest issue (not a pull request) of `label` (or of any) that `matches`, within `maxPages`. */
  async #scan(id, label, maxPages, matches) {
    const info = this.#call(`look for the issue of incident ${id}`);
    const pages = this.#octokit.paginate.iterator(this.#octokit.rest.issues.listForRepo, {
      ...this.#repo,
      ...label === null ? {} : { labels: label },
      state: "all",
      sort: "created",
      direction: "desc",
      per_page: 100
    });
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (let read = 0; read < maxPages; read++) {
        let page;
        try {
          page = await iterator.next();
        } catch (error) {
          throw await this.#listError(error, info);
        }
        if (page.done) return null;
        for (const raw of page.value.data) {
          if (raw.pull_request === void 0 && await matches(raw)) return raw;
        }
      }
      if (label !== null && maxPages === MAX_ISSUE_PAGES) {
        this.#logger.warning(
          `No issue of incident ${id} among the newest ${maxPages * 100} labelled ${INCIDENT_LABEL}: opening a new one.`
        );
      }
      return null;
    } finally {
      await iterator.return?.();
    }
  }
  /**
   * A list that answers 404 where the repository says Issues are off: GitHub documents 410 for
   * that only when writing, and a list may answer 404. Any other 404 stays what it is.
   */
  async #listError(error, info) {
    if (statusOf(error) !== 404) return toShipguardError(error, info);
    const repository = await this.#octokit.rest.repos.get({ ...this.#repo }).catch(() => null);
    return toShipguardError(error, { ...info, issuesOff: repository?.data.has_issues === false });
  }
  /**
   * Whether the issue has recorded this event: in its body, or in a comment by the issue's own
   * author (the account shipguard writes with). Anyone may comment on an issue; a forged marker
   * in a stranger's comment must not silence an event.
   */
  async #holds(issue, marker, recount) {
    if (holdsMarker(issue.body, marker)) return true;
    if (!recount && issue.comments === 0) return false;
    const info = this.#call(`read the comments of incident issue #${issue.number}`);
    const author = issue.user?.login;
    const pages = this.#octokit.paginate.iterator(this.#octokit.rest.issues.listComments, {
      ...this.#repo,
      issue_number: issue.number,
      per_page: 100
    });
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (let read = 0; read < MAX_COMMENT_PAGES; read++) {
        let page;
        try {
          page = await iterator.next();
        } catch (error) {
          throw await this.#listError(error, info);
        }
        if (page.done) return false;
        for (const comment of page.value.data) {
          const byAuthor = author !== void 0 && comment.user?.login === author;
          if (byAuthor && holdsMarker(comment.body, marker)) return true;
        }
      }
      this.#logger.warning(
        `Issue #${issue.number} has more than ${MAX_COMMENT_PAGES * 100} comments; not all were read.`
      );
      return false;
    } finally {
      await iterator.return?.();
    }
  }
  async #open(incident, marker) {
    const id = incident.id;
    const head = `${incidentMarker(id)}
${marker}

`;
    const body = head + fitReport(disarmMarkers(incident.report), BODY_LIMIT - head.length);
    const created = await this.#write(
      this.#call(`open the issue of incident ${id}`),
      async () => {
        const answer = await this.#octokit.rest.issues.create({
          ...this.#repo,
          title: cleanTitle(incident.title),
          body,
          labels: [INCIDENT_LABEL],
          request: { retries: 0 }
        });
        return answer.data;
      },
      // A lost answer may hide a created issue: the newest page has it if it exists.
      () => this.#find(id, { labelled: 1, unlabelled: 1 })
    );
    this.#logger.debug(`Incident ${id}: opened issue #${created.number}.`);
    if (!hasLabel(created)) this.#logger.warning(labelDropped(id, created));
    return { action: "opened", where: created.html_url };
  }
  /** Whether a person's account that opened `issue` is the token's own (a person's token). */
  async #isOwn(issue) {
    const login = issue.user?.login;
    if (login === void 0) return false;
    this.#ownLogin ??= this.#octokit.rest.users.getAuthenticated().then(
      (answer) => answer.data.login,
      (error) => {
        this.#logger.debug(
          `The token's own account is unknown (GET /user answered ${statusOf(error) ?? "no status"}).`
        );
        return null;
      }
    );
    return (await this.#ownLogin)?.toLowerCase() === login.toLowerCase();
  }
  async #comment(issue, incident, marker) {
    const head = issue.state === "closed" ? `${marker}
${CLOSED_NOTE}

` : `${marker}

`;
    const body = head + fitReport(disarmMarkers(incident.report), BODY_LIMIT - head.length);
    await this.#write(
      this.#call(`comment on issue #${issue.number} of incident ${incident.id}`),
      async () => {
        await this.#octokit.rest.issues.createComment({
          ...this.#repo,
          issue_number: issue.number,
          body,
          request: { retries: 0 }
        });
        return true;
      },
      async () => await this.#holds(issue, marker, true) ? true : null
    );
    this.#logger.debug(`Incident ${incident.id}: added ${incident.event} to issue #${issue.number}.`);
  }
  /** One write; after an answer that may have been lost, `made` looks for it before a resend. */
  #write(info, send, made) {
    return reconciledWrite({
      info,
      logger: this.#logger,
      backoffMs: this.#backoffMs,
      attempts: WRITE_ATTEMPTS,
      send,
      made,
      said: (status) => `Could not ${info.doing} (${status}); checking whether it was done.`
    });
  }
  #call(doing) {
    return { doing, scope: "issues: write", operation: "issues", neededBy: NEEDED_BY };
  }
};
function hasLabel(issue) {
  return (issue.labels ?? []).some(
    (label) => (typeof label === "string" ? label : label.name)?.toLowerCase() === INCIDENT_LABEL
  );
}
function labelDropped(id, issue) {
  const head = `GitHub opened issue #${issue.number} of incident ${id} without the label ${INCIDENT_LABEL}: it drops labels when the token's owner lacks push access to the repository.`;
  if (issue.user?.type === "Bot") {
    return `${head} Later events find the issue by its marker among the newest ${MAX_UNLABELLED_PAGES * 100} issues (up to ${MAX_UNLABELLED_PAGES} more calls each); add the label to it by hand, or give the token push access, to spare them.`;
  }
  return `${head} It was opened by a person's account (${issue.user?.login ?? "unknown"}): later events recorded with that account's token find it by its marker among the newest ${MAX_UNLABELLED_PAGES * 100} issues, but another account's would open their own issue (a marker in an unlabelled issue of someone else could be forged). Add the label to issue #${issue.number} by hand, and record incidents with a token that has push access, or GITHUB_TOKEN with \`issues: write\` (incident.yml).`;
}
export {
  GitHubIncidentLog,
  INCIDENT_LABEL
};
