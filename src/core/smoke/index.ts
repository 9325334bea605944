export { expandSuite, maskSecrets, secretValues } from "./expand-suite.ts";
export { CHECK_KEYS, parseChecks } from "./parse-checks.ts";
export { SETTINGS_KEYS } from "./parse-settings.ts";
export { nearestRank } from "./percentiles.ts";
export type * from "./types.ts";
