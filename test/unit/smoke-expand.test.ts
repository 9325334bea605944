// biome-ignore-all lint/suspicious/noTemplateCurlyInString: `${VAR}` templates and shell expansions are the data under test.
import { describe, expect, it } from "vitest";
import { expandSuite, maskSecrets, secretValues } from "../../src/core/smoke/expand-suite.ts";
import { parseChecks } from "../../src/core/smoke/parse-checks.ts";
import { expandTemplate, templateProblem, templateVariables } from "../../src/core/smoke/template.ts";
import type { CommandCheck, HttpCheck, PrometheusCheck } from "../../src/core/smoke/types.ts";
import { ShipguardError } from "../../src/errors.ts";

const never = (name: string): never => {
  throw new Error(`missing ${name}`);
};

describe("templates", () => {
  it("substitutes variables without any shell semantics", () => {
    const env = { V: "1.2.3", EVIL: "$(id) `id` ${V} ; rm -rf /" };
    expect(expandTemplate("v${V}-${V}", env, never)).toBe("v1.2.3-1.2.3");
    // A value is inserted verbatim and never expanded again.
    expect(expandTemplate("x=${EVIL}", env, never)).toBe("x=$(id) `id` ${V} ; rm -rf /");
    expect(expandTemplate("$V $(V) $${V} $", env, never)).toBe("$V $(V) ${V} $");
  });

  it("reports a missing variable through the callback", () => {
    expect(() => expandTemplate("${NOPE}", {}, never)).toThrow("missing NOPE");
    // Inherited properties are not variables.
    expect(() => expandTemplate("${toString}", {}, never)).toThrow("missing toString");
  });

  it("finds syntax problems and variable names", () => {
    expect(templateProblem("a ${B} $${C}")).toBeNull();
    expect(templateProblem("a ${B")).toEqual({ kind: "unclosed" });
    expect(templateProblem("${a-b}")).toEqual({ kind: "bad-name", name: "a-b" });
    expect(templateProblem("${}")).toEqual({ kind: "bad-name", name: "" });
    expect(templateVariables("${A}${B}${A}$${C}")).toEqual(["A", "B"]);
  });
});

const yaml = `
- name: version
  http: http://127.0.0.1:8080/\${ENVIRONMENT}/version
  headers: { Authorization: "Bearer \${TOKEN}", Accept: application/json }
  body-contains: "\${SHIPGUARD_VERSION}"
  body-matches: "^v\${SHIPGUARD_VERSION}$"
  json: { version: "\${SHIPGUARD_VERSION}", list: ["\${SHIPGUARD_TAG}", 1] }
- name: rate
  prometheus: http://127.0.0.1:9090
  query: 'up{version="\${SHIPGUARD_VERSION}"}'
  max: 1
- name: cmd
  command: test "$SHIPGUARD_VERSION" = "\${NOT_EXPANDED}"
`;

describe("expandSuite", () => {
  const env = {
    SHIPGUARD_VERSION: "1.2.3",
    SHIPGUARD_TAG: "v1.2.3",
    ENVIRONMENT: "prod",
    TOKEN: "tok-123456",
  };
  const suite = parseChecks(yaml, "checks");

  it("expands the fields that take variables", () => {
    const expanded = expandSuite(suite, env);
    const http = expanded.checks[0] as HttpCheck;
    expect(http.url).toBe("http://127.0.0.1:8080/prod/version");
    expect(http.headers).toEqual({ Authorization: "Bearer tok-123456", Accept: "application/json" });
    expect(http.bodyContains).toEqual(["1.2.3"]);
    // In a regex a value is a literal: the dots of a version do not match any character.
    expect(http.bodyMatches).toBe("^v1\\.2\\.3$");
    expect(new RegExp(http.bodyMatches ?? "").test("v1x2x3")).toBe(false);
    expect(http.json[0]?.expected).toBe("1.2.3");
    expect(http.json[1]?.expected).toEqual(["v1.2.3", 1]);
    expect((expanded.checks[1] as PrometheusCheck).query).toBe('up{version="1.2.3"}');
    // Commands get values through their environment, never pasted into the text.
    expect((expanded.checks[2] as CommandCheck).command).toBe(
      'test "$SHIPGUARD_VERSION" = "${NOT_EXPANDED}"',
    );
    // The parsed suite is left untouched.
    expect((suite.checks[0] as HttpCheck).url).toContain("${ENVIRONMENT}");
  });

  it("throws before anything runs when a variable is missing", () => {
    const { TOKEN: _, ...withoutToken } = env;
    try {
      expandSuite(suite, withoutToken);
      throw new Error("expected a throw");
    } catch (error) {
      expect(error).toBeInstanceOf(ShipguardError);
      expect(error).toMatchObject({ code: "SG_CHECKS_VARIABLE_UNSET", input: "checks", value: "TOKEN" });
      expect((error as ShipguardError).message).toBe(
        'checks: check "version" uses ${TOKEN}, which is not set',
      );
      expect((error as ShipguardError).remedy).toContain("Provide TOKEN");
    }
  });

  it("rejects a URL that is invalid once expanded", () => {
    const bad = parseChecks("- name: a\n  http: '${BASE}/health'\n", "checks");
    expect(() => expandSuite(bad, { BASE: "file:///etc" })).toThrow(
      expect.objectContaining({ code: "SG_CHECKS_INVALID", input: "checks" }),
    );
    expect(() => expandSuite(bad, { BASE: "file:///etc" })).toThrow(
      "`http` uses file: (only http: and https: are probed) once expanded",
    );
    expect(expandSuite(bad, { BASE: "http://127.0.0.1:1" }).checks[0]).toMatchObject({
      url: "http://127.0.0.1:1/health",
    });
  });

  it("lists header values to mask, raw and expanded, and the bare credential", () => {
    const secrets = secretValues(suite, env);
    expect(secrets).toEqual(
      expect.arrayContaining([
        "Bearer ${TOKEN}",
        "${TOKEN}",
        "Bearer tok-123456",
        "tok-123456",
        "application/json",
      ]),
    );
    expect(maskSecrets("sent Bearer tok-123456 and tok-123456", secrets)).toBe("sent *** and ***");
  });
});
