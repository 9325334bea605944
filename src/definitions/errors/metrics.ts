/** `metrics`: delivery metrics from the deployment records. */
import { define } from "../define-error.ts";

export const METRICS_ERRORS = {
  SG_METRICS_ENVIRONMENT_UNKNOWN: define(
    "`metrics` was asked for an environment the ledger has no deployment of.",
    (p: { environment: string; known: string[]; ledger: string; until: string }) => ({
      message: `No deployment of ${JSON.stringify(p.environment)} in ${p.ledger} before ${p.until}. ${
        p.known.length === 0
          ? "It records no environment at all."
          : `Known environments: ${p.known.map((k) => JSON.stringify(k)).join(", ")}.`
      }`,
      remedy:
        p.known.length === 0
          ? "Deploy with shipguard first, or point `metrics` at the ledger that holds the deployments (`repository`, or `--ledger-file`)."
          : "Set `environment` to one of the known environments (names compare without case), or leave it empty to report every one.",
      input: "environment",
      value: p.environment,
    }),
    "Name one of the environments the message lists, or leave `environment` empty.",
  ),
  SG_METRICS_LEDGER_UNSUPPORTED: define(
    "The ledger cannot list every deployment with its statuses, which `metrics` reads.",
    (p: { ledger: string }) => ({
      message: `${p.ledger} cannot list every deployment with its statuses, so no metrics can be computed from it.`,
      remedy: "Run `metrics` with a shipguard version whose ledger lists deployments for metrics.",
    }),
    "Upgrade shipguard.",
  ),
};
