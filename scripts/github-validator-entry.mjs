// Bundled by scripts/validate-github.mjs (the validator imports its JSON schemas as modules).
import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { validate } from "@actions/languageservice";
import { TextDocument } from "vscode-languageserver-textdocument";

/**
 * Gives the validator the reusable workflows a job calls, so that it checks the call's `with:` and
 * `secrets:` against the called workflow's inputs and `needs.<id>.outputs` / `jobs.<id>.outputs`
 * against its outputs. Nothing is fetched from the network: a path in this repository
 * (`./.github/workflows/deploy.yml`, or the self-repository `$/.github/workflows/deploy.yml` that
 * promote.yml uses) is read from the repository of the file being checked, and a reference to
 * shipguard's own workflows (`<owner>/shipguard/.github/workflows/x.yml@<sha>`, as the README's
 * callers write it) from this checkout. Any other remote workflow cannot be read and is reported
 * as not found: give it a local copy here before calling one.
 *
 * GitHub's parser (`parseFileReference`) hands `./x` and `$/x` over alike, as `{ path: x }`. For
 * `$/` that is exact: the file's own repository at the running commit. For `./` it is exact in a
 * top-level workflow only; scripts/workflow-policy.mjs refuses a `./` job call in a reusable
 * workflow, where it may resolve in the caller's repository. The validator itself refuses a `$/`
 * with an `@ref` and one outside .github/workflows/.
 */
function workflowFiles(uri, shipguardRoot) {
  // <root>/.github/workflows/<name>.yml
  const root = path.resolve(path.dirname(fileURLToPath(uri)), "..", "..");
  return {
    async getFileContent(ref) {
      const from = !("repository" in ref) ? root : ref.repository === "shipguard" ? shipguardRoot : null;
      if (from === null) throw new Error(`${ref.owner}/${ref.repository} is not available offline`);
      return { name: ref.path, content: readFileSync(path.join(from, ref.path), "utf8") };
    },
  };
}

/** GitHub's own diagnostics for one workflow or action.yml (errors and warnings). */
export async function diagnose(uri, text, shipguardRoot) {
  const document = TextDocument.create(uri, "yaml", 1, text);
  return validate(document, { fileProvider: workflowFiles(uri, shipguardRoot) });
}
