/** package.json: the top-level `version`, never a dependency's range or a nested object's version. */
import { type Locate, versionFileUpdater } from "./edit.ts";
import { parseJson, versionOf } from "./json.ts";

const EXPECTED = 'one "version" string at the top level of the JSON object';

export const locatePackageJson: Locate = (text, context) => {
  const root = parseJson(text, context, EXPECTED);
  return [versionOf(text, root, context, EXPECTED)];
};

export const updatePackageJson = versionFileUpdater("package.json", locatePackageJson);
