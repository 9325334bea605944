import { ApiError, notFound } from "../api-error.ts";
import { paginate } from "../pagination.ts";
import type { HandlerContext, Route } from "../router.ts";
import type { RunRecord } from "../state.ts";
import { runApiUrl, runHtmlUrl, workflowRunView } from "../views.ts";
import { checkInputs, readWorkflow, renderRunName, workflowPath } from "../workflows.ts";

/**
 * workflow_dispatch and workflow runs. A dispatch checks the workflow file on the default branch,
 * the ref and the inputs like GitHub, then creates a run that moves through queued, (waiting,)
 * in_progress and completed on the clock its WorkflowBehaviour sets.
 */

const MAX_INPUTS = 25;
const MAX_INPUTS_LENGTH = 65_535;

const createWorkflowDispatch: Route = {
  operationId: "actions/create-workflow-dispatch",
  // GitHub answers these limits with 422 before anything else (the spec states the first as maxProperties).
  precheck(body) {
    const inputs = body.inputs;
    if (inputs === null || typeof inputs !== "object" || Array.isArray(inputs)) return;
    const count = Object.keys(inputs).length;
    if (count > MAX_INPUTS) {
      throw new ApiError(
        422,
        `Invalid request.\n\nNo more than ${MAX_INPUTS} inputs are allowed (${count} given).`,
      );
    }
    const length = JSON.stringify(inputs).length;
    if (length > MAX_INPUTS_LENGTH) {
      throw new ApiError(
        422,
        `Invalid request.\n\ninputs are too large: ${length} characters, at most ${MAX_INPUTS_LENGTH}.`,
      );
    }
  },
  handle(context) {
    const { state, body, options } = context;
    const path = workflowPath(state, context.params.workflow_id ?? "");
    const defaultSha = state.defaultBranchSha();
    // The workflow must exist on the default branch for GitHub to know it.
    if (!path || !defaultSha || !readWorkflow(state, defaultSha, path)) throw notFound();

    const ref = String(body.ref);
    const target = state.resolveBranchOrTag(ref);
    if (!target) throw new ApiError(422, `No ref found for: ${ref}`);
    const workflow = readWorkflow(state, target.sha, path) ?? readWorkflow(state, defaultSha, path);
    if (!workflow?.dispatch) throw new ApiError(422, "Workflow does not have 'workflow_dispatch' trigger");

    const given = (body.inputs as Record<string, unknown> | undefined) ?? {};
    const inputs = checkInputs(workflow, given);
    const wantsDetails = body.return_run_details === true || context.apiVersion >= "2026-03-10";
    if (body.return_run_details === true && options.refuseRunDetails) {
      // What a GitHub Enterprise Server that predates the field answers.
      throw new ApiError(422, 'Invalid request.\n\n"return_run_details" is not a permitted key.');
    }

    const behaviour = state.behaviourFor(workflow.file);
    const template = behaviour.runName ?? workflow.runName;
    const rendered = template
      ? renderRunName(template, {
          inputs,
          actor: options.actor.login,
          refName: target.shortName,
          workflow: workflow.name,
        }).trim()
      : "";
    const workflowId = state.workflowId(path);
    const run: RunRecord = {
      id: state.newId("run"),
      workflowId,
      workflowPath: path,
      workflowName: workflow.name,
      runNumber: state.runs.filter((other) => other.workflowId === workflowId).length + 1,
      displayTitle: rendered || workflow.name,
      event: "workflow_dispatch",
      headBranch: target.shortName,
      headSha: target.sha,
      inputs,
      actorLogin: options.actor.login,
      createdAt: Date.now(),
      behaviour: {
        queuedMs: behaviour.queuedMs,
        waitingMs: behaviour.waitingMs,
        runMs: behaviour.runMs,
        conclusion: behaviour.conclusion,
      },
    };
    state.runs.push(run);
    state.dispatches.push({
      workflow: workflow.file,
      ref,
      inputs: given,
      returnRunDetails: typeof body.return_run_details === "boolean" ? body.return_run_details : undefined,
      runId: run.id,
      at: run.createdAt,
    });
    const onDispatch = options.onDispatch;
    if (onDispatch)
      setImmediate(() => onDispatch({ workflow: workflow.file, ref, inputs: given, runId: run.id }));

    if (!wantsDetails) return { status: 204 };
    return {
      status: 200,
      body: { workflow_run_id: run.id, run_url: runApiUrl(state, run), html_url: runHtmlUrl(state, run) },
    };
  },
};

