import { writeFile } from "node:fs/promises";
import path from "node:path";
import { type ReleaseResult, runRelease } from "../../commands/release.ts";
import { releaseEvents } from "../../presenters/events.ts";
import { releaseJson, releaseOutputs, releaseSummary, releaseText } from "../../presenters/release.ts";
import { type ReleaseSettings, readReleaseSettings } from "../../settings.ts";
import { eventContext } from "../announce.ts";
import { register } from "../command.ts";

export const releaseCommand = register<ReleaseSettings, ReleaseResult>({
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
    const result = await runRelease(
      settings,
      { git, forge, logger: context.logger },
      { ...links, branch: context.branch },
    );
    if (settings.notesFile !== null && result.version.notes !== "") {
      await writeFile(path.resolve(context.workspace, settings.notesFile), result.version.notes);
    }
    return result;
  },
  present(result, settings, root) {
    const { serverUrl } = root.context;
    const repo = settings.repository;
    const tagUrl =
      result.tagSha && serverUrl && repo
        ? `${serverUrl}/${repo.owner}/${repo.repo}/releases/tag/${encodeURIComponent(result.version.tag ?? "")}`
        : null;
    const notesOnStdout = settings.notesFile === null && result.version.notes !== "";
    return {
      ok: true,
      message: result.version.reason,
      problem: null,
      outputs: releaseOutputs(result),
      summary: releaseSummary(result, tagUrl),
      text: `${result.version.reason}\n${releaseText(result)}`,
      ...(notesOnStdout ? { document: result.version.notes } : { document: "" }),
      json: releaseJson(result),
    };
  },
  announce: (result, settings, root) => ({
    notify: settings.notify,
    events: releaseEvents(result, eventContext(root, settings, null)),
    incident: null,
    where: { ...settings, ledgerFile: null },
  }),
});
