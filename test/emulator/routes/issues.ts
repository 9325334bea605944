import { ApiError, notFound, validationFailed } from "../api-error.ts";
import { commentView, issueView, labelsView } from "../issue-views.ts";
import {
  addComment,
  assertTitleLength,
  BODY_LIMIT,
  characters,
  ensureLabel,
  type IssueRecord,
  openIssue,
} from "../issues.ts";
import { paginate } from "../pagination.ts";
import type { HandlerContext, Route } from "../router.ts";
import { isoSeconds } from "../state.ts";

/**
 * GitHub Issues: create, list (pull requests included, as GitHub does), read, comment. Unknown
 * labels given to create are made on the fly, as GitHub does for a token that may write issues;
 * for one whose owner lacks push access (`dropIssueLabels`) they are silently dropped. With the
 * Issues feature off, a list answers 404 and every other call 410.
 */

function assertEnabled(context: HandlerContext): void {
  if (context.options.issuesDisabled) throw new ApiError(410, "Issues are disabled for this repo");
}

/** An issue or a pull request; with Issues off, a pull request's labels and comments still work. */
function findIssue(context: HandlerContext): IssueRecord {
  const issue = context.state.issues.find(
    (candidate) => candidate.number === Number(context.params.issue_number),
  );
  if (!issue?.pullRequest) assertEnabled(context);
  if (!issue) throw notFound();
  return issue;
}

function assertBody(resource: "Issue" | "IssueComment", body: string): void {
  if (characters(body) > BODY_LIMIT) {
    throw validationFailed({
      resource,
      code: "custom",
      field: "body",
      message: `body is too long (maximum is ${BODY_LIMIT} characters)`,
    });
  }
}

/** `labels` items are names or {name} objects. */
function labelNames(raw: unknown): string[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item) => {
    const name = typeof item === "string" ? item : (item as { name?: unknown } | null)?.name;
    return typeof name === "string" && name.trim() !== "" ? [name.trim()] : [];
  });
}

const createIssue: Route = {
  operationId: "issues/create",
  handle(context) {
    assertEnabled(context);
    const { state, body } = context;
    const title = String(body.title ?? "").trim();
    if (title === "") throw validationFailed({ resource: "Issue", code: "missing_field", field: "title" });
    assertTitleLength(title);
    const text = typeof body.body === "string" ? body.body : null;
    if (text !== null) assertBody("Issue", text);
    const issue = openIssue(state, {
      title,
      body: text,
      labels: context.options.dropIssueLabels === true ? [] : labelNames(body.labels),
      user: context.options.actor,
    });
    return {
      status: 201,
      body: issueView(state, issue),
      headers: { location: `${state.repoApiUrl}/issues/${issue.number}` },
    };
  },
};

/** The filters the emulator does not implement: a test that sends one learns it at once. */
const UNSUPPORTED_FILTERS = ["milestone", "assignee", "type", "mentioned", "issue_field_values"];

function sortIssues(issues: IssueRecord[], sort: string, direction: string): IssueRecord[] {
  const key = (issue: IssueRecord): string | number =>
    sort === "updated" ? issue.updatedAt : sort === "comments" ? issue.comments.length : issue.createdAt;
  const sign = direction === "asc" ? 1 : -1;
  // Numbers grow with creation: they break ties between issues made in the same second.
  return issues.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const order = ka < kb ? -1 : ka > kb ? 1 : a.number - b.number;
    return sign * order;
  });
}

const listIssues: Route = {
  operationId: "issues/list-for-repo",
  handle(context) {
    // Not 410 as for the other calls: GitHub documents 410 for writes, and a list may answer 404.
    if (context.options.issuesDisabled) throw notFound();
    const { query, state } = context;
    for (const name of UNSUPPORTED_FILTERS) {
      if (query[name] !== undefined)
        throw new Error(`emulator: the ${name} filter of issues is not emulated`);
    }
    const wantedState = String(query.state ?? "open");
    const wantedLabels = String(query.labels ?? "")
      .split(",")
      .map((name) => name.trim().toLowerCase())
      .filter((name) => name !== "");
    const since = query.since === undefined ? undefined : Date.parse(String(query.since));
    const creator = query.creator === undefined ? undefined : String(query.creator).toLowerCase();
    const matching = state.issues.filter((issue) => {
      const labels = issue.labels.map((name) => name.toLowerCase());
      return (
        (wantedState === "all" || issue.state === wantedState) &&
        wantedLabels.every((name) => labels.includes(name)) &&
        (since === undefined || Date.parse(issue.updatedAt) >= since) &&
        (creator === undefined || issue.user.login.toLowerCase() === creator)
      );
    });
    const sorted = sortIssues(matching, String(query.sort ?? "created"), String(query.direction ?? "desc"));
    const page = paginate(context, sorted);
    return { status: 200, body: page.items.map((issue) => issueView(state, issue)), headers: page.headers };
  },
};

const getIssue: Route = {
  operationId: "issues/get",
  handle: (context) => ({ status: 200, body: issueView(context.state, findIssue(context)) }),
};

const createComment: Route = {
  operationId: "issues/create-comment",
  handle(context) {
    const issue = findIssue(context);
    const text = String(context.body.body ?? "");
    if (text.trim() === "")
      throw validationFailed({ resource: "IssueComment", code: "missing_field", field: "body" });
    assertBody("IssueComment", text);
    const comment = addComment(context.state, issue, text, context.options.actor);
    return {
      status: 201,
      body: commentView(context.state, issue, comment),
      headers: { location: `${context.state.repoApiUrl}/issues/comments/${comment.id}` },
    };
  },
};

const listComments: Route = {
  operationId: "issues/list-comments",
  handle(context) {
    const issue = findIssue(context);
    const since = context.query.since === undefined ? undefined : Date.parse(String(context.query.since));
    // Oldest first, as GitHub lists an issue's comments.
    const comments = issue.comments.filter(
      (comment) => since === undefined || Date.parse(comment.updatedAt) >= since,
    );
    const page = paginate(context, comments);
    return {
      status: 200,
      body: page.items.map((comment) => commentView(context.state, issue, comment)),
      headers: page.headers,
    };
  },
};

/** Adds labels to an issue or pull request; the ones the repository lacks are made, as GitHub does. */
const addLabels: Route = {
  operationId: "issues/add-labels",
  handle(context) {
    const issue = findIssue(context);
    for (const name of labelNames(context.body.labels)) {
      const label = ensureLabel(context.state, name);
      if (!issue.labels.some((known) => known.toLowerCase() === label.name.toLowerCase()))
        issue.labels.push(label.name);
    }
    issue.updatedAt = isoSeconds();
    return { status: 200, body: labelsView(context.state, issue.labels) };
  },
};

/** Removes one label; one the issue does not carry answers 404 "Label does not exist". */
const removeLabel: Route = {
  operationId: "issues/remove-label",
  handle(context) {
    const issue = findIssue(context);
    const wanted = String(context.params.name ?? "").toLowerCase();
    const index = issue.labels.findIndex((name) => name.toLowerCase() === wanted);
    if (index === -1) throw new ApiError(404, "Label does not exist");
    issue.labels.splice(index, 1);
    issue.updatedAt = isoSeconds();
    return { status: 200, body: labelsView(context.state, issue.labels) };
  },
};

export const issueRoutes: Route[] = [
  createIssue,
  listIssues,
  getIssue,
  createComment,
  listComments,
  addLabels,
  removeLabel,
];
