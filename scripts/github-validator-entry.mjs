// Bundled by scripts/validate-github.mjs (the validator imports its JSON schemas as modules).
import { validate } from "@actions/languageservice";
import { TextDocument } from "vscode-languageserver-textdocument";

/** GitHub's own diagnostics for one workflow or action.yml (errors and warnings). */
export async function diagnose(uri, text) {
  const document = TextDocument.create(uri, "yaml", 1, text);
  return validate(document, {});
}
