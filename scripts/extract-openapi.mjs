#!/usr/bin/env node
// Extracts the GitHub REST operations shipguard uses from @octokit/openapi's description of
// api.github.com into test/emulator/openapi-subset.json, so the emulator checks requests and answers
// against GitHub's own contract without shipping the 13 MB description.
//
// Usage (installs nothing into the repository):
//   npm install --no-save --prefix /tmp/openapi @octokit/openapi
//   node scripts/extract-openapi.mjs /tmp/openapi/node_modules/@octokit/openapi/generated/api.github.com.json
//
// What is kept: each operation's operationId, summary, documentation URL, parameters, request body,
// responses and x-github-breaking-changes, and every component they reach through $ref (copied into
// the subset's components). Prose (descriptions) and examples are dropped to keep the file small.
// Where GitHub's description disagrees with what GitHub answers, a patch is applied and listed in
// the subset's "x-shipguard-patches" section with the reason, so every departure is visible.

import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const OPERATIONS = [
  ["get", "/user"],
  ["get", "/repos/{owner}/{repo}"],
  ["get", "/repos/{owner}/{repo}/git/ref/{ref}"],
  ["get", "/repos/{owner}/{repo}/git/matching-refs/{ref}"],
  ["post", "/repos/{owner}/{repo}/git/refs"],
  ["patch", "/repos/{owner}/{repo}/git/refs/{ref}"],
  ["delete", "/repos/{owner}/{repo}/git/refs/{ref}"],
  ["post", "/repos/{owner}/{repo}/git/tags"],
  ["get", "/repos/{owner}/{repo}/git/tags/{tag_sha}"],
  ["get", "/repos/{owner}/{repo}/commits/{ref}"],
  ["post", "/repos/{owner}/{repo}/releases"],
  ["get", "/repos/{owner}/{repo}/releases"],
  ["get", "/repos/{owner}/{repo}/releases/tags/{tag}"],
  ["get", "/repos/{owner}/{repo}/releases/latest"],
  ["get", "/repos/{owner}/{repo}/releases/{release_id}"],
  ["patch", "/repos/{owner}/{repo}/releases/{release_id}"],
  ["delete", "/repos/{owner}/{repo}/releases/{release_id}"],
  ["post", "/repos/{owner}/{repo}/deployments"],
  ["get", "/repos/{owner}/{repo}/deployments"],
  ["get", "/repos/{owner}/{repo}/deployments/{deployment_id}"],
  ["post", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses"],
  ["get", "/repos/{owner}/{repo}/deployments/{deployment_id}/statuses"],
  ["post", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches"],
  ["get", "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs"],
  ["get", "/repos/{owner}/{repo}/actions/runs"],
  ["get", "/repos/{owner}/{repo}/actions/runs/{run_id}"],
  ["post", "/repos/{owner}/{repo}/actions/runs/{run_id}/cancel"],
  ["post", "/repos/{owner}/{repo}/issues"],
  ["get", "/repos/{owner}/{repo}/issues"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["get", "/repos/{owner}/{repo}/issues/{issue_number}/comments"],
  ["post", "/repos/{owner}/{repo}/git/trees"],
  ["post", "/repos/{owner}/{repo}/git/commits"],
  ["get", "/repos/{owner}/{repo}/git/commits/{commit_sha}"],
  ["get", "/repos/{owner}/{repo}/pulls"],
  ["post", "/repos/{owner}/{repo}/pulls"],
  ["get", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["patch", "/repos/{owner}/{repo}/pulls/{pull_number}"],
  ["put", "/repos/{owner}/{repo}/pulls/{pull_number}/merge"],
  ["get", "/repos/{owner}/{repo}/commits/{commit_sha}/pulls"],
  ["post", "/repos/{owner}/{repo}/issues/{issue_number}/labels"],
  ["delete", "/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}"],
];

const DISPATCH = "/repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches";

/**
 * Departures from the upstream description. Each `applies` looks at the extracted subset and says
 * whether the patch is needed (upstream may fix things); `apply` changes the subset in place.
 */
const PATCHES = [
  {
    id: "dispatch-return-run-details",
    reason:
      "GitHub changelog, February 2026 ('Workflow dispatch API now returns run IDs'): " +
      "POST .../dispatches accepts `return_run_details: true` and then answers 200 " +
      "{workflow_run_id, run_url, html_url} instead of 204. Added only when the upstream " +
      "description does not list it yet.",
    applies: (subset) => {
      const op = subset.paths[DISPATCH].post;
      const schema = op.requestBody.content["application/json"].schema;
      return !schema.properties.return_run_details || !op.responses["200"];
    },
    apply: (subset) => {
      const op = subset.paths[DISPATCH].post;
      const schema = op.requestBody.content["application/json"].schema;
      schema.properties.return_run_details = { type: "boolean" };
      subset.components.schemas["workflow-dispatch-response"] ??= {
        title: "Workflow Dispatch Response",
        type: "object",
        properties: {
          workflow_run_id: { type: "integer", format: "int64" },
          run_url: { type: "string", format: "uri" },
          html_url: { type: "string", format: "uri" },
        },
        required: ["workflow_run_id", "run_url", "html_url"],
      };
      op.responses["200"] ??= {
        content: {
          "application/json": { schema: { $ref: "#/components/schemas/workflow-dispatch-response" } },
        },
      };
    },
  },
  {
    id: "runs-created-is-a-search-range",
    reason:
      "The `created` query parameter of the workflow-run lists is described as format date-time, " +
      "but GitHub takes the search syntax there (`>=2026-01-01`, `2026-01-01..2026-02-01`), as its " +
      "own description of the parameter says. The format is dropped.",
    applies: (subset) => subset.components.parameters.created?.schema?.format === "date-time",
    apply: (subset) => {
      delete subset.components.parameters.created.schema.format;
    },
  },
  {
    id: "deployment-status-empty-urls",
    reason:
      'A deployment status created without target_url/log_url/environment_url carries "" in ' +
      "those fields (the description's own default), which is not a valid `format: uri`. The " +
      "fields accept a URI or the empty string.",
    applies: (subset) =>
      ["target_url", "log_url", "environment_url"].some(
        (field) => subset.components.schemas["deployment-status"]?.properties[field]?.format === "uri",
      ),
    apply: (subset) => {
      const properties = subset.components.schemas["deployment-status"].properties;
      for (const field of ["target_url", "log_url", "environment_url"]) {
        const { format: _format, ...rest } = properties[field];
        properties[field] = { ...rest, anyOf: [{ format: "uri" }, { maxLength: 0 }] };
      }
    },
  },
  {
    id: "pull-request-label-description-nullable",
    reason:
      "The labels of a pull request (pull-request, pull-request-simple) describe `description` as a " +
      "string, but a label without a description carries null there, as the `label` schema itself " +
      "says (a label made on the fly by add-labels has none). The field accepts null.",
    applies: (subset) =>
      ["pull-request", "pull-request-simple"].some(
        (name) =>
          subset.components.schemas[name]?.properties.labels.items.properties.description.nullable !== true,
      ),
    apply: (subset) => {
      for (const name of ["pull-request", "pull-request-simple"]) {
        subset.components.schemas[name].properties.labels.items.properties.description.nullable = true;
      }
    },
  },
  {
    id: "pulls-create-head-repo-format",
    reason:
      "POST pulls describes `head_repo` with the custom format `repo.nwo` (owner/name), which no " +
      "validator knows; it is checked as a plain string.",
    applies: (subset) =>
      subset.paths["/repos/{owner}/{repo}/pulls"].post.requestBody.content["application/json"].schema
        .properties.head_repo?.format === "repo.nwo",
    apply: (subset) => {
      delete subset.paths["/repos/{owner}/{repo}/pulls"].post.requestBody.content["application/json"].schema
        .properties.head_repo.format;
    },
  },
];

const DROPPED_KEYS = new Set(["description", "example", "examples", "x-github", "x-octokit", "tags"]);

/** Copies a JSON value without prose and examples; keys under `properties` are names, kept as is. */
function strip(value, underProperties = false) {
  if (Array.isArray(value)) return value.map((item) => strip(item));
  if (value === null || typeof value !== "object") return value;
  const out = {};
  for (const [key, child] of Object.entries(value)) {
    if (!underProperties && DROPPED_KEYS.has(key) && (key !== "description" || typeof child === "string")) {
      continue;
    }
    out[key] = strip(child, !underProperties && key === "properties");
  }
  return out;
}

function collectRefs(value, found) {
  if (Array.isArray(value)) {
    for (const item of value) collectRefs(item, found);
  } else if (value !== null && typeof value === "object") {
    for (const [key, child] of Object.entries(value)) {
      if (key === "$ref" && typeof child === "string") found.add(child);
      else collectRefs(child, found);
    }
  }
}

function resolvePointer(document, ref) {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
  return ref
    .slice(2)
    .split("/")
    .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
    .reduce((node, part) => {
      if (node === undefined || !(part in node)) throw new Error(`unresolvable $ref ${ref}`);
      return node[part];
    }, document);
}

function extract(spec) {
  const subset = {
    openapi: spec.openapi,
    info: {
      title: "GitHub REST API: the operations shipguard uses",
      version: spec.info.version,
      "x-source": "@octokit/openapi generated/api.github.com.json",
      "x-generated-by": "scripts/extract-openapi.mjs",
    },
    servers: spec.servers,
    "x-shipguard-patches": [],
    // Patches checked and found unnecessary because upstream already says it.
    "x-shipguard-patches-not-needed": [],
    paths: {},
    components: {},
  };

  for (const [method, path] of OPERATIONS) {
    const operation = spec.paths[path]?.[method];
    if (!operation) throw new Error(`${method.toUpperCase()} ${path} is not in the description`);
    const { operationId, summary, externalDocs, parameters, requestBody, responses } = operation;
    subset.paths[path] ??= {};
    subset.paths[path][method] = strip({
      operationId,
      summary,
      externalDocs: externalDocs ? { url: externalDocs.url } : undefined,
      parameters,
      requestBody,
      responses,
      "x-github-breaking-changes": operation["x-github-breaking-changes"],
    });
    // summary is prose too, but short and it names the operation in violation messages.
    subset.paths[path][method].summary = summary;
  }

  // Copy every component reachable from the operations, transitively.
  const pending = new Set();
  collectRefs(subset.paths, pending);
  const copied = new Set();
  while (pending.size > 0) {
    const [ref] = pending;
    pending.delete(ref);
    if (copied.has(ref)) continue;
    copied.add(ref);
    const [, section, name] = ref.match(/^#\/components\/([^/]+)\/(.+)$/) ?? [];
    if (!section) throw new Error(`unexpected $ref ${ref}`);
    const component = strip(resolvePointer(spec, ref));
    subset.components[section] ??= {};
    subset.components[section][name] = component;
    const inner = new Set();
    collectRefs(component, inner);
    for (const next of inner) if (!copied.has(next)) pending.add(next);
  }
  for (const section of Object.keys(subset.components)) {
    subset.components[section] = Object.fromEntries(
      Object.entries(subset.components[section]).sort(([a], [b]) => a.localeCompare(b)),
    );
  }

  for (const patch of PATCHES) {
    if (!patch.applies(subset)) {
      subset["x-shipguard-patches-not-needed"].push(patch.id);
      continue;
    }
    patch.apply(subset);
    subset["x-shipguard-patches"].push({ id: patch.id, reason: patch.reason });
  }

  // Every $ref must resolve inside the subset.
  const refs = new Set();
  collectRefs(subset, refs);
  for (const ref of refs) resolvePointer(subset, ref);
  return subset;
}

const input = process.argv[2];
if (!input) {
  console.error("usage: node scripts/extract-openapi.mjs <path to @octokit/openapi api.github.com.json>");
  process.exit(2);
}
const spec = JSON.parse(readFileSync(input, "utf8"));
const subset = extract(spec);
const output = join(dirname(fileURLToPath(import.meta.url)), "..", "test", "emulator", "openapi-subset.json");
const text = `${JSON.stringify(subset, null, 1)}\n`;
writeFileSync(output, text);
const operations = Object.values(subset.paths).reduce((n, item) => n + Object.keys(item).length, 0);
const components = Object.values(subset.components).reduce((n, items) => n + Object.keys(items).length, 0);
console.log(
  `wrote ${output}: ${operations} operations, ${components} components, ${(text.length / 1024).toFixed(0)} KiB, ` +
    `patches: ${subset["x-shipguard-patches"].map((patch) => patch.id).join(", ") || "none"}`,
);
