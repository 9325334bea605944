import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import formats from "ajv-formats";

/**
 * GitHub's contract for the operations shipguard uses, from test/emulator/openapi-subset.json
 * (extracted from @octokit/openapi by scripts/extract-openapi.mjs). Requests and answers are checked
 * with Ajv. Request schemas are closed (an object schema that lists properties refuses others), so
 * a misspelt or invented field is caught here instead of being silently ignored by GitHub.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export const API_VERSIONS = ["2022-11-28", "2026-03-10"] as const;
export type ApiVersion = (typeof API_VERSIONS)[number];

export interface Operation {
  operationId: string;
  method: string;
  /** The spec's path template, e.g. /repos/{owner}/{repo}/git/ref/{ref}. */
  path: string;
  summary: string;
  documentationUrl: string;
  /** Path parameters that may span several segments (x-multi-segment), such as a ref. */
  multiSegment: Set<string>;
  /** Documented answer statuses. */
  statuses: Set<number>;
  hasRequestBody: boolean;
  requestBodyRequired: boolean;
}

export interface RequestCheck {
  errors: string[];
  /** Query parameters converted to the types the spec gives them (per_page=30 -> 30). */
  query: Record<string, unknown>;
}

const SUBSET_URL = new URL("./openapi-subset.json", import.meta.url);
const SUBSET_ID = "https://shipguard.test/openapi-subset.json";

export function loadSubset(): JsonObject {
  return JSON.parse(readFileSync(SUBSET_URL, "utf8")) as JsonObject;
}

const shared = new Map<ApiVersion, Contract>();

/**
 * The contract for an API version, built once per process: compiling GitHub's larger schemas
 * (repositories, workflow runs) costs tens of milliseconds, and every emulator shares them.
 */
export function contractFor(version: ApiVersion): Contract {
  let contract = shared.get(version);
  if (!contract) {
    contract = new Contract(loadSubset(), version);
    shared.set(version, contract);
  }
  return contract;
}

export class Contract {
  readonly operations: Operation[] = [];
  private readonly document: JsonObject;
  private readonly strictAjv: Ajv;
  private readonly coercingAjv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();

  readonly version: ApiVersion;

