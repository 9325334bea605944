/**
 * The Dispatcher port on GitHub Actions: workflow_dispatch, then polling the run.
 *
 * A dispatch has no natural uniqueness key, so the POST is never retried blindly: a lost answer
 * is reconciled by the correlation id (an input the workflow shows in its `run-name`) before the
 * request is sent again, and exactly one run results. `return_run_details` gives the run at once;
 * servers that predate it (older GHES) are asked again without it, and the run is then found in
 * the workflow's run list by the same correlation id.
 */
import { mentionsId } from "../../core/run-title.ts";
import { type ShipguardError, shipguardError } from "../../errors.ts";
import type { ActiveRun, DispatchedRun, Dispatcher, Logger, RunConclusion } from "../../ports.ts";
import { sleep } from "../sleep.ts";
import type { GitHubClient } from "./client.ts";
import { githubMessage, statusOf, toShipguardError } from "./errors.ts";
import type { RepoRef } from "./forge.ts";

export interface DispatcherOptions {
  /** How long a run dispatched without run details is looked for (default 60 s: runs appear late). */
  findTimeoutMs?: number;
  /** How long a dispatch whose answer was lost is looked for before it is sent again (default 20 s). */
  reconcileMs?: number;
  /** Between two looks at the run list (default 2 s). */
  findPollMs?: number;
  /** How far before the dispatch the run list is read, for clock skew with the server (default 5 min). */
  createdMarginMs?: number;
  /** Sends of one dispatch in all, when the answers are lost (default 3). */
  maxAttempts?: number;
  /** Wall clock, milliseconds since the epoch (tests replace it). */
  now?: () => number;
  /** Resolves after `ms`, or early when `signal` aborts (tests replace it). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<unknown>;
}

export type WaitResult = Awaited<ReturnType<Dispatcher["wait"]>>;

const MAX_INPUTS = 25;
const MAX_INPUTS_LENGTH = 65_535;
const PER_PAGE = 100;
const MAX_PAGES = 10;
const CONCLUSIONS: readonly RunConclusion[] = [
  "success",
  "failure",
  "cancelled",
  "skipped",
  "timed_out",
  "action_required",
  "neutral",
  "stale",
  "startup_failure",
];

interface RunSummary {
  id: number;
  name?: string | null;
  display_title?: string | null;
  html_url: string;
  created_at: string;
}

export class GitHubDispatcher implements Dispatcher {
  private readonly findTimeoutMs: number;
  private readonly reconcileMs: number;
  private readonly findPollMs: number;
  private readonly createdMarginMs: number;
  private readonly maxAttempts: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<unknown>;
  /** Cleared once the server refused `return_run_details`: it will refuse it again. */
  private runDetails = true;

  constructor(
    private readonly octokit: GitHubClient,
    private readonly repo: RepoRef,
    private readonly logger: Logger,
    options: DispatcherOptions = {},
  ) {
    this.findTimeoutMs = options.findTimeoutMs ?? 60_000;
    this.reconcileMs = options.reconcileMs ?? 20_000;
    this.findPollMs = options.findPollMs ?? 2_000;
    this.createdMarginMs = options.createdMarginMs ?? 5 * 60_000;
    this.maxAttempts = options.maxAttempts ?? 3;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
  }

