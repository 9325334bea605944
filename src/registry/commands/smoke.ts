import { runSmokeCommand, type SmokeResult } from "../../commands/smoke.ts";
import { smokeOutputs, smokeSummary, smokeText } from "../../presenters/deploy.ts";
import { readSmokeSettings, type SmokeSettings } from "../../settings.ts";
import { register } from "../command.ts";

export const smokeCommand = register<SmokeSettings, SmokeResult>({
  read: readSmokeSettings,
  async run(settings, root) {
    const repoDir = root.repoDir(settings.workingDirectory);
    const smoke = await root.smoke(settings.checks, repoDir);
    if (smoke === null) throw new Error("smoke settings always carry checks");
    // Only without a version: the ledger then says which version the checks should expect.
    const ledger =
      settings.version === null && settings.environment !== null
        ? await root.ledger(await root.github(settings.repository, "smoke"), repoDir, settings.ledgerFile)
        : null;
    return runSmokeCommand(settings, { smoke, ledger }, root.context);
  },
  present: (r) => ({
    ok: r.verdict === "pass",
    message: r.message,
    problem: null,
    outputs: smokeOutputs(r),
    summary: smokeSummary(r.report),
    text: smokeText(r.report),
    json: r.report,
  }),
});
