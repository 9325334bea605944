/**
 * The version options' values, each read and checked by one function, for the top level and for
 * each package of a monorepo alike. `input` is how an error names the setting: `initial-version`,
 * or `packages."packages/api".initial-version`.
 */
import semver from "semver";
import { parseReleaseRules } from "../core/rules.ts";
import { validateRefComponent } from "../core/tags.ts";
import { type ReleaseRule, SQUASH_BULLETS, type SquashBullets } from "../core/types.ts";
import { invalidInput } from "../errors.ts";
import { optional } from "./values.ts";

const PRERELEASE_ID = /^[0-9A-Za-z-]+$/;
const BUILD_METADATA = /^[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*$/;

export function tagPrefixOf(value: string, input: string): string {
  validateRefComponent(value, input, "prefix");
  return value;
}

export function releaseRulesOf(value: string, input: string): ReleaseRule[] {
  return parseReleaseRules(value, input);
}

export function initialVersionOf(value: string, input: string): string {
  const version = value.trim();
  if (semver.valid(version) === null || version.startsWith("v")) {
    throw invalidInput(input, version, "Expected a SemVer version such as `1.0.0` or `0.1.0`.");
  }
  return version;
}

export function squashBulletsOf(value: string, input: string): SquashBullets {
  const mode = value.trim().toLowerCase();
  if (!(SQUASH_BULLETS as readonly string[]).includes(mode)) {
    throw invalidInput(input, mode, "Expected `never`, `fallback` or `always`.");
  }
  return mode as SquashBullets;
}

export function majorZeroBreakingOf(value: string, input: string): "minor" | "major" {
  const bump = value.trim();
  if (bump !== "minor" && bump !== "major") throw invalidInput(input, bump, "Expected `minor` or `major`.");
  return bump;
}

export function prereleaseOf(value: string, input: string): string | null {
  const id = optional(value);
  if (id !== null && (!PRERELEASE_ID.test(id) || /^\d+$/.test(id))) {
    throw invalidInput(
      input,
      id,
      "Expected an identifier of letters, digits and `-`, such as `rc` or `beta`.",
    );
  }
  return id;
}

export function buildMetadataOf(value: string, input: string): string | null {
  const metadata = optional(value);
  if (metadata !== null && !BUILD_METADATA.test(metadata)) {
    throw invalidInput(
      input,
      metadata,
      "Expected dot-separated identifiers of letters, digits and `-`, such as `build.42` or `sha.abc1234`.",
    );
  }
  return metadata;
}
