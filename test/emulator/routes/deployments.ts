import { ApiError, notFound, validationFailed } from "../api-error.ts";
import { paginate } from "../pagination.ts";
import type { HandlerContext, Route } from "../router.ts";
import {
  type DeploymentRecord,
  type DeploymentState,
  type DeploymentStatusRecord,
  type EmulatorState,
  isoSeconds,
} from "../state.ts";
import { deploymentStatusView, deploymentView } from "../views.ts";

/**
 * Deployments and their statuses, with GitHub's create-time semantics: auto_merge (default true)
 * merges the default branch into a branch that lacks it (202, no deployment) or conflicts (409);
 * required_contexts (default: every context) must be green (else 422).
 */

function findDeployment(context: HandlerContext): DeploymentRecord {
  const deployment = context.state.deployment(Number(context.params.deployment_id));
  if (!deployment) throw notFound();
  return deployment;
}

function autoMergeOutcome(state: EmulatorState, ref: string): 202 | 409 | undefined {
  if (ref === state.defaultBranch) return undefined;
  const branch = state.git.readRef(`refs/heads/${ref}`);
  const base = state.defaultBranchSha();
  if (!branch || !base || state.git.isAncestor(base, branch)) return undefined;
  return state.options.deployments?.autoMerge === "conflict" ? 409 : 202;
}

function mergeAnswer(state: EmulatorState, outcome: 202 | 409, ref: string) {
  if (outcome === 202) {
    return {
      status: 202,
      body: { message: `Auto-merged ${state.defaultBranch} into ${ref} on deployment.` },
    };
  }
  throw new ApiError(409, `Conflict merging ${state.defaultBranch} into ${ref}.`);
}

function failedContexts(ref: string, contexts: string[]): ApiError {
  return new ApiError(422, `Conflict: Commit status checks failed for ${ref}.`, {
    errors: [
      {
        contexts: contexts.map((context) => ({ context, state: "failure" })),
        resource: "Deployment",
        field: "required_contexts",
        code: "invalid",
      },
    ],
  });
}

const createDeployment: Route = {
  operationId: "repos/create-deployment",
  handle(context) {
    const { state, body } = context;
    const ref = String(body.ref);
    const sha = state.resolveCommitish(ref);
    if (!sha) throw new ApiError(422, `No ref found for: ${ref}`);

    const behaviour = state.options.deployments ?? {};
    const forced = behaviour.forceOutcome;
    if (forced === 202 || forced === 409) return mergeAnswer(state, forced, ref);
    if (forced === 422) throw failedContexts(ref, behaviour.failingContexts ?? ["ci/test"]);
    if (body.auto_merge !== false) {
      const outcome = autoMergeOutcome(state, ref);
      if (outcome) return mergeAnswer(state, outcome, ref);
    }
    const required = Array.isArray(body.required_contexts) ? (body.required_contexts as string[]) : undefined;
    const failing = (behaviour.failingContexts ?? []).filter(
      (name) => required === undefined || required.includes(name),
    );
    if (failing.length > 0) throw failedContexts(ref, failing);

    const environment = typeof body.environment === "string" ? body.environment : "production";
    const now = isoSeconds();
    const deployment: DeploymentRecord = {
      id: state.newId("deployment"),
      sha,
      ref,
      task: typeof body.task === "string" ? body.task : "deploy",
      payload: (body.payload as DeploymentRecord["payload"] | undefined) ?? {},
      environment,
      originalEnvironment: environment,
      description: typeof body.description === "string" ? body.description : null,
      transientEnvironment: body.transient_environment === true,
      productionEnvironment:
        typeof body.production_environment === "boolean"
          ? body.production_environment
          : environment === "production",
      createdAt: now,
      updatedAt: now,
      statuses: [],
    };
    state.deployments.push(deployment);
    return { status: 201, body: deploymentView(state, deployment) };
  },
};

