/**
 * The action's entry point: the action host runs the command its `command` input names. With
 * cli.ts, the only code that reads the environment.
 */
import * as core from "@actions/core";
import { describeFailure } from "./errors.ts";
import { actionHost } from "./hosts/action.ts";
import { execute } from "./registry/index.ts";

try {
  const host = actionHost(process.env);
  await execute(host, host.command);
} catch (error) {
  core.setFailed(describeFailure(error));
}
