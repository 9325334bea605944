/**
 * What the settings readers say about a rollback's and a deploy's inputs (issue 11): a rollback
 * needs a reason, `to-version` is a version, `version` with `ref` names both, and the remedy of an
 * invalid input names a CLI flag only when the CLI has it, without repeating the expectation.
 */
import { describe, expect, it } from "vitest";
import { invalidInput, isShipguardError, type ShipguardError } from "../../src/errors.ts";
import { readDeploySettings, readRollbackSettings } from "../../src/settings.ts";

function source(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name];
}

const rollback = { environment: "production", "deploy-command": "true", reason: "checkout errors" };

function thrown(run: () => unknown): ShipguardError {
  try {
    run();
  } catch (error) {
    if (isShipguardError(error)) return error;
    throw error;
  }
  throw new Error("expected a ShipguardError");
}

describe("rollback needs a reason", () => {
  it.each([
    ["absent", {}],
    ["empty", { reason: "" }],
    ["blank", { reason: "   " }],
  ])("refuses a reason %s, naming `reason` with a remedy", (_name, extra) => {
    const error = thrown(() => readRollbackSettings(source({ ...rollback, reason: "", ...extra })));
    expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "reason", value: "" });
    expect(error.message).toBe(
      'Invalid reason: "". A rollback needs a reason: it goes into the deployment record and the incident report.',
    );
    expect(error.remedy).toContain("--reason");
    expect(error.remedy).toContain("`reason` input");
  });

  it("keeps the reason given", () => {
    expect(readRollbackSettings(source(rollback)).reason).toBe("checkout errors");
  });
});

describe("to-version is a version", () => {
  it.each([
    ["1.4.2", "v", "1.4.2"],
    ["v1.4.2", "v", "1.4.2"],
    ["1.5.0-rc.1", "v", "1.5.0-rc.1"],
    ["release/v2.0.0", "release/v", "2.0.0"],
    ["2.0.0", "release/v", "2.0.0"],
  ])("reads %s (tag prefix %s) as %s", (value, prefix, expected) => {
    const settings = readRollbackSettings(source({ ...rollback, "to-version": value, "tag-prefix": prefix }));
    expect(settings.toVersion).toBe(expected);
  });

  it.each(["not-a-version", "1.2", "vv1.2.3", "latest", "x1.2.3"])(
    "refuses %s as an invalid version",
    (value) => {
      const error = thrown(() => readRollbackSettings(source({ ...rollback, "to-version": value })));
      expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "to-version", value });
      expect(error.message).toContain("Expected a SemVer version such as `1.4.2` or `v1.4.2`");
    },
  );
});

describe("deploy's version is SemVer, and its tag a name git reads as written (issue 18, item 10)", () => {
  const deploy = { environment: "production", "deploy-command": "true" };

  it.each([
    ["1.2.0", "v", "1.2.0"],
    ["v1.2.0", "v", "1.2.0"],
    ["1.3.0-rc.1+build.5", "v", "1.3.0-rc.1+build.5"],
    ["pkg@2.0.0", "pkg@", "2.0.0"],
  ])("reads %s (tag prefix %s) as %s", (value, prefix, expected) => {
    const settings = readDeploySettings(source({ ...deploy, version: value, "tag-prefix": prefix }));
    expect(settings.version).toBe(expected);
  });

  it.each(["1.2.0~1", "v1.2.0^", "1.2.0^{commit}", "1.2.0:x", "1.2", "latest", "vv1.2.0", "HEAD"])(
    "refuses %s, naming the input, the value and `ref` as the way to deploy a commit",
    (value) => {
      const error = thrown(() => readDeploySettings(source({ ...deploy, version: value })));
      expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "version", value });
      expect(error.message).toBe(
        `Invalid version: ${JSON.stringify(value)}. Expected a SemVer version such as \`1.4.2\` or \`v1.4.2\`, whose tag exists as written.`,
      );
      expect(error.remedy).toContain("set `ref` instead");
    },
  );

  it("refuses a SemVer version whose tag git would refuse (a part ending in .lock)", () => {
    const error = thrown(() => readDeploySettings(source({ ...deploy, version: "1.0.0-x.lock" })));
    expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "version", value: "v1.0.0-x.lock" });
    expect(error.message).toContain('ends with ".lock"');
  });
});

describe("environment-url is an absolute http(s) URL (issue 18, item 11)", () => {
  const deploy = { environment: "production", "deploy-command": "true", version: "1.0.0" };

  it.each(["https://app.example.com", "http://127.0.0.1:8080/health", "https://staging.example.com/a?b=c"])(
    "keeps %s",
    (url) => {
      expect(readDeploySettings(source({ ...deploy, "environment-url": url })).environmentUrl).toBe(url);
      expect(readRollbackSettings(source({ ...rollback, "environment-url": url })).environmentUrl).toBe(url);
    },
  );

  it.each([
    "app.example.com",
    "/status",
    "ftp://files.example.com",
    "javascript:alert(1)",
    "https://",
    "file:///etc/passwd",
  ])("refuses %s, naming the input, the value and the remedy", (url) => {
    for (const read of [
      () => readDeploySettings(source({ ...deploy, "environment-url": url })),
      () => readRollbackSettings(source({ ...rollback, "environment-url": url })),
    ]) {
      const error = thrown(read);
      expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "environment-url", value: url });
      expect(error.message).toBe(
        `Invalid environment-url: ${JSON.stringify(url)}. Expected an absolute http(s) URL, such as \`https://app.example.com\`.`,
      );
      expect(error.remedy).toContain("with its scheme and host");
    }
  });
});

describe("version and ref", () => {
  const deploy = { environment: "production", "deploy-command": "true" };

  it("both given: names both, not an invalid ref", () => {
    const error = thrown(() => readDeploySettings(source({ ...deploy, version: "1.0.0", ref: "HEAD" })));
    expect(error.code).toBe("SG_INPUTS_CONFLICT");
    expect(error.message).toBe(
      'Set exactly one of `version` and `ref`; both were given (version "1.0.0", ref "HEAD").',
    );
    expect(error.message).not.toContain("Invalid ref");
    expect(error.remedy).toContain("`--version`");
    expect(error.remedy).toContain("`--ref`");
  });

  it("neither given: says so", () => {
    const error = thrown(() => readDeploySettings(source(deploy)));
    expect(error).toMatchObject({ code: "SG_INPUT_INVALID", input: "version" });
    expect(error.message).toContain("Set exactly one of `version` and `ref`; neither was given.");
  });
});

describe("the remedy of an invalid input", () => {
  it("names no CLI flag for an action-only option", () => {
    const error = invalidInput("command", "bogus", "Expected one of: version, release.");
    expect(error.remedy).toContain("the action input `command`");
    expect(error.remedy).not.toContain("--command");
  });

  it("names both the action input and the CLI flag when the option has both", () => {
    expect(invalidInput("strategy", "ftp", "Expected `command`.").remedy).toBe(
      "Correct the action input `strategy` (CLI flag `--strategy`) as the message says.",
    );
  });

  it("does not repeat the expectation the message already gives", () => {
    const error = invalidInput("strategy", "ftp", "Expected `command`, `workflow` or `symlink`.");
    expect(error.message).toContain("Expected `command`, `workflow` or `symlink`.");
    expect(error.remedy).not.toContain("Expected");
  });
});
