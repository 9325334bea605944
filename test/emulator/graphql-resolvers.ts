/**
 * The GraphQL resolvers over the emulator's state: `repository.deployments` (environments filter,
 * orderBy CREATED_AT, first/after and last/before cursors), each deployment's `statuses` and
 * `latestStatus`, `node(id:)` for a deployment, and `rateLimit`. Connections follow GitHub's rules:
 * `first` or `last` is required and at most 100, else the field is null with GitHub's error type.
 */
import {
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  Kind,
  type SelectionSetNode,
  valueFromASTUntyped,
} from "graphql";
import type { RateLimit } from "./rate-limit.ts";
import type { DeploymentRecord, DeploymentStatusRecord, EmulatorState } from "./state.ts";
import { nodeId } from "./views.ts";

/** An error GitHub reports with a `type` (EXCESSIVE_PAGINATION, NOT_FOUND...). */
export class GraphQLFailure extends Error {
  readonly type: string;

  constructor(type: string, message: string) {
    super(message);
    this.type = type;
  }
}

const MAX_PAGE = 100;

interface PageArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** GitHub's cursors are opaque; these are "cursor:v2:<index>" in base64, as GitHub's look. */
function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index}`).toString("base64");
}

function indexOf(cursor: string, connection: string): number {
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, "base64").toString("utf8"));
  if (!match)
    throw new GraphQLFailure(
      "INVALID_CURSOR_ARGUMENTS",
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  void connection;
  return Number(match[1]);
}

/** A connection of `items` cut by first/after or last/before, with pageInfo and totalCount. */
function connection<T>(items: T[], args: PageArgs, name: string) {
  const { first, last } = args;
  if ((first === undefined || first === null) && (last === undefined || last === null)) {
    throw new GraphQLFailure(
      "MISSING_PAGINATION_BOUNDARIES",
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${name}\` connection.`,
    );
  }
  for (const [key, value] of [
    ["first", first],
    ["last", last],
  ] as const) {
    if (typeof value === "number" && value > MAX_PAGE) {
      throw new GraphQLFailure(
        "EXCESSIVE_PAGINATION",
        `Requesting ${value} records on the \`${name}\` connection exceeds the \`${key}\` limit of ${MAX_PAGE} records.`,
      );
    }
    if (typeof value === "number" && value < 0) {
      throw new GraphQLFailure(
        "INVALID_PAGINATION",
        `\`${key}\` on the \`${name}\` connection cannot be less than zero.`,
      );
    }
  }
  let start = args.after ? indexOf(args.after, name) + 1 : 0;
  let end = args.before ? indexOf(args.before, name) : items.length;
  if (typeof first === "number") end = Math.min(end, start + first);
  if (typeof last === "number") start = Math.max(start, end - last);
  const slice = items.slice(start, end);
  return {
    totalCount: items.length,
    nodes: slice,
    edges: slice.map((node, i) => ({ node, cursor: cursorOf(start + i) })),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice.length > 0 ? cursorOf(start) : null,
      endCursor: slice.length > 0 ? cursorOf(end - 1) : null,
    },
  };
}

function statusNode(state: EmulatorState, status: DeploymentStatusRecord) {
  return {
    __typename: "DeploymentStatus",
    id: nodeId("DeploymentStatus", status.id),
    state: status.state.toUpperCase(),
    description: status.description,
    environment: status.environment,
    environmentUrl: status.environmentUrl === "" ? null : status.environmentUrl,
    logUrl: status.logUrl === "" ? (status.targetUrl === "" ? null : status.targetUrl) : status.logUrl,
    createdAt: status.createdAt,
    updatedAt: status.createdAt,
    creator: () => actorNode(state),
  };
}

/** GraphQL names a bot without REST's "[bot]" suffix. */
function actorNode(state: EmulatorState) {
  const actor = state.options.actor;
  const bot = actor.type === "Bot";
  return { __typename: bot ? "Bot" : "User", login: bot ? actor.login.replace(/\[bot\]$/, "") : actor.login };
}

function refNode(state: EmulatorState, ref: string) {
  if (/^[0-9a-f]{40}$/i.test(ref)) return null;
  const tag = state.git.readRef(`refs/tags/${ref}`) !== undefined;
  return { __typename: "Ref", name: ref, prefix: tag ? "refs/tags/" : "refs/heads/" };
}

/**
 * GitHub's current global id of a deployment: "DE_" and the base64url of the MessagePack array
 * [0, repository id, deployment id]. (The emulator's REST node_id keeps its older form.)
 */
export function deploymentNodeId(state: EmulatorState, id: number): string {
  const uint = (n: number): Buffer => {
    if (n <= 0x7f) return Buffer.from([n]);
    const bytes = Buffer.alloc(5);
    bytes[0] = 0xce;
    bytes.writeUInt32BE(n, 1);
    return bytes;
  };
  const packed = Buffer.concat([Buffer.from([0x93]), uint(0), uint(state.repositoryId), uint(id)]);
  return `DE_${packed.toString("base64url")}`;
}