  async dispatch(input: {
    workflow: string;
    ref: string;
    inputs: Record<string, string>;
    correlationId: string;
  }): Promise<DispatchedRun> {
    checkDispatch(input);
    const { workflow, correlationId } = input;
    const since = this.now() - this.createdMarginMs;
    let refusedOnce = false;
    for (let attempt = 1; ; attempt++) {
      const details = this.runDetails;
      let run: DispatchedRun | null;
      try {
        run = await this.post(input, details);
      } catch (error) {
        const status = statusOf(error);
        if (details && !refusedOnce && (status === 400 || status === 422) && refusesRunDetails(error)) {
          refusedOnce = true;
          this.runDetails = false;
          this.logger.info(
            `The server does not accept return_run_details (a GitHub Enterprise Server that predates it): dispatching ${workflow} again without it, and finding the run by its correlation id ${correlationId} in the run-name.`,
          );
          attempt -= 1;
          continue;
        }
        const transient = status === undefined || status >= 500;
        if (!transient) throw dispatchError(error, input, this.repo);
        this.logger.warning(
          `Dispatching ${workflow} failed (${status ?? "no answer"}): looking for a run with correlation id ${correlationId} before sending it again, so that only one run starts.`,
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
      // 204: the dispatch was accepted without a run (a server that predates the field, or ignores
      // it). From here on nothing is sent again: a failure to find the run must not start a second.
      return this.findAfterDispatch(input, since);
    }
  }

  async wait(
    run: DispatchedRun & { id: number },
    options: {
      timeoutMs: number;
      pollMs?: number;
      onStatus?: (status: string) => void;
      signal?: AbortSignal;
    },
  ): Promise<WaitResult> {
    const pollMs = options.pollMs ?? 5_000;
    const maxDelay = pollMs * 4;
    const deadline = this.now() + options.timeoutMs;
    const info = { doing: `read the workflow run ${run.id}`, scope: "actions: read" } as const;
    let url = run.url;
    let last: string | null = null;
    let delay = pollMs;
    for (;;) {
      throwIfAborted(options.signal, url ?? String(run.id));
      let answer: { status: string | null; conclusion: string | null; html_url: string } | null = null;
      try {
        const response = await this.octokit.rest.actions.getWorkflowRun({
          ...this.repo,
          run_id: run.id,
          request: { signal: options.signal },
        });
        answer = response.data;
      } catch (error) {
        throwIfAborted(options.signal, url ?? String(run.id));
        const status = statusOf(error);
        // The client already retried; a blip that outlasts it should not fail a healthy run.
        if (status !== undefined && status < 500) throw toShipguardError(error, info);
        this.logger.warning(
          `Reading the run ${url ?? run.id} failed (${status ?? "no answer"}); still waiting for it.`,
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
          `The run ${url ?? run.id} did not complete within ${options.timeoutMs} ms (last status: ${last ?? "unknown"}); counted as a failure.`,
        );
        return { conclusion: "timed_out_waiting", url };
      }
      await this.sleep(Math.min(delay, left), options.signal);
      delay = Math.min(Math.round(delay * 1.5), maxDelay);
    }
  }

  /** One POST, never retried by the client: null when the server answered without run details. */
  private async post(
    input: { workflow: string; ref: string; inputs: Record<string, string> },
    details: boolean,
  ): Promise<DispatchedRun | null> {
    const response = await this.octokit.request(
      "POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
      {
        ...this.repo,
        workflow_id: input.workflow,
        ref: input.ref,
        inputs: input.inputs,
        ...(details ? { return_run_details: true } : {}),
        // A retry after a lost answer would start a second run: reconcile instead.
        request: { retries: 0 },
      },
    );
    const data = (response.status === 200 ? response.data : undefined) as
      | { workflow_run_id?: number; html_url?: string; run_url?: string }
      | undefined;
    if (data?.workflow_run_id === undefined) return null;
    return { id: data.workflow_run_id, url: data.html_url ?? data.run_url ?? null };
  }

  private async findAfterDispatch(
    input: { workflow: string; correlationId: string },
    since: number,
  ): Promise<DispatchedRun> {
    const found = await this.findRun(input, since, this.findTimeoutMs);
    if (found !== null) {
      this.logger.info(`Dispatched ${input.workflow}; found its run by correlation id: ${found.url}`);
      return found;
    }
    this.logger.warning(
      `Dispatched ${input.workflow}, but no run whose run-name shows the correlation id ${input.correlationId} appeared within ${this.findTimeoutMs} ms. Show it in the workflow's run-name, e.g. \`run-name: "Deploy \${{ inputs.version }} [\${{ inputs.correlation-id }}]"\`.`,
    );
    return { id: null, url: null };
  }

  async cancel(run: { id: number }): Promise<"cancelled" | "completed"> {
    try {
      await this.octokit.rest.actions.cancelWorkflowRun({ ...this.repo, run_id: run.id });
      return "cancelled";
    } catch (error) {
      // GitHub answers 409 to a run that has already completed.
      if (statusOf(error) === 409) return "completed";
      throw toShipguardError(error, { doing: `cancel the workflow run ${run.id}`, scope: "actions: write" });
    }
  }

  /** Looks for the run that shows `correlationId`, for up to `budgetMs` (at least one look). */
  async activeRuns(workflow: string): Promise<ActiveRun[]> {
    const info = { doing: `list the runs of ${workflow}`, scope: "actions: read" } as const;
    try {
      // The newest page: a run still pending behind a hundred newer ones is not a practical case.
      const response = await this.octokit.rest.actions.listWorkflowRuns({
        ...this.repo,
        workflow_id: workflow,
        per_page: PER_PAGE,
      });
      return response.data.workflow_runs
        .filter((run) => run.status !== "completed" && run.status !== null)
        .map((run) => ({
          id: run.id,
          url: run.html_url,
          status: String(run.status),
          title: `${run.display_title ?? ""}\n${run.name ?? ""}`,
        }));
    } catch (error) {
      throw toShipguardError(error, info);
    }
  }

  private async findRun(
    input: { workflow: string; correlationId: string },
    since: number,
    budgetMs: number,
  ): Promise<(DispatchedRun & { id: number }) | null> {
    const deadline = this.now() + budgetMs;
    for (;;) {
      const match = await this.lookOnce(input, since);
      if (match !== null) return match;
      const left = deadline - this.now();
      if (left <= 0) return null;
      await this.sleep(Math.min(this.findPollMs, left));
    }
  }

  private async lookOnce(
    input: { workflow: string; correlationId: string },
    since: number,
  ): Promise<(DispatchedRun & { id: number }) | null> {
    const info = { doing: `list the runs of ${input.workflow}`, scope: "actions: read" } as const;
    const matches: RunSummary[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      let runs: RunSummary[];
      try {
        const response = await this.octokit.rest.actions.listWorkflowRuns({
          ...this.repo,
          workflow_id: input.workflow,
          event: "workflow_dispatch",
          created: `>=${isoSeconds(since)}`,
          per_page: PER_PAGE,
          page,
        });
        runs = response.data.workflow_runs;
      } catch (error) {
        throw toShipguardError(error, info);
      }
      for (const run of runs) {
        // display_title is the rendered run-name; servers that predate it put it in name.
        const title = `${run.display_title ?? ""}\n${run.name ?? ""}`;
        if (mentionsId(title, input.correlationId)) matches.push(run);
      }
      if (runs.length < PER_PAGE) break;
    }
    if (matches.length === 0) return null;
    // Newest first: the oldest match is the first dispatch; a second one would be a duplicate.
    const first = matches[matches.length - 1] as RunSummary;
    if (matches.length > 1) {
      this.logger.warning(
        `${matches.length} runs of ${input.workflow} show the correlation id ${input.correlationId}; following the first, ${first.html_url}.`,
      );
    }
    return { id: first.id, url: first.html_url };
  }
}

function checkDispatch(input: {
  workflow: string;
  ref: string;
  inputs: Record<string, string>;
  correlationId: string;
}): void {
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
      max: MAX_INPUTS,
    });
  }
  if (JSON.stringify(input.inputs).length > MAX_INPUTS_LENGTH) {
    throw shipguardError("SG_DISPATCH_INVALID", {
      workflow,
      reason: "inputs-too-long",
      max: MAX_INPUTS_LENGTH,
    });
  }
  if (input.correlationId === "" || !Object.values(input.inputs).includes(input.correlationId)) {
    // A programming error: without it a retried or detail-less dispatch cannot be recognised.
    throw shipguardError("SG_DISPATCH_INVALID", { workflow, reason: "no-correlation-id" });
  }
}

