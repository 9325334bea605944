/**
 * What a reusable workflow's shipguard step receives, worked out as GitHub would for one caller:
 * the caller's `with:` over the workflow_call inputs' defaults, then each `${{ ... }}` of the
 * step's `with:` map evaluated. Only the expression forms the workflows use are known; any other
 * fails loudly, so a new form in a workflow makes the test that relies on this say so.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { ROOT } from "./run-action.ts";

type Value = string | number | boolean;

interface CallInput {
  type: "string" | "number" | "boolean";
  default?: Value;
  required?: boolean;
}

export interface Caller {
  /** The caller's `with:`. */
  inputs?: Record<string, Value>;
  /** The caller's `secrets:`. */
  secrets?: Record<string, string>;
  /** What `github.token` is in the run. */
  token: string;
  /** What the workflow's GitHub App step (`id: app`, run when `app-client-id` is given) makes. */
  appToken?: string;
}

/** GitHub's text for a value passed to an action input. */
function text(value: Value | undefined): string {
  if (value === undefined) return "";
  return String(value);
}

/** The caller's inputs over the workflow's declared defaults; a boolean not given is false, a number 0, a string "". */
function callInputs(
  declared: Record<string, CallInput>,
  given: Record<string, Value>,
): Record<string, Value> {
  for (const name of Object.keys(given)) {
    if (!(name in declared)) throw new Error(`the workflow declares no input ${name}`);
  }
  const out: Record<string, Value> = {};
  for (const [name, input] of Object.entries(declared)) {
    const zero = input.type === "boolean" ? false : input.type === "number" ? 0 : "";
    const value = given[name] ?? input.default ?? zero;
    if (typeof value !== (input.type === "string" ? "string" : input.type)) {
      throw new Error(`input ${name} is a ${input.type}; the caller gave ${JSON.stringify(value)}`);
    }
    out[name] = value;
  }
  return out;
}

/** One expression, in exactly the forms the workflows write. */
function evaluate(expression: string, inputs: Record<string, Value>, caller: Caller): string {
  const secret = (name: string) => caller.secrets?.[name] ?? "";
  const input = (name: string) => {
    if (!(name in inputs)) throw new Error(`\${{ ${expression} }}: no input ${name}`);
    return inputs[name];
  };
  let m = /^inputs\.([A-Za-z0-9_-]+)$/.exec(expression);
  if (m) return text(input(m[1]!));
  m = /^secrets\.([A-Za-z0-9_]+)$/.exec(expression);
  if (m) return secret(m[1]!);
  m = /^secrets\.([A-Za-z0-9_]+) \|\| github\.token$/.exec(expression);
  if (m) return secret(m[1]!) || caller.token;
  m = /^steps\.app\.outputs\.token \|\| secrets\.([A-Za-z0-9_]+) \|\| github\.token$/.exec(expression);
  if (m) return (inputs["app-client-id"] ? (caller.appToken ?? "") : "") || secret(m[1]!) || caller.token;
  m = /^inputs\.([A-Za-z0-9_-]+) && 'true' \|\| ''$/.exec(expression);
  if (m) return input(m[1]!) ? "true" : "";
  throw new Error(`\${{ ${expression} }}: a form this evaluator does not know; teach it, as GitHub reads it`);
}

/** The `with:` of the step `id: shipguard` in a workflow of .github/workflows, as the action gets it. */
export function shipguardStepInputs(workflow: string, caller: Caller): Record<string, string> {
  const doc = YAML.parse(readFileSync(path.join(ROOT, ".github/workflows", workflow), "utf8"));
  const inputs = callInputs(doc.on.workflow_call.inputs ?? {}, caller.inputs ?? {});
  const steps = Object.values(
    doc.jobs as Record<string, { steps?: { id?: string; with?: Record<string, Value> }[] }>,
  )
    .flatMap((job) => job.steps ?? [])
    .filter((step) => step.id === "shipguard");
  if (steps.length !== 1)
    throw new Error(`${workflow}: expected one step with id shipguard, found ${steps.length}`);
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(steps[0]!.with ?? {})) {
    const raw = text(value);
    if (!raw.includes("${{")) {
      out[name] = raw;
      continue;
    }
    const whole = /^\$\{\{\s*(.+?)\s*\}\}$/.exec(raw);
    if (whole === null)
      throw new Error(`${workflow}: ${name}: an expression inside text, which this evaluator does not read`);
    out[name] = evaluate(whole[1]!, inputs, caller);
  }
  return out;
}
