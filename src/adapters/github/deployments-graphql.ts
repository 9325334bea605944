/**
 * Every deployment of a repository with its statuses, read through GitHub's GraphQL API: 100
 * deployments with up to 100 statuses each per request, where the REST API needs one request per
 * deployment for its statuses (N+1). A deployment with more statuses costs one follow-up per 100.
 *
 * The REST id of a deployment (what shipguard's records and a rollback's `rolledBackFrom` name) is
 * read from its global node id: `databaseId` is a 32-bit Int in GitHub's schema, and deployment ids
 * have outgrown it.
 */
import { isDeploymentState, payloadFrom, sameEnvironment } from "../../core/deployments.ts";
import type { DeploymentState, DeploymentStatus, DeploymentWithStatuses, Logger } from "../../ports.ts";
import type { GitHubClient } from "./client.ts";
import { type CallInfo, toShipguardError } from "./errors.ts";
import type { RepoRef } from "./forge.ts";

const STATUS_FIELDS =
  "pageInfo { hasNextPage endCursor } nodes { state description createdAt logUrl environmentUrl }";

export const DEPLOYMENTS_QUERY = `query shipguardDeployments($owner: String!, $name: String!, $environments: [String!], $after: String) {
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

export const STATUSES_QUERY = `query shipguardStatuses($id: ID!, $after: String) {
  node(id: $id) { ... on Deployment { statuses(first: 100, after: $after) { ${STATUS_FIELDS} } } }
}`;

interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

interface RawStatus {
  state: string;
  description: string | null;
  createdAt: string;
  logUrl: string | null;
  environmentUrl: string | null;
}

interface StatusPage {
  pageInfo: PageInfo;
  nodes: (RawStatus | null)[] | null;
}

interface RawDeployment {
  id: string;
  environment: string | null;
  createdAt: string;
  payload: string | null;
  creator: { __typename: string; login: string } | null;
  statuses: StatusPage | null;
}

interface DeploymentsAnswer {
  repository: {
    deployments: { pageInfo: PageInfo; nodes: (RawDeployment | null)[] | null };
  } | null;
}

interface StatusesAnswer {
  node: { statuses?: StatusPage | null } | null;
}

export interface ReadAllOptions {
  repo: RepoRef;
  /** One environment (GitHub filters; names compare without case), or null for all. */
  environment: string | null;
  /** Only deployments created before this count. */
  until: Date;
  logger: Logger;
}

/** Reads shipguard's deployments (other tools' are skipped), oldest first, statuses oldest first. */
export async function readAllDeployments(
  octokit: GitHubClient,
  options: ReadAllOptions,
): Promise<DeploymentWithStatuses[]> {
  const { environment } = options;
  const info: CallInfo = {
    doing: `read the deployments of ${environment ?? "every environment"} through GraphQL`,
    scope: "deployments: read",
  };
  const filtered = await readPages(octokit, info, options, environment);
  // Names compare without case here; should GitHub's filter not, an environment written in
  // another case finds nothing: read every environment then (the empty case only), and filter here.
  if (environment === null || filtered.listed > 0) return filtered.found;
  return (await readPages(octokit, info, options, null)).found;
}

/** Every page, newest first from GitHub, returned oldest first; `listed`: what GitHub listed at all. */
async function readPages(
  octokit: GitHubClient,
  info: CallInfo,
  options: ReadAllOptions,
  filter: string | null,
): Promise<{ found: DeploymentWithStatuses[]; listed: number }> {
  const { repo, environment, until, logger } = options;
  const found: DeploymentWithStatuses[] = [];
  let listed = 0;
  let after: string | null = null;
  do {
    const answer: DeploymentsAnswer = await query(octokit, info, DEPLOYMENTS_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      environments: filter === null ? null : [filter],
      after,
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

function toDeployment(raw: RawDeployment, logger: Logger): DeploymentWithStatuses["record"] | null {
  const payload = payloadFrom(raw.payload);
  if (payload === null || raw.environment === null) {
    logger.debug(`Skipping deployment ${raw.id}: not recorded by shipguard.`);
    return null;
  }
  const id = deploymentIdOf(raw.id);
  if (id === null) {
    // Not silently: a node id in a form this does not read would empty the report.
    logger.warning(
      `Skipping deployment ${raw.id} (${payload.version} to ${raw.environment}): its GitHub node id holds no deployment id this version of shipguard can read.`,
    );
    return null;
  }
  const creator =
    raw.creator === null
      ? null
      : raw.creator.__typename === "Bot"
        ? `${raw.creator.login}[bot]`
        : raw.creator.login;
  return { id, environment: raw.environment, createdAt: raw.createdAt, creator, payload };
}

async function allStatuses(
  octokit: GitHubClient,
  info: CallInfo,
  raw: RawDeployment,
): Promise<DeploymentStatus[]> {
  const nodes = [...(raw.statuses?.nodes ?? [])];
  let page = raw.statuses?.pageInfo;
  while (page?.hasNextPage && page.endCursor) {
    const answer: StatusesAnswer = await query(octokit, info, STATUSES_QUERY, {
      id: raw.id,
      after: page.endCursor,
    });
    const more: StatusPage | null | undefined = answer.node?.statuses;
    nodes.push(...(more?.nodes ?? []));
    page = more?.pageInfo;
  }
  return orderStatuses(nodes.flatMap((node) => (node === null ? [] : (toStatus(node) ?? []))));
}

/** Where a status stands in a deployment's life, for statuses written within the same second. */
const RANK: Record<DeploymentState, number> = {
  queued: 0,
  pending: 1,
  in_progress: 2,
  success: 3,
  failure: 3,
  error: 3,
  inactive: 4,
};

/**
 * Oldest first. GitHub keeps whole seconds, and shipguard often writes `in_progress` and the
 * outcome within one: ties go by the life of a deployment (started, ended, made inactive).
 */
export function orderStatuses(statuses: DeploymentStatus[]): DeploymentStatus[] {
  return statuses
    .map((status, index) => ({ status, index }))
    .sort(
      (a, b) =>
        Date.parse(a.status.createdAt) - Date.parse(b.status.createdAt) ||
        RANK[a.status.state] - RANK[b.status.state] ||
        b.index - a.index,
    )
    .map(({ status }) => status);
}

function toStatus(raw: RawStatus): DeploymentStatus | null {
  const state = raw.state.toLowerCase();
  if (!isDeploymentState(state)) return null;
  return {
    state,
    description: raw.description ?? "",
    createdAt: raw.createdAt,
    logUrl: raw.logUrl || null,
    environmentUrl: raw.environmentUrl || null,
  };
}

/**
 * The REST id inside a deployment's global node id: the current form is "DE_" and the base64url
 * of a MessagePack array [0, repository id, deployment id]; the legacy form is the base64 of
 * "<n>:Deployment<id>". Null for anything else.
 */
export function deploymentIdOf(nodeId: string): string | null {
  const current = /^DE_([A-Za-z0-9_-]+)$/.exec(nodeId);
  if (current?.[1] !== undefined) {
    const values = unpackUnsignedArray(Buffer.from(current[1], "base64url"));
    const id = values?.length === 3 ? values[2] : undefined;
    return id === undefined || id === 0n ? null : String(id);
  }
  const legacy = /^\d+:Deployment(\d+)$/.exec(Buffer.from(nodeId, "base64").toString("latin1"));
  return legacy?.[1] ?? null;
}

/** A MessagePack fixarray of unsigned integers, or null when the bytes are anything else. */
function unpackUnsignedArray(bytes: Buffer): bigint[] | null {
  const head = bytes[0];
  if (head === undefined || (head & 0xf0) !== 0x90) return null;
  const values: bigint[] = [];
  let at = 1;
  for (let n = head & 0x0f; n > 0; n--) {
    const tag = bytes[at];
    if (tag === undefined) return null;
    const width = tag <= 0x7f ? 0 : ({ 204: 1, 205: 2, 206: 4, 207: 8 } as Record<number, number>)[tag];
    if (width === undefined || at + 1 + width > bytes.length) return null;
    values.push(
      width === 0 ? BigInt(tag) : BigInt(`0x${bytes.subarray(at + 1, at + 1 + width).toString("hex")}`),
    );
    at += 1 + width;
  }
  return at === bytes.length ? values : null;
}

interface GraphqlErrorLike {
  errors?: { type?: string; message?: string }[];
}

/** One GraphQL request through the client (retry and throttling plugins included). */
async function query<T>(
  octokit: GitHubClient,
  info: CallInfo,
  text: string,
  variables: Record<string, unknown>,
): Promise<T> {
  try {
    return await octokit.graphql<T>(text, variables);
  } catch (error) {
    const first = (error as GraphqlErrorLike).errors?.[0];
    if (first?.type !== undefined)
      throw toShipguardError(graphqlFailure(first.type, first.message ?? ""), info);
    throw toShipguardError(error, info);
  }
}

/** GitHub's GraphQL error types, as the HTTP answers the error mapping knows. */
function graphqlFailure(type: string, message: string) {
  const status = { FORBIDDEN: 403, NOT_FOUND: 404, RATE_LIMITED: 429, UNAUTHORIZED: 401 }[type];
  return { status, message, response: { data: { message: `${message} (GraphQL ${type})` } } };
}