function deploymentNode(state: EmulatorState, deployment: DeploymentRecord) {
  // GitHub lists a deployment's statuses newest first, as the REST list does.
  const statuses = [...deployment.statuses].reverse();
  const latest = deployment.statuses.at(-1);
  return {
    __typename: "Deployment",
    id: deploymentNodeId(state, deployment.id),
    // An Int (32 bits) in GitHub's schema, with no BigInt twin for deployments: ids past 2^31 are
    // a field error here (graphql-js); clients read the id from the node id instead.
    databaseId: deployment.id,
    environment: deployment.environment,
    latestEnvironment: deployment.environment,
    originalEnvironment: deployment.originalEnvironment,
    createdAt: deployment.createdAt,
    updatedAt: deployment.updatedAt,
    description: deployment.description,
    task: deployment.task,
    payload: typeof deployment.payload === "string" ? deployment.payload : JSON.stringify(deployment.payload),
    commitOid: deployment.sha,
    commit: { __typename: "Commit", oid: deployment.sha, id: nodeId("Commit", deployment.sha) },
    ref: () => refNode(state, deployment.ref),
    creator: () => actorNode(state),
    latestStatus: latest ? statusNode(state, latest) : null,
    statuses: (args: PageArgs) =>
      connection(
        statuses.map((status) => statusNode(state, status)),
        args,
        "statuses",
      ),
  };
}

interface DeploymentsArgs extends PageArgs {
  environments?: string[] | null;
  orderBy?: { field: string; direction: "ASC" | "DESC" } | null;
}

function deploymentsOf(state: EmulatorState, args: DeploymentsArgs) {
  const exact = state.options.deployments?.caseSensitiveEnvironmentFilter === true;
  const name = (text: string) => (exact ? text : text.toLowerCase());
  const wanted = args.environments?.map(name);
  const direction = args.orderBy?.direction ?? "ASC";
  const list = state.deployments
    .filter((deployment) => !wanted || wanted.includes(name(deployment.environment)))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
  if (direction === "DESC") list.reverse();
  return connection(
    list.map((deployment) => deploymentNode(state, deployment)),
    args,
    "deployments",
  );
}

/** The query root: `repository`, `node` and `rateLimit`. */
export function rootValue(state: EmulatorState, cost: number, rateLimit: RateLimit) {
  const { owner, repo } = state.options;
  return {
    repository: ({ owner: o, name }: { owner: string; name: string }) => {
      if (o.toLowerCase() !== owner.toLowerCase() || name.toLowerCase() !== repo.toLowerCase()) {
        throw new GraphQLFailure(
          "NOT_FOUND",
          `Could not resolve to a Repository with the name '${o}/${name}'.`,
        );
      }
      return {
        __typename: "Repository",
        id: nodeId("Repository", state.repositoryId),
        databaseId: state.repositoryId,
        name: repo,
        nameWithOwner: `${owner}/${repo}`,
        deployments: (args: DeploymentsArgs) => deploymentsOf(state, args),
      };
    },
    node: ({ id }: { id: string }) => {
      const deployment = state.deployments.find((d) => deploymentNodeId(state, d.id) === id);
      if (!deployment) {
        throw new GraphQLFailure("NOT_FOUND", `Could not resolve to a node with the global id of '${id}'`);
      }
      return deploymentNode(state, deployment);
    },
    rateLimit: () => ({
      cost,
      limit: rateLimit.limit,
      remaining: Math.max(0, rateLimit.limit - rateLimit.used),
      used: rateLimit.used,
      resetAt: new Date(rateLimit.resetAt).toISOString().replace(/\.\d{3}Z$/, "Z"),
      nodeCount: 0,
    }),
  };
}

/**
 * GitHub's point cost: the requests each connection would need (its parents' page sizes
 * multiplied), summed, divided by 100 and rounded, at least 1.
 */
export function queryCost(document: DocumentNode, variables: Record<string, unknown>): number {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let requests = 0;
  const walk = (set: SelectionSetNode | undefined, multiplier: number): void => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === Kind.FRAGMENT_SPREAD)
        walk(fragments.get(selection.name.value)?.selectionSet, multiplier);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet, multiplier);
      else
        walk(
          selection.selectionSet,
          multiplier * pageSize(selection, variables, () => (requests += multiplier)),
        );
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) walk(definition.selectionSet, 1);
  }
  return Math.max(1, Math.round(requests / 100));
}

function pageSize(field: FieldNode, variables: Record<string, unknown>, isConnection: () => void): number {
  for (const argument of field.arguments ?? []) {
    if (argument.name.value !== "first" && argument.name.value !== "last") continue;
    const value = valueFromASTUntyped(argument.value, variables);
    if (typeof value === "number") {
      isConnection();
      return value;
    }
  }
  return 1;
}
