import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  isDeploymentState,
  payloadFrom,
  sameEnvironment,
  taskFor,
  truncateDescription
} from "./chunk-ECTPGKCW.js";
import {
  reconciledWrite
} from "./chunk-VIBGHTFE.js";
import {
  deploymentAutoMerged,
  toShipguardError
} from "./chunk-TDIGCY53.js";
import "./chunk-XD65SSXG.js";
import "./chunk-YFF7JLRY.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/github/ledger.ts
import { randomBytes } from "node:crypto";
function newCorrelationId() {
  return `sg-${Date.now().toString(36)}-${randomBytes(6).toString("hex")}`;
}
var CREATE_ATTEMPTS = 3;
var RECONCILE_WINDOW = 100;
var GitHubLedger = class {
  describe;
  #octokit;
  #repo;
  #logger;
  #backoffMs;
  constructor(octokit, repo, logger, options = {}) {
    this.#octokit = octokit;
    this.#repo = { owner: repo.owner, repo: repo.repo };
    this.#logger = logger;
    this.#backoffMs = options.backoffMs ?? 1e3;
    this.describe = `the deployments of ${repo.owner}/${repo.repo} on GitHub`;
  }
  async create(input) {
    const { environment, payload } = input;
    const info = {
      doing: `create the deployment of ${payload.version} to ${environment}`,
      scope: "deployments: write",
      operation: "create-deployment"
    };
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
          ...input.productionEnvironment === void 0 ? {} : { production_environment: input.productionEnvironment },
          // No automatic retry: a lost answer would make a second deployment. Reconcile instead.
          request: { retries: 0 }
        });
        const data = answer.data;
        if (answer.status === 202 || !("id" in data)) {
          throw deploymentAutoMerged(info, input.sha, "message" in data ? data.message : void 0);
        }
        return this.#record(data, input);
      },
      made: () => this.#findAttempt(environment, input.sha, payload.correlationId),
      said: (status) => `Creating the deployment of ${payload.version} to ${environment} failed (${status}); checking whether it was made.`
    });
  }
  async setStatus(record, update) {
    const info = {
      doing: `record ${update.state} for the deployment of ${record.payload.version} to ${record.environment}`,
      scope: "deployments: write"
    };
    const logUrl = this.#httpUrl("log_url", update.logUrl);
    const environmentUrl = this.#httpUrl("environment_url", update.environmentUrl);
    try {
      await this.#octokit.rest.repos.createDeploymentStatus({
        ...this.#repo,
        deployment_id: Number(record.id),
        state: update.state,
        description: truncateDescription(update.description),
        ...logUrl === null ? {} : { log_url: logUrl },
        ...environmentUrl === null ? {} : { environment_url: environmentUrl },
        auto_inactive: true
      });
    } catch (error) {
      throw toShipguardError(error, info);
    }
  }
  async *history(environment) {
    const info = { doing: `read the deployments of ${environment}`, scope: "deployments: read" };
    const pages = this.#octokit.paginate.iterator(this.#octokit.rest.repos.listDeployments, {
      ...this.#repo,
      environment,
      per_page: 100
    });
    const iterator = pages[Symbol.asyncIterator]();
    try {
      for (; ; ) {
        let page;
        try {
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
  async statuses(record) {
    const info = {
      doing: `read the statuses of the deployment of ${record.payload.version} to ${record.environment}`,
      scope: "deployments: read"
    };
    let raw;
    try {
      raw = await this.#octokit.paginate(this.#octokit.rest.repos.listDeploymentStatuses, {
        ...this.#repo,
        deployment_id: Number(record.id),
        per_page: 100
      });
    } catch (error) {
      throw toShipguardError(error, info);
    }
    return raw.flatMap((status) => toStatus(status) ?? []).reverse();
  }
  async findByCorrelation(environment, correlationId) {
    return this.#scan({ environment }, correlationId);
  }
  /** The deployment a create attempt made, if it reached GitHub. */
  #findAttempt(environment, sha, correlationId) {
    return this.#scan({ environment, sha }, correlationId);
  }
  async #scan(filter, correlationId) {
    const info = {
      doing: `look for the deployment ${correlationId} in ${filter.environment}`,
      scope: "deployments: read"
    };
    let list;
    try {
      const answer = await this.#octokit.rest.repos.listDeployments({
        ...this.#repo,
        ...filter,
        per_page: RECONCILE_WINDOW
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
  #record(raw, input) {
    return this.#toRecord(raw) ?? { ...baseOf(raw), payload: input.payload };
  }
  #toRecord(raw) {
    const payload = payloadFrom(raw.payload);
    if (payload === null) {
      this.#logger.debug(`Skipping deployment ${raw.id}: not recorded by shipguard.`);
      return null;
    }
    return { ...baseOf(raw), payload };
  }
  /** GitHub answers 422 to a URL that is not http(s); a status is worth more than a link. */
  #httpUrl(field, value) {
    if (value === null || value === void 0 || value === "") return null;
    if (/^https?:\/\//i.test(value)) return value;
    this.#logger.warning(`Not sending ${field} ${JSON.stringify(value)}: GitHub accepts http(s) URLs only.`);
    return null;
  }
};
function baseOf(raw) {
  return {
    id: String(raw.id),
    environment: raw.environment,
    createdAt: raw.created_at,
    creator: raw.creator?.login ?? null
  };
}
function toStatus(raw) {
  if (!isDeploymentState(raw.state)) return null;
  return {
    state: raw.state,
    description: raw.description ?? "",
    createdAt: raw.created_at,
    logUrl: raw.log_url || raw.target_url || null,
    environmentUrl: raw.environment_url || null
  };
}
export {
  GitHubLedger,
  newCorrelationId
};