function refusesRunDetails(error: unknown): boolean {
  return /return_run_details/i.test(githubMessage(error));
}

function dispatchError(
  error: unknown,
  input: { workflow: string; ref: string; inputs: Record<string, string> },
  repo: RepoRef,
): ShipguardError {
  const status = statusOf(error);
  const said = githubMessage(error);
  const { workflow, ref } = input;
  const inputs = Object.keys(input.inputs);
  const cause = { cause: error };
  if (status === 404) {
    return shipguardError(
      "SG_WORKFLOW_NOT_FOUND",
      { workflow, ref, inputs, repository: `${repo.owner}/${repo.repo}` },
      cause,
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
      cause,
    );
  }
  return toShipguardError(error, { doing: `dispatch ${workflow} on ${ref}`, scope: "actions: write" });
}

function statusLine(status: string, url: string | null): string {
  const run = url ?? "the run";
  if (status === "waiting") {
    return `Run ${run} is waiting for an environment approval: a required reviewer must approve it in the Actions tab.`;
  }
  return `Run ${run}: ${status.replace(/_/g, " ")}.`;
}

function toConclusion(conclusion: string | null, logger: Logger): RunConclusion {
  if (conclusion !== null && (CONCLUSIONS as readonly string[]).includes(conclusion)) {
    return conclusion as RunConclusion;
  }
  // Nothing known was deployed: a conclusion shipguard does not know counts as a failure.
  logger.warning(
    `The run completed with an unknown conclusion ${JSON.stringify(conclusion)}; counted as a failure.`,
  );
  return "failure";
}

/** GitHub's search syntax takes whole seconds. */
function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, "Z");
}

function throwIfAborted(signal: AbortSignal | undefined, run: string): void {
  if (signal?.aborted) {
    throw shipguardError("SG_WAIT_CANCELLED", { run });
  }
}
