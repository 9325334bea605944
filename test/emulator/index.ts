export type { Fault, FaultMatch, FaultRule } from "./faults.ts";
export { Faults } from "./faults.ts";
export { type GitFixture, type GitFixtureOptions, makeGitFixture } from "./git-fixture.ts";
export { type ApiAnswer, type Harness, launch } from "./harness.ts";
export type {
  IssueCommentRecord,
  IssueRecord,
  IssueState,
  LabelRecord,
  SeedIssue,
  StateReason,
} from "./issues.ts";
export type {
  Access,
  Actor,
  DeploymentBehaviour,
  DispatchNotice,
  EmulatorOptions,
  Permissions,
  ResolvedOptions,
  RunConclusion,
  RunStatus,
  Scope,
  WorkflowBehaviour,
} from "./options.ts";
export { DEFAULT_TOKEN, GITHUB_ACTIONS_BOT } from "./options.ts";
export type { MergeMethod, PullRecord, PushCommitInput } from "./pulls.ts";
export type { SeedDeployment, SeedStatus } from "./seed-deployments.ts";
export { type Emulator, type LogEntry, startEmulator, type Violation } from "./server.ts";
export type {
  DeploymentRecord,
  DeploymentStatusRecord,
  DispatchRecord,
  EmulatorState,
  ReleaseRecord,
  RunRecord,
} from "./state.ts";
