import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  Redactor
} from "./chunk-32H4JKIA.js";
import {
  OPTIONS
} from "./chunk-LVXDY2BW.js";

// src/hosts/run-secrets.ts
var SECRET_VARIABLES = ["DEPLOY_TOKEN", "CHECKS_TOKEN", "GITHUB_TOKEN", "GH_TOKEN"];
function runSecrets(env, token, source, onForm) {
  const secrets = new Redactor(onForm);
  secrets.add(token);
  for (const name of SECRET_VARIABLES) secrets.add(env[name] ?? "");
  for (const option of OPTIONS.filter((o) => o.secret)) {
    for (const line of (source(option.name) ?? "").split(/\r?\n/)) {
      if (line.trim() !== "") secrets.addUrl(line.trim());
    }
  }
  return secrets;
}

export {
  runSecrets
};
