import { runSmokeCommand, type SmokeResult } from "../../commands/smoke.ts";
import { smokeOutputs, smokeSummary, smokeText } from "../../presenters/deploy.ts";
import { readSmokeSettings, type SmokeSettings } from "../../settings.ts";
import { register } from "../command.ts";

export const smokeCommand = register<SmokeSettings, SmokeResult>({
  read: readSmokeSettings,
  async run(settings, root) {
    const smoke = await root.smoke(settings.checks, root.repoDir(settings.workingDirectory));
    if (smoke === null) throw new Error("smoke settings always carry checks");
    return runSmokeCommand(settings, { smoke }, root.context);
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
