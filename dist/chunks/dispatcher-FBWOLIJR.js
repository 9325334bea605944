import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  mentionsId
} from "./chunk-CPD6QVVU.js";
import {
  githubMessage,
  statusOf,
  toShipguardError
} from "./chunk-PXHYN4KK.js";
import {
  sleep
} from "./chunk-XD65SSXG.js";
import {
  shipguardError
} from "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/github/dispatcher.ts
var MAX_INPUTS = 25;
var MAX_INPUTS_LENGTH = 65535;
var PER_PAGE = 100;
var MAX_PAGES = 10;
var CONCLUSIONS = [
  "success",
  "failure",
  "cancelled",
  "skipped",
  "timed_out",
  "action_required",
  "neutral",
  "stale",
  "startup_failure"
];
var GitHubDispatcher = class {
  constructor(octokit, repo, logger, options = {}) {
    this.octokit = octokit;
    this.repo = repo;
    this.logger = logger;
    this.findTimeoutMs = options.findTimeoutMs ?? 6e4;
    this.reconcileMs = options.reconcileMs ?? 2e4;
    this.findPollMs = options.findPollMs ?? 2e3;
    this.createdMarginMs = options.createdMarginMs ?? 5 * 6e4;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
  }
  octokit;
  repo;
  logger;
  findTimeoutMs;
  reconcileMs;
  findPollMs;
  createdMarginMs;
  maxAttempts;
  now;
  sleep;
  /** Cleared once the server refused `return_run_details`: it will refuse it again. */
  runDetails = true;
  async dispatch(input) {
    checkDispatch(input);
    const { workflow, correlationId } = input;
    const since = this.now() - this.createdMarginMs;
    let refusedOnce = false;
    for (let attempt = 1; ; attempt++) {
      const details = this.runDetails;
      let run;
      try {
        run = await this.post(input, details);
      } catch (error) {
        const status = statusOf(error);
        if (details && !refusedOnce && (status === 400 || status === 422) && refusesRunDetails(error)) {
          refusedOnce = true;
          this.runDetails = false;
          this.logger.info(
            `The server does not accept return_run_details (a GitHub Enterprise Server that predates it): dispatching ${workflow} again without it, and finding the run by its correlation id ${correlationId} in the run-name.`
          );
          attempt -= 1;
          continue;
        }
        const transient = status === void 0 || status >= 500;
        if (!transient) throw dispatchError(error, input, this.repo);
        this.logger.warning(
          `Dispatching ${workflow} failed (${status ?? "no answer"}): looking for a run with correlation id ${correlationId} before sending it again, so that only one run starts.`
        );
        const found = await this.findRun(input, since, this.reconcileMs);
        if (found !== null) {
          this.logger.info(`The dispatch had reached GitHub: ${found.url}`);
          return found;
        }
        if (attempt >= this.maxAttempts) throw dispatchError(error, input, this.repo);
        this.logger.info(`No run with correlation id ${correlationId}: dispatching ${workflow} again.`);
        continue;
      }
      if (run !== null) {
        this.logger.info(`Dispatched ${workflow} on ${input.ref}: ${run.url}`);
        return run;
      }
      return this.findAfterDispatch(input, since);
    }
  }
  async wait(run, options) {
    const pollMs = options.pollMs ?? 5e3;
    const maxDelay = pollMs * 4;
    const deadline = this.now() + options.timeoutMs;
    const info = { doing: `read the workflow run ${run.id}`, scope: "actions: read" };
    let url = run.url;
    let last = null;
    let delay = pollMs;
    for (; ; ) {
      throwIfAborted(options.signal, url ?? String(run.id));
      let answer = null;
      try {
        const response = await this.octokit.rest.actions.getWorkflowRun({
          ...this.repo,
          run_id: run.id,
          request: { signal: options.signal }
        });
        answer = response.data;
      } catch (error) {
        throwIfAborted(options.signal, url ?? String(run.id));
        const status = statusOf(error);
        if (status !== void 0 && status < 500) throw toShipguardError(error, info);
        this.logger.warning(
          `Reading the run ${url ?? run.id} failed (${status ?? "no answer"}); still waiting for it.`
        );
      }
      if (answer !== null) {
        url = answer.html_url || url;
        const status = answer.status ?? "unknown";
        if (status !== last) {
          last = status;
          delay = pollMs;
          this.logger.info(statusLine(status, url));
          options.onStatus?.(status);
        }
        if (status === "completed") return { conclusion: toConclusion(answer.conclusion, this.logger), url };
      }
      const left = deadline - this.now();
      if (left <= 0) {
        this.logger.warning(
          `The run ${url ?? run.id} did not complete within ${options.timeoutMs} ms (last status: ${last ?? "unknown"}); counted as a failure.`
        );
        return { conclusion: "timed_out_waiting", url };
      }
      await this.sleep(Math.min(delay, left), options.signal);
      delay = Math.min(Math.round(delay * 1.5), maxDelay);
    }
  }
  /** One POST, never retried by the client: null when the server answered without run details. */
  async post(input, details) {
    const response = await this.octokit.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        ...this.repo,
        workflow_id: input.workflow,
        ref: input.ref,
        inputs: input.inputs,
        ...details ? { return_run_details: true } : {},
        // A retry after a lost answer would start a second run: reconcile instead.
        request: { retries: 0 }
      }
    );
    const data = response.status === 200 ? response.data : void 0;
    if (data?.workflow_run_id === void 0) return null;
    return { id: data.workflow_run_id, url: data.html_url ?? data.run_url ?? null };
  }
  async findAfterDispatch(input, since) {
    const found = await this.findRun(input, since, this.findTimeoutMs);
    if (found !== null) {
      this.logger.info(`Dispatched ${input.workflow}; found its run by correlation id: ${found.url}`);
      return found;
    }
    this.logger.warning(
      `Dispatched ${input.workflow}, but no run whose run-name shows the correlation id ${input.correlationId} appeared within ${this.findTimeoutMs} ms. Show it in the workflow's run-name, e.g. \`run-name: "Deploy \${{ inputs.version }} [\${{ inputs.correlation-id }}]"\`.`
    );
    return { id: null, url: null };
  }
  async cancel(run) {
    try {
      await this.octokit.rest.actions.cancelWorkflowRun({ ...this.repo, run_id: run.id });
      return "cancelled";
    } catch (error) {
      if (statusOf(error) === 409) return "completed";
      throw toShipguardError(error, { doing: `cancel the workflow run ${run.id}`, scope: "actions: write" });
    }
  }
  /** Looks for the run that shows `correlationId`, for up to `budgetMs` (at least one look). */
  async activeRuns(workflow) {
    const info = { doing: `list the runs of ${workflow}`, scope: "actions: read" };
    try {
      const response = await this.octokit.rest.actions.listWorkflowRuns({
        ...this.repo,
        workflow_id: workflow,
        per_page: PER_PAGE
      });
      return response.data.workflow_runs.filter((run) => run.status !== "completed" && run.status !== null).map((run) => ({
        id: run.id,
        url: run.html_url,
        status: String(run.status),
        title: `${run.display_title ?? ""}
${run.name ?? ""}`
      }));
    } catch (error) {
      throw toShipguardError(error, info);
    }
  }
  async findRun(input, since, budgetMs) {
    const deadline = this.now() + budgetMs;
    for (; ; ) {
      const match = await this.lookOnce(input, since);
      if (match !== null) return match;
      const left = deadline - this.now();
      if (left <= 0) return null;
      await this.sleep(Math.min(this.findPollMs, left));
    }
  }
  async lookOnce(input, since) {
    const info = { doing: `list the runs of ${input.workflow}`, scope: "actions: read" };
    const matches = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      let runs;
      try {
        const response = await this.octokit.rest.actions.listWorkflowRuns({
          ...this.repo,
          workflow_id: input.workflow,
          event: "workflow_dispatch",
          created: `>=${isoSeconds(since)}`,
          per_page: PER_PAGE,
          page
        });
        runs = response.data.workflow_runs;
      } catch (error) {
        throw toShipguardError(error, info);
      }
      for (const run of runs) {
        const title = `${run.display_title ?? ""}
${run.name ?? ""}`;
        if (mentionsId(title, input.correlationId)) matches.push(run);
      }
      if (runs.length < PER_PAGE) break;
    }
    if (matches.length === 0) return null;
    const first = matches[matches.length - 1];
    if (matches.length > 1) {
      this.logger.warning(
        `${matches.length} runs of ${input.workflow} show the correlation id ${input.correlationId}; following the first, ${first.html_url}.`
      );
    }
    return { id: first.id, url: first.html_url };
  }
};
function checkDispatch(input) {
  const { workflow } = input;
  if (workflow === "" || workflow.includes("/")) {
    throw shipguardError("SG_DISPATCH_INVALID", { workflow, reason: "workflow-name" });
  }
  if (/^[0-9a-f]{40}$|^[0-9a-f]{64}$/i.test(input.ref) || input.ref === "") {
    throw shipguardError("SG_DISPATCH_INVALID", { workflow, reason: "ref", ref: input.ref });
  }
  const names = Object.keys(input.inputs);
  if (names.length > MAX_INPUTS) {
    throw shipguardError("SG_DISPATCH_INVALID", {
      workflow,
      reason: "too-many-inputs",
      count: names.length,
      max: MAX_INPUTS
    });
  }
  if (JSON.stringify(input.inputs).length > MAX_INPUTS_LENGTH) {
    throw shipguardError("SG_DISPATCH_INVALID", {
      workflow,
      reason: "inputs-too-long",
      max: MAX_INPUTS_LENGTH
    });
  }
  if (input.correlationId === "" || !Object.values(input.inputs).includes(input.correlationId)) {
    throw shipguardError("SG_DISPATCH_INVALID", { workflow, reason: "no-correlation-id" });
  }
}
function refusesRunDetails(error) {
  return /return_run_details/i.test(githubMessage(error));
}
function dispatchError(error, input, repo) {
  const status = statusOf(error);
  const said = githubMessage(error);
  const { workflow, ref } = input;
  const inputs = Object.keys(input.inputs);
  const cause = { cause: error };
  if (status === 404) {
    return shipguardError(
      "SG_WORKFLOW_NOT_FOUND",
      { workflow, ref, inputs, repository: `${repo.owner}/${repo.repo}` },
      cause
    );
  }
  if (status === 400 || status === 422) {
    return shipguardError("SG_WORKFLOW_INPUTS_REFUSED", { workflow, ref, status, said, inputs }, cause);
  }
  if (status === 403 && !/rate limit/i.test(said)) {
    const answer = { doing: `dispatch ${workflow}`, status, request: "", said };
    return shipguardError(
      "SG_GITHUB_FORBIDDEN",
      { ...answer, scope: "actions: write", neededBy: "a workflow dispatch" },
      cause
    );
  }
  return toShipguardError(error, { doing: `dispatch ${workflow} on ${ref}`, scope: "actions: write" });
}
function statusLine(status, url) {
  const run = url ?? "the run";
  if (status === "waiting") {
    return `Run ${run} is waiting for an environment approval: a required reviewer must approve it in the Actions tab.`;
  }
  return `Run ${run}: ${status.replace(/_/g, " ")}.`;
}
function toConclusion(conclusion, logger) {
  if (conclusion !== null && CONCLUSIONS.includes(conclusion)) {
    return conclusion;
  }
  logger.warning(
    `The run completed with an unknown conclusion ${JSON.stringify(conclusion)}; counted as a failure.`
  );
  return "failure";
}
function isoSeconds(ms) {
  return new Date(Math.floor(ms / 1e3) * 1e3).toISOString().replace(/\.\d{3}Z$/, "Z");
}
function throwIfAborted(signal, run) {
  if (signal?.aborted) {
    throw shipguardError("SG_WAIT_CANCELLED", { run });
  }
}
export {
  GitHubDispatcher
};
