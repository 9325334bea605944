import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  isDeploymentState,
  payloadFrom,
  sameEnvironment,
  taskFor,
  truncateDescription
} from "./chunk-ZMIH3YQE.js";
import {
  reconciledWrite
} from "./chunk-CPMXLYHQ.js";
import {
  deploymentAutoMerged,
  toShipguardError
} from "./chunk-PXHYN4KK.js";
import "./chunk-XD65SSXG.js";
import "./chunk-LVXDY2BW.js";
import "./chunk-A5QYGNMP.js";

// src/adapters/github/ledger.ts
import { randomBytes } from "node:crypto";

// src/adapters/github/deployments-graphql.ts
var STATUS_FIELDS = "pageInfo { hasNextPage endCursor } nodes { state description createdAt logUrl environmentUrl }";
var DEPLOYMENTS_QUERY = `query shipguardDeployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
  repository(owner: $owner, name: $name) {
    deployments(first: 100, after: $after, environments: $environments, orderBy: {field: CREATED_AT, direction: DESC}) {
      pageInfo { hasNextPage endCursor }
      nodes {
        id environment createdAt payload
        creator { __typename login }
        statuses(first: 100) { ${STATUS_FIELDS} }
      }
    }
  }
}`;
var STATUSES_QUERY = `query shipguardStatuses($id: ID!, $after: String) {
  node(id: $id) { ... on Deployment { statuses(first: 100, after: $after) { ${STATUS_FIELDS} } } }
}`;
async function readAllDeployments(octokit, options) {
  const { environment } = options;
  const info = {
    doing: `read the deployments of ${environment ?? "every environment"} through GraphQL`,
    scope: "deployments: read"
  };
  const filtered = await readPages(octokit, info, options, environment);
  if (environment === null || filtered.listed > 0) return filtered.found;
  return (await readPages(octokit, info, options, null)).found;
}
async function readPages(octokit, info, options, filter) {
  const { repo, environment, until, logger } = options;
  const found = [];
  let listed = 0;
  let after = null;
  do {
    const answer = await query(octokit, info, DEPLOYMENTS_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      environments: filter === null ? null : [filter],
      after
    });
    const connection = answer.repository?.deployments;
    if (!connection) throw toShipguardError(graphqlFailure("NOT_FOUND", "Not Found"), info);
    for (const raw of connection.nodes ?? []) {
      if (raw === null) continue;
      listed += 1;
      if (Date.parse(raw.createdAt) >= until.getTime()) continue;
      if (environment !== null && !sameEnvironment(raw.environment ?? "", environment)) continue;
      const read = toDeployment(raw, logger);
      if (read === null) continue;
      found.push({ record: read, statuses: await allStatuses(octokit, info, raw) });
    }
    after = connection.pageInfo.hasNextPage ? connection.pageInfo.endCursor : null;
  } while (after !== null);
  return { found: found.reverse(), listed };
}
function toDeployment(raw, logger) {
  const payload = payloadFrom(raw.payload);
  if (payload === null || raw.environment === null) {
    logger.debug(`Skipping deployment ${raw.id}: not recorded by shipguard.`);
    return null;
  }
  const id = deploymentIdOf(raw.id);
  if (id === null) {
    logger.warning(
      `Skipping deployment ${raw.id} (${payload.version} to ${raw.environment}): its GitHub node id holds no deployment id this version of shipguard can read.`
    );
    return null;
  }
  const creator = raw.creator === null ? null : raw.creator.__typename === "Bot" ? `${raw.creator.login}[bot]` : raw.creator.login;
  return { id, environment: raw.environment, createdAt: raw.createdAt, creator, payload };
}
async function allStatuses(octokit, info, raw) {
  const nodes = [...raw.statuses?.nodes ?? []];
  let page = raw.statuses?.pageInfo;
  while (page?.hasNextPage && page.endCursor) {
    const answer = await query(octokit, info, STATUSES_QUERY, {
      id: raw.id,
      after: page.endCursor
    });
    const more = answer.node?.statuses;
    nodes.push(...more?.nodes ?? []);
    page = more?.pageInfo;
  }
  return orderStatuses(nodes.flatMap((node) => node === null ? [] : toStatus(node) ?? []));
}
var RANK = {
  queued: 0,
  pending: 1,
  in_progress: 2,
  success: 3,
  failure: 3,
  error: 3,
  inactive: 4
};
function orderStatuses(statuses) {
  return statuses.map((status, index) => ({ status, index })).sort(
    (a, b) => Date.parse(a.status.createdAt) - Date.parse(b.status.createdAt) || RANK[a.status.state] - RANK[b.status.state] || b.index - a.index
  ).map(({ status }) => status);
}
function toStatus(raw) {
  const state = raw.state.toLowerCase();
  if (!isDeploymentState(state)) return null;
  return {
    state,
    description: raw.description ?? "",
    createdAt: raw.createdAt,
    logUrl: raw.logUrl || null,
    environmentUrl: raw.environmentUrl || null
  };
}
function deploymentIdOf(nodeId) {
  const current = /^DE_([A-Za-z0-9_-]+)$/.exec(nodeId);
  if (current?.[1] !== void 0) {
    const values = unpackUnsignedArray(Buffer.from(current[1], "base64url"));
    const id = values?.length === 3 ? values[2] : void 0;
    return id === void 0 || id === 0n ? null : String(id);
  }
  const legacy = /^\d+:Deployment(\d+)$/.exec(Buffer.from(nodeId, "base64").toString("latin1"));
  return legacy?.[1] ?? null;
}
function unpackUnsignedArray(bytes) {
  const head = bytes[0];
  if (head === void 0 || (head & 240) !== 144) return null;
  const values = [];
  let at = 1;
  for (let n = head & 15; n > 0; n--) {
    const tag = bytes[at];
    if (tag === void 0) return null;
    const width = tag <= 127 ? 0 : { 204: 1, 205: 2, 206: 4, 207: 8 }[tag];
    if (width === void 0 || at + 1 + width > bytes.length) return null;
    values.push(
      width === 0 ? BigInt(tag) : BigInt(`0x${bytes.subarray(at + 1, at + 1 + width).toString("hex")}`)
    );
    at += 1 + width;
  }
  return at === bytes.length ? values : null;
}
async function query(octokit, info, text, variables) {
  try {
    return await octokit.graphql(text, variables);
  } catch (error) {
    const first = error.errors?.[0];
    if (first?.type !== void 0)
      throw toShipguardError(graphqlFailure(first.type, first.message ?? ""), info);
    throw toShipguardError(error, info);
  }
}
function graphqlFailure(type, message) {
  const status = { FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, UNAUTHORIZED: 401 }[type];
  return { status, message, response: { data: { message: `${message} (GraphQL ${type})` } } };
}

// src/adapters/github/ledger.ts
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
    return raw.flatMap((status) => toStatus2(status) ?? []).reverse();
  }
  /** Through GraphQL: 100 deployments with their statuses per request (see deployments-graphql.ts). */
  allDeployments(environment, until) {
    return readAllDeployments(this.#octokit, { repo: this.#repo, environment, until, logger: this.#logger });
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
function toStatus2(raw) {
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
