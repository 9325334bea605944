/**
 * package-lock.json and npm-shrinkwrap.json: the root's version (top-level `version` and, from
 * lockfile v2 on, `packages[""].version`) and given workspace entries (`packages["packages/core"]`).
 * The `node_modules/...` links to workspaces carry no version and stay as they are.
 */
import type { Node } from "jsonc-parser";
import {
  exactlyOne,
  fail,
  type Locate,
  type Located,
  lineAt,
  type Span,
  versionFileUpdater,
} from "./edit.ts";
import { parseJson, propertyValues, versionOf } from "./json.ts";

const ROOT_EXPECTED = 'one top-level "version" string (the root package\'s version)';
const entryExpected = (key: string) => `one "version" string in the entry packages[${JSON.stringify(key)}]`;

function entry(text: string, packages: Node | undefined, key: string, context: Located): Node {
  const expected = entryExpected(key);
  if (packages === undefined) fail(context, `${expected} (lockfile v2 or v3)`, { kind: "missing" });
  return exactlyOne(propertyValues(packages, key), (n) => lineAt(text, n.offset), context, expected);
}

export const locatePackageLock: Locate = (text, context) => {
  const root = parseJson(text, context, ROOT_EXPECTED);
  const packagesNodes = propertyValues(root, "packages");
  const packages =
    packagesNodes.length === 0
      ? undefined
      : exactlyOne(packagesNodes, (n) => lineAt(text, n.offset), context, 'one "packages" object');
  const spans: Span[] = [];
  for (const key of context.options.entries ?? [""]) {
    if (key === "") spans.push(versionOf(text, root, context, ROOT_EXPECTED));
    if (key !== "" || packages !== undefined) {
      spans.push(versionOf(text, entry(text, packages, key, context), context, entryExpected(key)));
    }
  }
  return spans;
};

export const updatePackageLock = versionFileUpdater("package-lock.json", locatePackageLock);