function findRun(context: HandlerContext): RunRecord {
  const id = Number(context.params.run_id);
  const run = context.state.runs.find((candidate) => candidate.id === id);
  if (!run) throw notFound();
  return run;
}

/** GitHub answers 202 and the run ends `cancelled`; a run that has completed answers 409. */
const cancelWorkflowRun: Route = {
  operationId: "actions/cancel-workflow-run",
  handle(context) {
    const run = findRun(context);
    if (context.state.runView(run).status === "completed") {
      throw new ApiError(409, "Cannot cancel a workflow run that is completed.");
    }
    context.state.setRunStatus(run.id, "completed", "cancelled");
    return { status: 202, body: {} };
  },
};

const getWorkflowRun: Route = {
  operationId: "actions/get-workflow-run",
  handle: (context) => ({ status: 200, body: workflowRunView(context.state, findRun(context)) }),
};

/** The `created` filter: a date or date-time, with >, >=, <, <= or a range a..b (either side may be *). */
export function createdFilter(expression: string): (time: number) => boolean {
  const bound = (text: string, end: boolean): number => {
    if (text === "*") return end ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
    const time = Date.parse(dateOnly ? `${text}T00:00:00Z` : text);
    if (Number.isNaN(time)) throw new ApiError(422, `Invalid created filter: ${expression}`);
    return dateOnly && end ? time + 86_400_000 - 1 : time;
  };
  const range = expression.split("..");
  if (range.length === 2) {
    const from = bound(range[0] ?? "*", false);
    const to = bound(range[1] ?? "*", true);
    return (time) => time >= from && time <= to;
  }
  const match = expression.match(/^(>=|<=|>|<)?(.+)$/);
  const operator = match?.[1] ?? "";
  const value = match?.[2] ?? expression;
  switch (operator) {
    case ">=":
      return (time) => time >= bound(value, false);
    case ">":
      return (time) => time > bound(value, true);
    case "<=":
      return (time) => time <= bound(value, true);
    case "<":
      return (time) => time < bound(value, false);
    default: {
      const from = bound(value, false);
      const to = bound(value, true);
      return (time) => time >= from && time <= to;
    }
  }
}

function listRuns(context: HandlerContext, runs: RunRecord[]) {
  const { query, state } = context;
  const now = Date.now();
  const created = typeof query.created === "string" ? createdFilter(query.created) : undefined;
  const matches = runs
    .filter((run) => query.actor === undefined || run.actorLogin === query.actor)
    .filter((run) => query.branch === undefined || run.headBranch === query.branch)
    .filter((run) => query.event === undefined || run.event === query.event)
    .filter((run) => query.head_sha === undefined || run.headSha === query.head_sha)
    .filter((run) => query.check_suite_id === undefined || run.id + 1_000_000_000 === query.check_suite_id)
    .filter((run) => {
      if (query.status === undefined) return true;
      const view = state.runView(run, now);
      return view.status === query.status || view.conclusion === query.status;
    })
    .filter((run) => created === undefined || created(run.createdAt))
    .sort((a, b) => b.createdAt - a.createdAt || b.id - a.id);
  const page = paginate(context, matches);
  return {
    status: 200,
    body: {
      total_count: matches.length,
      workflow_runs: page.items.map((run) => workflowRunView(state, run, now)),
    },
    headers: page.headers,
  };
}

const listWorkflowRuns: Route = {
  operationId: "actions/list-workflow-runs",
  handle(context) {
    const { state } = context;
    const path = workflowPath(state, context.params.workflow_id ?? "");
    const defaultSha = state.defaultBranchSha();
    if (!path || !defaultSha || !readWorkflow(state, defaultSha, path)) throw notFound();
    return listRuns(
      context,
      state.runs.filter((run) => run.workflowPath === path),
    );
  },
};

const listWorkflowRunsForRepo: Route = {
  operationId: "actions/list-workflow-runs-for-repo",
  handle: (context) => listRuns(context, context.state.runs),
};

export const actionsRoutes: Route[] = [
  createWorkflowDispatch,
  cancelWorkflowRun,
  getWorkflowRun,
  listWorkflowRuns,
  listWorkflowRunsForRepo,
];
