/**
 * How a deploy moves through environments and traffic: the environments it must already be
 * verified in (`require-verified-in`), the override (`force` with a `reason`), and the canary's
 * traffic steps (`traffic-steps`). All checked here, before anything is deployed.
 */
import { sameEnvironment } from "../core/deployments.ts";
import { invalidInput } from "../errors.ts";
import { environmentOf } from "./names.ts";
import { optional, parseBoolean, type RawSource, raw } from "./values.ts";

export interface PromotionSettings {
  /** Environments the version must be verified in first; empty for none. */
  requireVerifiedIn: string[];
  /** Deploy although the gate is not met; only with a reason. */
  force: { reason: string } | null;
  /** Traffic percentages, increasing, the last 100; null for a plain deploy. */
  trafficSteps: number[] | null;
}

export function promotionOf(source: RawSource, environment: string, strategy: string): PromotionSettings {
  const requireVerifiedIn = gateOf(source, environment);
  const force = parseBoolean("force", raw(source, "force"));
  const reason = optional(raw(source, "reason"));
  if (force && reason === null) {
    throw invalidInput(
      "reason",
      "",
      "A forced deploy needs a reason: it goes into the deployment record.",
      'Say why the gate is overridden: `--reason "hotfix, staging is down"`, or the `reason` input.',
    );
  }
  return {
    requireVerifiedIn,
    force: force && reason !== null ? { reason } : null,
    trafficSteps: trafficStepsOf(source, strategy),
  };
}

function gateOf(source: RawSource, environment: string): string[] {
  const names = raw(source, "require-verified-in")
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const checked = names.map((name) => environmentOf(() => name, true) as string);
  const self = checked.find((name) => sameEnvironment(name, environment));
  if (self !== undefined) {
    const as = self === environment ? "" : ` (${environment})`;
    throw invalidInput(
      "require-verified-in",
      checked.join(", "),
      `It names ${self}, the environment being deployed to${as}: a version cannot be verified there before it is deployed there.`,
      "Name the environments that come before this one, such as `staging` for `production`.",
    );
  }
  // One environment however it is spelt: the first spelling stands for it.
  return checked.filter((name, i) => checked.findIndex((other) => sameEnvironment(other, name)) === i);
}

/** `10, 50, 100`: whole percentages from 1 to 100, each higher than the last, ending at 100. */
export function trafficStepsOf(source: RawSource, strategy: string): number[] | null {
  const text = raw(source, "traffic-steps").trim();
  if (text === "") return null;
  const remedy = "Give whole percentages, increasing, ending at 100, such as `10, 50, 100`.";
  const parts = text.split(/[\s,]+/).filter((part) => part !== "");
  const steps = parts.map((part) => {
    const n = Number(part.replace(/%$/, ""));
    if (!/^\d+%?$/.test(part) || n < 1 || n > 100) {
      throw invalidInput("traffic-steps", text, `\`${part}\` is not a percentage from 1 to 100.`, remedy);
    }
    return n;
  });
  steps.forEach((step, i) => {
    const before = steps[i - 1];
    if (before !== undefined && step <= before) {
      throw invalidInput(
        "traffic-steps",
        text,
        `The steps must increase: ${step} comes after ${before}.`,
        remedy,
      );
    }
  });
  if (steps.at(-1) !== 100) {
    throw invalidInput(
      "traffic-steps",
      text,
      `The last step must be 100 (all traffic); it is ${steps.at(-1)}.`,
      remedy,
    );
  }
  if (strategy !== "command") {
    throw invalidInput(
      "traffic-steps",
      text,
      `Traffic steps need the \`command\` strategy (the deploy command shifts the weights); the strategy is \`${strategy}\`.`,
      "Use `strategy: command` with a deploy-command that reads SHIPGUARD_TRAFFIC_PERCENT, or drop traffic-steps.",
    );
  }
  return steps;
}
