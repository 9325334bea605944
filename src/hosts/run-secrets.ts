/**
 * The run's secrets, known before anything runs, the same on both hosts: the GitHub token, the
 * variables that carry secrets to the deploy commands and the checks, and the secret options
 * (webhook URLs). The checks add their header values when they are read (registry/compose.ts).
 */
import { Redactor } from "../core/secrets.ts";
import { OPTIONS, type RawSource } from "../settings.ts";

/**
 * What the reusable workflows pass their secrets as (deploy.yml and rollback.yml set DEPLOY_TOKEN
 * and CHECKS_TOKEN from theirs), and the names a GitHub token goes by on the CLI and in steps.
 */
export const SECRET_VARIABLES = ["DEPLOY_TOKEN", "CHECKS_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"] as const;

/** `onForm` hears each form to mask (the action host tells the runner). */
export function runSecrets(
  env: NodeJS.ProcessEnv,
  token: string,
  source: RawSource,
  onForm?: (form: string) => void,
): Redactor {
  const secrets = new Redactor(onForm);
  secrets.add(token);
  for (const name of SECRET_VARIABLES) secrets.add(env[name] ?? "");
  // Each line of a secret option is a webhook URL: its credential parts are secret, its words not.
  for (const option of OPTIONS.filter((o) => o.secret)) {
    for (const line of (source(option.name) ?? "").split(/\r?\n/)) {
      if (line.trim() !== "") secrets.addUrl(line.trim());
    }
  }
  return secrets;
}
