/**
 * One schema for every setting: the action reads it from inputs, the CLI from flags of the same
 * name (`tag-prefix` / `--tag-prefix`). Validation happens here, once, so commands receive typed,
 * checked values and never see raw strings. The parts live in settings/; this module is their face.
 */

// The file's parser (and the YAML library) is not re-exported here: src/registry/settings-file.ts
// loads it only when a settings file exists, so a run without one starts faster.
export type { SettingsFile } from "./settings/file-layer.ts";
export { layerSettings, readLocated } from "./settings/layered-source.ts";
export { parseRepository, ROLLBACK_SUFFIX } from "./settings/names.ts";
export {
  CLI_COMMANDS,
  type CliCommandName,
  COMMANDS,
  type CommandName,
  OPTIONS,
  type OptionSpec,
  optionsFor,
} from "./settings/options.ts";
export {
  type ChecksSource,
  type DeploySettings,
  readDeploySettings,
  readSmokeSettings,
  type SmokeSettings,
  type Strategy,
  type StrategySettings,
} from "./settings/read-deploy.ts";
export {
  NO_RELEASE_FILES,
  type ReleaseFileSettings,
  type ReleaseFiles,
  writesFiles,
} from "./settings/read-files.ts";
export {
  INCIDENT_SCHEMA,
  type IncidentSettings,
  incidentJson,
  parseIncident,
  readIncidentSettings,
} from "./settings/read-incident.ts";
export { type MetricsSettings, readMetricsSettings } from "./settings/read-metrics.ts";
export { type NotifySettings, notifyOf } from "./settings/read-notify.ts";
export { type PromotionSettings, promotionOf, trafficStepsOf } from "./settings/read-promotion.ts";
export { migrationPathsOf, type RollbackSettings, readRollbackSettings } from "./settings/read-rollback.ts";
export {
  type FloatingTags,
  type PackageSettings,
  type ReleaseSettings,
  readReleaseSettings,
  readVersionSettings,
  type VersionSettings,
} from "./settings/read-version.ts";
export { isGiven, parseBoolean, type RawSource, raw } from "./settings/values.ts";