  constructor(subset: JsonObject, version: ApiVersion = "2022-11-28") {
    this.version = version;
    const document = structuredClone(subset);
    applyBreakingChanges(document, version);
    convertNullable(document);
    closeRequestBodies(document);
    document.$id = SUBSET_ID;
    this.document = document;

    this.strictAjv = newAjv(false);
    this.coercingAjv = newAjv(true);
    this.strictAjv.addSchema(document as object);
    this.coercingAjv.addSchema(document as object);

    const paths = document.paths as Record<string, Record<string, JsonObject>>;
    for (const [path, item] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(item)) {
        const parameters = this.parameters(path, method);
        const requestBody = operation.requestBody as JsonObject | undefined;
        this.operations.push({
          operationId: String(operation.operationId),
          method: method.toUpperCase(),
          path,
          summary: String(operation.summary ?? ""),
          documentationUrl: String(
            (operation.externalDocs as JsonObject | undefined)?.url ?? "https://docs.github.com/rest",
          ),
          multiSegment: new Set(
            parameters.filter((p) => p.in === "path" && p["x-multi-segment"]).map((p) => String(p.name)),
          ),
          statuses: new Set(Object.keys(operation.responses as JsonObject).map(Number)),
          hasRequestBody: requestBody !== undefined,
          requestBodyRequired: requestBody?.required === true,
        });
      }
    }
  }

  operation(operationId: string): Operation {
    const found = this.operations.find((op) => op.operationId === operationId);
    if (!found) throw new Error(`operation ${operationId} is not in openapi-subset.json`);
    return found;
  }

  /** Checks path and query parameters and the JSON body of a request. */
  checkRequest(
    op: Operation,
    request: {
      params: Record<string, string>;
      query: Record<string, string>;
      body: unknown;
      hasBody: boolean;
    },
  ): RequestCheck {
    const errors: string[] = [];
    const query: Record<string, unknown> = { ...request.query };
    const params: Record<string, unknown> = { ...request.params };
    const pathCheck = this.validator(
      `params:path:${op.operationId}`,
      () => this.parameterSchema(op, "path"),
      true,
    );
    if (!pathCheck(params)) errors.push(...describe("path", pathCheck.errors));
    const queryCheck = this.validator(
      `params:query:${op.operationId}`,
      () => this.parameterSchema(op, "query"),
      true,
    );
    if (!queryCheck(query)) errors.push(...describe("query", queryCheck.errors));

    if (!op.hasRequestBody) {
      if (request.hasBody) errors.push(`request body: ${op.method} ${op.path} takes no body`);
    } else if (!request.hasBody) {
      if (op.requestBodyRequired) errors.push("request body: a JSON body is required");
    } else {
      const pointer = `${this.pointer(op)}/requestBody/content/application~1json/schema`;
      const bodyCheck = this.validator(pointer, () => ({ $ref: `${SUBSET_ID}#${pointer}` }), false);
      if (!bodyCheck(request.body)) errors.push(...describe("request body", bodyCheck.errors));
    }
    return { errors, query };
  }

  /** Checks an answer against the operation's documented responses. */
  checkResponse(op: Operation, status: number, body: unknown): string[] {
    if (!op.statuses.has(status)) {
      if (status < 400) return [`status ${status} is not documented for ${op.operationId}`];
      // GitHub documents few of its error answers (401, 403 and 404 are often missing);
      // an undocumented error still has GitHub's error shape.
      const check = this.validator("#/components/schemas/basic-error", () => ({
        $ref: `${SUBSET_ID}#/components/schemas/basic-error`,
      }));
      const shaped =
        typeof body === "object" && body !== null && typeof (body as JsonObject).message === "string";
      return shaped && check(body)
        ? []
        : [`error answer ${status} lacks GitHub's {message, documentation_url} shape`];
    }
    const response = this.resolve(`${this.pointer(op)}/responses/${status}`) as JsonObject;
    const content = response.content as JsonObject | undefined;
    if (!content?.["application/json"]) {
      return status === 204 && body !== undefined
        ? [`status 204 of ${op.operationId} must have no body`]
        : [];
    }
    const pointer = this.responseSchemaPointer(op, status);
    const check = this.validator(pointer, () => ({ $ref: `${SUBSET_ID}#${pointer}` }));
    return check(body) ? [] : describe(`response ${status} body`, check.errors);
  }

  private responseSchemaPointer(op: Operation, status: number): string {
    const base = `${this.pointer(op)}/responses/${status}`;
    const response = this.resolvePointer(base) as JsonObject;
    if (typeof response.$ref === "string")
      return `${response.$ref.slice(1)}/content/application~1json/schema`;
    return `${base}/content/application~1json/schema`;
  }

  private pointer(op: Operation): string {
    return `/paths/${escapePointer(op.path)}/${op.method.toLowerCase()}`;
  }

  private parameters(path: string, method: string): JsonObject[] {
    const operation = this.resolvePointer(`/paths/${escapePointer(path)}/${method}`) as JsonObject;
    return ((operation.parameters as Json[] | undefined) ?? []).map(
      (parameter) => this.follow(parameter) as JsonObject,
    );
  }

  private parameterSchema(op: Operation, location: "path" | "query"): object {
    const properties: Record<string, Json> = {};
    const required: string[] = [];
    for (const parameter of this.parameters(op.path, op.method.toLowerCase())) {
      if (parameter.in !== location) continue;
      const name = String(parameter.name);
      properties[name] = exclusiveToInclusive(structuredClone(parameter.schema ?? {}));
      if (parameter.required === true) required.push(name);
    }
    return { type: "object", properties, required, additionalProperties: false };
  }

  private validator(key: string, schema: () => object, coerce = false): ValidateFunction {
    const cacheKey = `${coerce ? "coerce" : "strict"}:${key}`;
    let validate = this.cache.get(cacheKey);
    if (!validate) {
      const ajv = coerce ? this.coercingAjv : this.strictAjv;
      validate = ajv.compile({ $id: `${SUBSET_ID}/checks/${encodeURIComponent(cacheKey)}`, ...schema() });
      this.cache.set(cacheKey, validate);
    }
    return validate;
  }

  private follow(node: Json): Json {
    if (node && typeof node === "object" && !Array.isArray(node) && typeof node.$ref === "string") {
      return this.follow(this.resolvePointer(node.$ref.slice(1)));
    }
    return node;
  }

  private resolve(pointer: string): Json {
    return this.follow(this.resolvePointer(pointer));
  }

  private resolvePointer(pointer: string): Json {
    let node: Json = this.document;
    for (const raw of pointer.split("/").slice(1)) {
      const part = raw.replaceAll("~1", "/").replaceAll("~0", "~");
      if (node === null || typeof node !== "object" || Array.isArray(node) || !(part in node)) {
        throw new Error(`no ${pointer} in openapi-subset.json`);
      }
      node = node[part] as Json;
    }
    return node;
  }
}

function newAjv(coerceTypes: boolean): Ajv {
  // strict: false because OpenAPI 3.0 schemas carry keywords JSON Schema does not know (x-*).
  const ajv = new Ajv({ strict: false, allErrors: true, coerceTypes, validateFormats: true });
  const addFormats = (formats as unknown as { default?: typeof formats }).default ?? formats;
  (addFormats as unknown as (ajv: Ajv) => void)(ajv);
  ajv.addFormat("int64", { type: "number", validate: (value: number) => Number.isSafeInteger(value) });
  return ajv;
}

