import { writeFile } from "node:fs/promises";
import path from "node:path";
import { type ReleaseOutcome, type ReleaseResult, runReleaseCommand } from "../../commands/release.ts";
import { type EventContext, releaseEvents } from "../../presenters/events.ts";
import {
  releaseJson,
  releaseOutputs,
  releaseSummary,
  releaseText,
  tagUrlOf,
} from "../../presenters/release.ts";
import {
  releasePackagesJson,
  releasePackagesNotes,
  releasePackagesOutputs,
  releasePackagesProblem,
  releasePackagesReason,
  releasePackagesSummary,
  releasePackagesText,
} from "../../presenters/release-packages.ts";
import {
  pullRequestJson,
  pullRequestOutputs,
  pullRequestSentence,
  pullRequestSummary,
} from "../../presenters/release-pr.ts";
import { type ReleaseSettings, readReleaseSettings } from "../../settings.ts";
import { eventContext } from "../announce.ts";
import { register } from "../command.ts";
import type { Presentation } from "../presentation.ts";

export const releaseCommand = register<ReleaseSettings, ReleaseOutcome>({
  read: readReleaseSettings,
  async run(settings, root) {
    const { context } = root;
    const git = root.git(settings.workingDirectory);
    const forge = await root.forge(settings, git);
    // Links in the notes point where the release is: the repository the settings name.
    const links =
      settings.repository === null
        ? { serverUrl: null, repository: null }
        : { serverUrl: context.serverUrl ?? "https://github.com", repository: settings.repository };
    const outcome = await runReleaseCommand(
      settings,
      { git, forge, logger: context.logger },
      { ...links, branch: context.branch },
    );
    const notes = notesOf(outcome);
    if (settings.notesFile !== null && notes !== "") {
      await writeFile(path.resolve(context.workspace, settings.notesFile), notes);
    }
    return outcome;
  },
  present(outcome, settings, root) {
    const tagUrl = (r: ReleaseResult) => tagUrlOf(r, root.context.serverUrl, settings.repository);
    const notes = notesOf(outcome);
    // The notes on stdout, unless --notes-file took them; the report then goes to stderr.
    const document = { document: settings.notesFile === null ? notes : "" };
    if (outcome.kind === "single")
      return withPullRequest(outcome, single(outcome.result, tagUrl(outcome.result), document));
    const result = outcome.result;
    const problem = releasePackagesProblem(result);
    return withPullRequest(outcome, {
      ok: problem === null,
      message: problem?.message ?? releasePackagesReason(result),
      problem,
      outputs: releasePackagesOutputs(result),
      summary: releasePackagesSummary(result, tagUrl),
      text: `${releasePackagesReason(result)}\n${releasePackagesText(result)}`,
      ...document,
      json: releasePackagesJson(result),
    });
  },
  announce: (outcome, settings, root) => ({
    notify: settings.notify,
    events: eventsOf(outcome, eventContext(root, settings, null)),
    incident: null,
    where: { ...settings, ledgerFile: null },
  }),
});

function single(result: ReleaseResult, tagUrl: string | null, document: { document: string }): Presentation {
  return {
    ok: true,
    message: result.version.reason,
    problem: null,
    outputs: releaseOutputs(result),
    summary: releaseSummary(result, tagUrl),
    text: `${result.version.reason}\n${releaseText(result)}`,
    ...document,
    json: releaseJson(result),
  };
}

/**
 * The release pull request's outputs (empty in direct mode), and in pull-request mode its sentence
 * first: the message, the summary's head and the text say what happened to it.
 */
function withPullRequest(outcome: ReleaseOutcome, p: Presentation): Presentation {
  const report = outcome.pullRequest;
  const outputs = { ...p.outputs, ...pullRequestOutputs(report) };
  const json = { ...(p.json as Record<string, unknown>), ...pullRequestJson(report) };
  if (report === null) return { ...p, outputs, json };
  const results = outcome.kind === "single" ? [outcome.result] : outcome.result.releases;
  const proposed = results.filter((r) => r.version.releaseNeeded).map((r) => r.version.tag ?? "");
  const sentence = pullRequestSentence(report, proposed);
  if (report.action === "released") {
    return {
      ...p,
      outputs,
      json,
      summary: `${pullRequestSummary(report, proposed)}${p.summary}`,
      // The pull request's steps too: a later run's release of a missed merge, and its new proposal.
      text: `${sentence}\n${report.steps.join("\n")}\n${p.text}`,
    };
  }
  // While it is open nothing is released: the release's own head line would say otherwise.
  const rest = p.summary.replace(/^### .*\n/, "");
  return {
    ...p,
    message: sentence,
    outputs,
    json,
    summary: `${pullRequestSummary(report, proposed)}${rest}`,
    text: `${sentence}\n${report.steps.join("\n")}\n${report.diff}`,
  };
}

/** The release notes: the one release's, or each package's under its release's title. */
function notesOf(outcome: ReleaseOutcome): string {
  return outcome.kind === "single" ? outcome.result.version.notes : releasePackagesNotes(outcome.result);
}

/** `released` for each release this run made; a re-run that found them complete tells nothing. */
function eventsOf(outcome: ReleaseOutcome, c: EventContext) {
  if (outcome.kind === "single") return releaseEvents(outcome.result, c);
  return outcome.result.releases.flatMap((r) => releaseEvents(r, c));
}