const listDeployments: Route = {
  operationId: "repos/list-deployments",
  handle(context) {
    const { query, state } = context;
    const matches = state.deployments
      .filter((deployment) => query.sha === undefined || deployment.sha === query.sha)
      .filter((deployment) => query.ref === undefined || deployment.ref === query.ref)
      .filter((deployment) => query.task === undefined || deployment.task === query.task)
      .filter((deployment) => query.environment === undefined || deployment.environment === query.environment)
      .sort((a, b) => b.id - a.id);
    const page = paginate(context, matches);
    return {
      status: 200,
      body: page.items.map((deployment) => deploymentView(state, deployment)),
      headers: page.headers,
    };
  },
};

const getDeployment: Route = {
  operationId: "repos/get-deployment",
  handle: (context) => ({ status: 200, body: deploymentView(context.state, findDeployment(context)) }),
};

function assertHttpUrl(field: string, value: string): void {
  if (value === "") return;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || (url.protocol !== "http:" && url.protocol !== "https:")) {
    throw validationFailed({
      resource: "DeploymentStatus",
      field,
      code: "custom",
      message: `${field} must use http(s) scheme`,
    });
  }
}

/**
 * auto_inactive: a success marks the earlier successful deployments of the same environment
 * inactive, but only non-transient, non-production ones (as GitHub's description says).
 */
function deactivatePrevious(state: EmulatorState, current: DeploymentRecord): void {
  for (const deployment of state.deployments) {
    if (deployment === current || deployment.environment !== current.environment) continue;
    if (deployment.id > current.id || deployment.transientEnvironment) continue;
    if (deployment.productionEnvironment && !state.options.deployments?.autoInactiveProduction) continue;
    if (state.latestStatus(deployment)?.state !== "success") continue;
    deployment.statuses.push(newStatus(state, deployment, { state: "inactive" }));
    deployment.updatedAt = isoSeconds();
  }
}

/** A status of `deployment`, made now (or at `createdAt`, for history seeded by a test). */
export function newStatus(
  state: EmulatorState,
  deployment: Pick<DeploymentRecord, "environment">,
  fields: {
    state: DeploymentState;
    description?: string;
    environmentUrl?: string;
    logUrl?: string;
    createdAt?: string;
  },
): DeploymentStatusRecord {
  return {
    id: state.newId("status"),
    state: fields.state,
    description: fields.description ?? "",
    environment: deployment.environment,
    environmentUrl: fields.environmentUrl ?? "",
    logUrl: fields.logUrl ?? "",
    targetUrl: fields.logUrl ?? "",
    createdAt: fields.createdAt ?? isoSeconds(),
  };
}

const createDeploymentStatus: Route = {
  operationId: "repos/create-deployment-status",
  handle(context) {
    const { state, body } = context;
    const deployment = findDeployment(context);
    const description = typeof body.description === "string" ? body.description : "";
    if (description.length > 140) {
      throw validationFailed({
        resource: "DeploymentStatus",
        field: "description",
        code: "custom",
        message: "description is too long (maximum is 140 characters)",
      });
    }
    const logUrl = String(body.log_url ?? body.target_url ?? "");
    const environmentUrl = String(body.environment_url ?? "");
    assertHttpUrl("log_url", logUrl);
    assertHttpUrl("environment_url", environmentUrl);
    if (typeof body.environment === "string") deployment.environment = body.environment;

    const status = newStatus(state, deployment, {
      state: body.state as DeploymentState,
      description,
      environmentUrl,
      logUrl,
    });
    deployment.statuses.push(status);
    deployment.updatedAt = status.createdAt;
    if (status.state === "success" && body.auto_inactive !== false) deactivatePrevious(state, deployment);
    return { status: 201, body: deploymentStatusView(state, deployment, status) };
  },
};

const listDeploymentStatuses: Route = {
  operationId: "repos/list-deployment-statuses",
  handle(context) {
    const deployment = findDeployment(context);
    const page = paginate(context, [...deployment.statuses].reverse());
    return {
      status: 200,
      body: page.items.map((status) => deploymentStatusView(context.state, deployment, status)),
      headers: page.headers,
    };
  },
};

export const deploymentRoutes: Route[] = [
  createDeployment,
  listDeployments,
  getDeployment,
  createDeploymentStatus,
  listDeploymentStatuses,
];