/**
 * Path and query values arrive as text, so "42" fits both branches of the spec's
 * `oneOf: [integer, string]` (workflow_id): for parameters, oneOf is read as anyOf.
 */
function exclusiveToInclusive(node: Json): Json {
  if (Array.isArray(node)) return node.map(exclusiveToInclusive);
  if (node === null || typeof node !== "object") return node;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(node))
    out[key === "oneOf" ? "anyOf" : key] = exclusiveToInclusive(value);
  return out;
}

function describe(where: string, errors: ErrorObject[] | null | undefined): string[] {
  return (errors ?? []).map((error) => {
    const at = error.instancePath === "" ? "" : ` at ${error.instancePath}`;
    const params = error.params as Record<string, unknown>;
    if (error.keyword === "additionalProperties") {
      return `${where}${at}: unknown field "${String(params.additionalProperty)}" (not in GitHub's schema)`;
    }
    if (error.keyword === "enum") {
      return `${where}${at}: ${error.message} (${JSON.stringify(params.allowedValues)})`;
    }
    return `${where}${at}: ${error.message}`;
  });
}

function escapePointer(part: string): string {
  return part.replaceAll("~", "~0").replaceAll("/", "~1");
}

/**
 * Applies GitHub's x-github-breaking-changes for an API version: operations carry JSON Patch
 * arrays, schemas carry merge patches (a null removes a property; arrays replace).
 */
function applyBreakingChanges(document: JsonObject, version: ApiVersion): void {
  const visit = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const item of node) visit(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    const changes = node["x-github-breaking-changes"];
    if (Array.isArray(changes)) {
      for (const change of changes as JsonObject[]) {
        if (String(change.version) > version) continue;
        if (Array.isArray(change.patch)) applyJsonPatch(node, change.patch as JsonObject[]);
        else mergePatch(node, change.patch as JsonObject);
      }
      delete node["x-github-breaking-changes"];
    }
    for (const child of Object.values(node)) visit(child);
  };
  visit(document);
}

function applyJsonPatch(target: JsonObject, operations: JsonObject[]): void {
  for (const operation of operations) {
    const parts = String(operation.path)
      .split("/")
      .slice(1)
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"));
    const last = parts.pop();
    let parent: Json = target;
    for (const part of parts) parent = (parent as JsonObject)?.[part] ?? null;
    if (last === undefined || parent === null || typeof parent !== "object" || Array.isArray(parent))
      continue;
    if (operation.op === "remove") delete parent[last];
    else if (operation.op === "add" || operation.op === "replace") parent[last] = operation.value ?? null;
  }
}

function mergePatch(target: JsonObject, patch: JsonObject): void {
  for (const [key, value] of Object.entries(patch)) {
    const current = target[key];
    if (value === null) delete target[key];
    else if (
      typeof value === "object" &&
      !Array.isArray(value) &&
      current &&
      typeof current === "object" &&
      !Array.isArray(current)
    ) {
      mergePatch(current, value);
    } else target[key] = value;
  }
}

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema: a null type next to the declared ones, or an
 * anyOf with null where the spec combines nullable with oneOf and no type (Ajv refuses that form).
 */
function convertNullable(node: Json): void {
  if (Array.isArray(node)) {
    for (const item of node) convertNullable(item);
    return;
  }
  if (node === null || typeof node !== "object") return;
  for (const child of Object.values(node)) convertNullable(child);
  if (!("nullable" in node)) return;
  const nullable = node.nullable === true;
  delete node.nullable;
  if (!nullable) return;
  if (typeof node.type === "string") {
    node.type = [node.type, "null"];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  } else {
    const rest: JsonObject = { ...node };
    for (const key of Object.keys(node)) delete node[key];
    node.anyOf = [{ type: "null" }, rest];
  }
}

/** Makes every object schema that lists properties refuse others, inside request bodies only. */
function closeRequestBodies(document: JsonObject): void {
  const close = (node: Json): void => {
    if (Array.isArray(node)) {
      for (const item of node) close(item);
      return;
    }
    if (node === null || typeof node !== "object") return;
    if (typeof node.$ref === "string")
      throw new Error(`request body schemas with $ref are not supported: ${node.$ref}`);
    if (node.properties && typeof node.properties === "object" && node.additionalProperties === undefined) {
      node.additionalProperties = false;
    }
    for (const child of Object.values(node)) close(child);
  };
  for (const item of Object.values(document.paths as Record<string, Record<string, JsonObject>>)) {
    for (const operation of Object.values(item)) {
      const body = operation.requestBody as JsonObject | undefined;
      const schema = (body?.content as JsonObject | undefined)?.["application/json"] as
        | JsonObject
        | undefined;
      if (schema?.schema) close(schema.schema);
    }
  }
}
