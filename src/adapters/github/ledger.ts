/**
 * The Ledger port on GitHub Deployments. A deployment has no natural key, so create is sent
 * without automatic retries and, after an answer that may have been lost, reconciled by the
 * payload's correlation id before a resend: exactly one deployment per attempt. History is read
 * page by page as the caller consumes it, so "last known good" costs one page when it is recent.
 */
import { randomBytes } from "node:crypto";
import {
  isDeploymentState,
  payloadFrom,
  sameEnvironment,
  taskFor,
  truncateDescription,
} from "../../core/deployments.ts";
import type {
  DeploymentRecord,
  DeploymentState,
  DeploymentStatus,
  DeploymentWithStatuses,
  Ledger,
  Logger,
  NewDeployment,
  StatusUpdate,
} from "../../ports.ts";
import type { GitHubClient } from "./client.ts";
import { readAllDeployments } from "./deployments-graphql.ts";
import { type CallInfo, deploymentAutoMerged, toShipguardError } from "./errors.ts";
import type { RepoRef } from "./forge.ts";
import { reconciledWrite } from "./reconciled-write.ts";

/** A new id for one deploy or rollback attempt (payload, dispatch inputs, run-name). */
export function newCorrelationId(): string {
  return `sg-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}

export interface GitHubLedgerOptions {
  /** Wait before resending a create whose answer was lost, times the attempt (default 1000 ms). */
  backoffMs?: number;
}

const CREATE_ATTEMPTS = 3;
/** Enough to find an attempt made moments ago; the list is newest first. */
const RECONCILE_WINDOW = 100;

interface RawDeployment {
  id: number;
  environment: string;
  created_at: string;
  creator: { login: string } | null;
  payload: unknown;
}

interface RawStatus {
  state: string;
  description: string | null;
  created_at: string;
  log_url?: string;
  target_url?: string;
  environment_url?: string;
}

export class GitHubLedger implements Ledger {
  readonly describe: string;
  readonly #octokit: GitHubClient;
  readonly #repo: RepoRef;
  readonly #logger: Logger;
  readonly #backoffMs: number;

  constructor(octokit: GitHubClient, repo: RepoRef, logger: Logger, options: GitHubLedgerOptions = {}) {
    this.#octokit = octokit;
    this.#repo = { owner: repo.owner, repo: repo.repo };
    this.#logger = logger;
    this.#backoffMs = options.backoffMs ?? 1000;
    this.describe = `the deployments of ${repo.owner}/${repo.repo} on GitHub`;
  }

  async create(input: NewDeployment): Promise<DeploymentRecord> {
    const { environment, payload } = input;
    const info: CallInfo = {
      doing: `create the deployment of ${payload.version} to ${environment}`,
      scope: "deployments: write",
      operation: "create-deployment",
    };
    // A job re-run with the same attempt must not record it twice.
    const earlier = await this.#findAttempt(environment, input.sha, payload.correlationId);
    if (earlier !== null) return earlier;
    return reconciledWrite({
      info,
      logger: this.#logger,
      backoffMs: this.#backoffMs,
      attempts: CREATE_ATTEMPTS,
      send: async () => {
        const answer = await this.#octokit.rest.repos.createDeployment({
          ...this.#repo,
          ref: input.sha,
          environment,
          task: taskFor(payload.kind),
          payload: { ...payload },
          description: truncateDescription(input.description),
          auto_merge: false,
          required_contexts: [],
          transient_environment: false,
          ...(input.productionEnvironment === undefined
            ? {}
            : { production_environment: input.productionEnvironment }),
          // No automatic retry: a lost answer would make a second deployment. Reconcile instead.
          request: { retries: 0 },
        });
        const data = answer.data;
        // Octokit counts a 202 as success, but GitHub merged instead of deploying: nothing exists.
        if (answer.status === 202 || !("id" in data)) {
          throw deploymentAutoMerged(info, input.sha, "message" in data ? data.message : undefined);
        }
        return this.#record(data, input);
      },
      made: () => this.#findAttempt(environment, input.sha, payload.correlationId),
      said: (status) =>
        `Creating the deployment of ${payload.version} to ${environment} failed (${status}); checking whether it was made.`,
    });
  }

  async setStatus(record: DeploymentRecord, update: StatusUpdate): Promise<void> {
    const info: CallInfo = {
      doing: `record ${update.state} for the deployment of ${record.payload.version} to ${record.environment}`,
      scope: "deployments: write",
    };
    const logUrl = this.#httpUrl("log_url", update.logUrl);
    const environmentUrl = this.#httpUrl("environment_url", update.environmentUrl);
    try {
      // Retried automatically: a repeated status only repeats a line of the deployment's history.
      await this.#octokit.rest.repos.createDeploymentStatus({
        ...this.#repo,
        deployment_id: Number(record.id),
        state: update.state,
        description: truncateDescription(update.description),
        ...(logUrl === null ? {} : { log_url: logUrl }),
        ...(environmentUrl === null ? {} : { environment_url: environmentUrl }),
        auto_inactive: true,
      });
    } catch (error) {
      throw toShipguardError(error, info);
    }
  }

  async *history(environment: string): AsyncGenerator<DeploymentRecord, void, undefined> {
    const info: CallInfo = { doing: `read the deployments of ${environment}`, scope: "deployments: read" };
    const pages = this.#octokit.paginate.iterator(this.#octokit.rest.repos.listDeployments, {
      ...this.#repo,
      environment,
      per_page: 100,
    });
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (;;) {
        let page: IteratorResult<{ data: RawDeployment[] }>;
        try {
          // One page at a time: a consumer that stops early never costs the next request.
          page = await iterator.next();
        } catch (error) {
          throw toShipguardError(error, info);
        }
        if (page.done) return;
        for (const raw of page.value.data) {
          const record = this.#toRecord(raw);
          if (record !== null && sameEnvironment(record.environment, environment)) yield record;
        }
      }
    } finally {
      await iterator.return?.();
    }
  }

  async statuses(record: DeploymentRecord): Promise<DeploymentStatus[]> {
    const info: CallInfo = {
      doing: `read the statuses of the deployment of ${record.payload.version} to ${record.environment}`,
      scope: "deployments: read",
    };
    let raw: RawStatus[];
    try {
      raw = await this.#octokit.paginate(this.#octokit.rest.repos.listDeploymentStatuses, {
        ...this.#repo,
        deployment_id: Number(record.id),
        per_page: 100,
      });
    } catch (error) {
      throw toShipguardError(error, info);
    }
    // GitHub lists newest first; the port promises oldest first.
    return raw.flatMap((status) => toStatus(status) ?? []).reverse();
  }

  /** Through GraphQL: 100 deployments with their statuses per request (see deployments-graphql.ts). */
  allDeployments(environment: string | null, until: Date): Promise<DeploymentWithStatuses[]> {
    return readAllDeployments(this.#octokit, { repo: this.#repo, environment, until, logger: this.#logger });
  }

  async findByCorrelation(environment: string, correlationId: string): Promise<DeploymentRecord | null> {
    return this.#scan({ environment }, correlationId);
  }

  /** The deployment a create attempt made, if it reached GitHub. */
  #findAttempt(environment: string, sha: string, correlationId: string): Promise<DeploymentRecord | null> {
    return this.#scan({ environment, sha }, correlationId);
  }

  async #scan(
    filter: { environment: string; sha?: string },
    correlationId: string,
  ): Promise<DeploymentRecord | null> {
    const info: CallInfo = {
      doing: `look for the deployment ${correlationId} in ${filter.environment}`,
      scope: "deployments: read",
    };
    let list: RawDeployment[];
    try {
      const answer = await this.#octokit.rest.repos.listDeployments({
        ...this.#repo,
        ...filter,
        per_page: RECONCILE_WINDOW,
      });
      list = answer.data;
    } catch (error) {
      throw toShipguardError(error, info);
    }
    for (const raw of list) {
      const record = this.#toRecord(raw);
      if (record?.payload.correlationId === correlationId) return record;
    }
    return null;
  }

  #record(raw: RawDeployment, input: NewDeployment): DeploymentRecord {
    // GitHub echoes the payload; the one sent is the same and already typed.
    return this.#toRecord(raw) ?? { ...baseOf(raw), payload: input.payload };
  }

  #toRecord(raw: RawDeployment): DeploymentRecord | null {
    const payload = payloadFrom(raw.payload);
    if (payload === null) {
      this.#logger.debug(`Skipping deployment ${raw.id}: not recorded by shipguard.`);
      return null;
    }
    return { ...baseOf(raw), payload };
  }

  /** GitHub answers 422 to a URL that is not http(s); a status is worth more than a link. */
  #httpUrl(field: string, value: string | null | undefined): string | null {
    if (value === null || value === undefined || value === "") return null;
    if (/^https?:\/\//i.test(value)) return value;
    this.#logger.warning(`Not sending ${field} ${JSON.stringify(value)}: GitHub accepts http(s) URLs only.`);
    return null;
  }
}

function baseOf(raw: RawDeployment): Omit<DeploymentRecord, "payload"> {
  return {
    id: String(raw.id),
    environment: raw.environment,
    createdAt: raw.created_at,
    creator: raw.creator?.login ?? null,
  };
}

function toStatus(raw: RawStatus): DeploymentStatus | null {
  if (!isDeploymentState(raw.state)) return null;
  return {
    state: raw.state as DeploymentState,
    description: raw.description ?? "",
    createdAt: raw.created_at,
    logUrl: raw.log_url || raw.target_url || null,
    environmentUrl: raw.environment_url || null,
  };
}
