import { parse } from "yaml";
import { ApiError } from "./api-error.ts";
import type { EmulatorState } from "./state.ts";

/** Workflow files of the backing repository, read as GitHub reads them for a workflow_dispatch. */

export interface DispatchInput {
  required: boolean;
  type: string;
  default?: unknown;
  options?: string[];
}

export interface WorkflowFile {
  /** .github/workflows/<file> */
  path: string;
  file: string;
  name: string;
  runName?: string;
  /** The workflow_dispatch trigger, undefined when the workflow has none. */
  dispatch?: { inputs: Record<string, DispatchInput> };
}

export const WORKFLOWS_DIR = ".github/workflows/";

/** The workflow path a workflow_id names: a file name, a path, or an id the emulator handed out. */
export function workflowPath(state: EmulatorState, workflowId: string): string | undefined {
  if (/^\d+$/.test(workflowId)) return state.workflowPathById(Number(workflowId));
  if (workflowId.startsWith(WORKFLOWS_DIR)) return workflowId;
  if (workflowId.includes("/")) return undefined;
  return `${WORKFLOWS_DIR}${workflowId}`;
}

export function readWorkflow(state: EmulatorState, rev: string, path: string): WorkflowFile | undefined {
  const text = state.git.readFile(rev, path);
  if (text === undefined) return undefined;
  const file = path.slice(WORKFLOWS_DIR.length);
  let document: Record<string, unknown>;
  try {
    document = (parse(text) ?? {}) as Record<string, unknown>;
  } catch {
    // GitHub still lists a broken workflow file, by its path; it cannot be dispatched.
    return { path, file, name: path };
  }
  const name = typeof document.name === "string" ? document.name : path;
  const runName = typeof document["run-name"] === "string" ? document["run-name"] : undefined;
  return { path, file, name, runName, dispatch: dispatchTrigger(document.on) };
}

function dispatchTrigger(on: unknown): WorkflowFile["dispatch"] {
  if (on === "workflow_dispatch") return { inputs: {} };
  if (Array.isArray(on)) return on.includes("workflow_dispatch") ? { inputs: {} } : undefined;
  if (on === null || typeof on !== "object" || !("workflow_dispatch" in on)) return undefined;
  const trigger = (on as Record<string, unknown>).workflow_dispatch as {
    inputs?: Record<string, unknown>;
  } | null;
  const inputs: Record<string, DispatchInput> = {};
  for (const [name, raw] of Object.entries(trigger?.inputs ?? {})) {
    const spec = (raw ?? {}) as Record<string, unknown>;
    inputs[name] = {
      required: spec.required === true,
      type: typeof spec.type === "string" ? spec.type : "string",
      default: spec.default,
      options: Array.isArray(spec.options) ? spec.options.map(String) : undefined,
    };
  }
  return { inputs };
}

/** GitHub's checks of dispatched inputs against the workflow's declaration; returns them with defaults. */
export function checkInputs(workflow: WorkflowFile, given: Record<string, unknown>): Record<string, unknown> {
  const declared = workflow.dispatch?.inputs ?? {};
  const unexpected = Object.keys(given).filter((name) => !(name in declared));
  if (unexpected.length > 0) {
    throw new ApiError(422, `Unexpected inputs provided: ${JSON.stringify(unexpected)}`);
  }
  const resolved: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(declared)) {
    const value = given[name];
    if (value === undefined) {
      if (spec.required && spec.default === undefined)
        throw new ApiError(422, `Required input '${name}' not provided`);
      if (spec.default !== undefined) resolved[name] = spec.default;
      continue;
    }
    if (value === null || typeof value === "object") {
      throw new ApiError(422, `Provided value for input '${name}' must be a string, number or boolean`);
    }
    const text = String(value);
    if (spec.type === "choice" && spec.options && !spec.options.includes(text)) {
      throw new ApiError(
        422,
        `Provided value '${text}' for input '${name}' not in the list of allowed values`,
      );
    }
    if (spec.type === "boolean" && text !== "true" && text !== "false") {
      throw new ApiError(422, `Provided value '${text}' for input '${name}' is not a boolean`);
    }
    if (spec.type === "number" && Number.isNaN(Number(text))) {
      throw new ApiError(422, `Provided value '${text}' for input '${name}' is not a number`);
    }
    resolved[name] = value;
  }
  return resolved;
}

/**
 * Evaluates a `run-name:` template the way Actions does for the contexts a dispatch has:
 * inputs.X, github.event.inputs.X, github.actor, github.ref_name, github.workflow, with `||`
 * fallbacks and 'quoted' literals. Unknown contexts are empty.
 */
export function renderRunName(
  template: string,
  context: { inputs: Record<string, unknown>; actor: string; refName: string; workflow: string },
): string {
  const lookup = (path: string): string => {
    const inputMatch =
      path.match(/^(?:github\.event\.)?inputs\.([\w-]+)$/) ?? path.match(/^inputs\[['"]([^'"]+)['"]\]$/);
    if (inputMatch?.[1] !== undefined) {
      const value = context.inputs[inputMatch[1]];
      return value === undefined || value === null ? "" : String(value);
    }
    if (path === "github.actor" || path === "github.triggering_actor") return context.actor;
    if (path === "github.ref_name") return context.refName;
    if (path === "github.workflow") return context.workflow;
    if (path === "github.event_name") return "workflow_dispatch";
    return "";
  };
  return template.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_match, expression: string) => {
    for (const operand of expression.split("||").map((part) => part.trim())) {
      const literal = operand.match(/^'(.*)'$/);
      const value = literal ? (literal[1] ?? "").replaceAll("''", "'") : lookup(operand);
      if (value !== "") return value;
    }
    return "";
  });
}
