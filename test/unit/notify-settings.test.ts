import { describe, expect, it } from "vitest";
import { DEFAULT_NOTIFY_ON, NOTIFY_EVENTS } from "../../src/core/notify/event.ts";
import { isShipguardError } from "../../src/errors.ts";
import {
  incidentJson,
  notifyOf,
  parseIncident,
  readDeploySettings,
  readReleaseSettings,
  readRollbackSettings,
} from "../../src/settings.ts";

const source = (values: Record<string, string>) => (name: string) => values[name];

function thrown(fn: () => unknown): { code: string; message: string; remedy: string } {
  try {
    fn();
  } catch (error) {
    if (isShipguardError(error)) return { code: error.code, message: error.message, remedy: error.remedy };
    throw error;
  }
  throw new Error("expected an error");
}

describe("notify settings", () => {
  it("defaults: no webhooks, json, the events that need a person, no incident issue", () => {
    const n = notifyOf(source({}), true);
    expect(n).toEqual({
      urls: [],
      format: "json",
      on: DEFAULT_NOTIFY_ON,
      incidentIssue: false,
      warnings: [],
    });
    expect(DEFAULT_NOTIFY_ON).toEqual([
      "verify-failed",
      "rolled-back",
      "rollback-failed",
      "blocked",
      "cancelled",
    ]);
  });

  it("reads one URL per line, skipping blanks and comments; https anywhere, http on loopback", () => {
    const n = notifyOf(
      source({
        "notify-url":
          "https://hooks.slack.com/services/T0/B0/x\n\n# team b\n  http://127.0.0.1:8080/hook  \n",
        "notify-format": "SLACK",
        "notify-on": "deployed,rolled-back  blocked",
        "incident-issue": "true",
      }),
      true,
    );
    expect(n.urls).toEqual(["https://hooks.slack.com/services/T0/B0/x", "http://127.0.0.1:8080/hook"]);
    expect(n.format).toBe("slack");
    expect(n.on).toEqual(["deployed", "rolled-back", "blocked"]);
    expect(n.incidentIssue).toBe(true);
  });

  it("release hears `released` when notify-on is not set: its only event; deploy and rollback what needs a person", () => {
    expect(readReleaseSettings(source({})).notify.on).toEqual(["released"]);
    expect(readReleaseSettings(source({ "notify-on": "" })).notify.on).toEqual(["released"]);
    expect(readReleaseSettings(source({ "notify-on": "blocked" })).notify.on).toEqual(["blocked"]);
    expect(notifyOf(source({}), true).on).toEqual(DEFAULT_NOTIFY_ON);
  });

  it("`all` selects every event; release never records incidents", () => {
    expect(notifyOf(source({ "notify-on": "all" }), true).on).toEqual(NOTIFY_EVENTS);
    expect(notifyOf(source({ "incident-issue": "true" }), false).incidentIssue).toBe(false);
  });

  it("refuses plain http off loopback, naming the line but never printing the URL's secret parts", () => {
    const e = thrown(() =>
      notifyOf(
        source({
          "notify-url": "https://ok.example/a\nhttp://user:pw-123@hooks.example.com/T0/SECRETPATH?token=abc",
        }),
        true,
      ),
    );
    expect(e.code).toBe("SG_INPUT_INVALID");
    expect(e.message).toContain("notify-url");
    expect(e.message).toContain("line 2");
    expect(e.message).toContain("hooks.example.com");
    for (const secret of ["pw-123", "SECRETPATH", "abc", "user:"]) {
      expect(e.message).not.toContain(secret);
      expect(e.remedy).not.toContain(secret);
    }
    expect(e.remedy).toContain("https://");
  });

  it("refuses what is not a URL, an unknown format and an unknown event, with the remedy", () => {
    expect(thrown(() => notifyOf(source({ "notify-url": "hooks.slack.com/services/x" }), true)).code).toBe(
      "SG_INPUT_INVALID",
    );
    const format = thrown(() => notifyOf(source({ "notify-format": "discord" }), true));
    expect(format.message).toContain("discord");
    expect(format.message).toContain("json, slack, teams");
    const on = thrown(() => notifyOf(source({ "notify-on": "deployed, exploded" }), true));
    expect(on.message).toContain("exploded");
    expect(on.message).toContain('Invalid notify-on: "exploded"');
  });

  it("refuses a typo next to `all` instead of letting `all` hide it", () => {
    const e = thrown(() => notifyOf(source({ "notify-on": "all, deployd" }), true));
    expect(e.code).toBe("SG_INPUT_INVALID");
    expect(e.message).toContain('Invalid notify-on: "deployd"');
    for (const event of NOTIFY_EVENTS) expect(e.message).toContain(event);
    expect(e.remedy).toContain("notify-on");
  });

  it("is part of release, deploy and rollback settings", () => {
    const url = "https://example.com/hook";
    expect(readReleaseSettings(source({ "notify-url": url })).notify.urls).toEqual([url]);
    const deploy = readDeploySettings(
      source({ "notify-url": url, environment: "prod", version: "1.0.0", "deploy-command": "true" }),
    );
    expect(deploy.notify.urls).toEqual([url]);
    const rollback = readRollbackSettings(
      source({
        "notify-url": url,
        environment: "prod",
        reason: "broken",
        "deploy-command": "true",
        "incident-issue": "true",
      }),
    );
    expect(rollback.notify).toMatchObject({ urls: [url], incidentIssue: true });
  });
});

describe("bad notify values on a rollback", () => {
  const bad = {
    environment: "prod",
    reason: "broken",
    "deploy-command": "true",
    "notify-url": "http://hooks.example.com/T0/SECRETPATH\nhttps://ok.example/hook",
    "notify-format": "discord",
    "notify-on": "rolled-back, rollbak-failed",
  };

  it("are warnings with what the rollback does instead; deploy still refuses them up front", () => {
    const { notify } = readRollbackSettings(source(bad));
    expect(notify.urls).toEqual(["http://hooks.example.com/T0/SECRETPATH", "https://ok.example/hook"]);
    expect(notify.format).toBe("json");
    expect(notify.on).toEqual(DEFAULT_NOTIFY_ON);
    expect(notify.warnings).toHaveLength(3);
    expect(notify.warnings[0]).toMatch(
      /^Invalid notify-url: "line 1: http:\/\/hooks\.example\.com\/…"\..* The rollback goes ahead: that webhook is not called\. Fix: /,
    );
    expect(notify.warnings[1]).toContain("The rollback goes ahead: the webhooks get the `json` body.");
    expect(notify.warnings[2]).toContain('Invalid notify-on: "rollbak-failed"');
    expect(notify.warnings[2]).toContain(
      "the webhooks hear the default events (verify-failed, rolled-back, rollback-failed, blocked, cancelled).",
    );
    expect(notify.warnings.join("\n")).not.toContain("SECRETPATH");
    expect(thrown(() => readDeploySettings(source({ ...bad, version: "1.0.0" }))).code).toBe(
      "SG_INPUT_INVALID",
    );
  });
});

describe("the incident input", () => {
  const incident = {
    id: "abc-123",
    event: "verify-failed" as const,
    title: "Rollback in prod: 1.1.0 → 1.0.0",
    report: "# r",
  };

  it("round-trips the incident output", () => {
    expect(parseIncident(incidentJson(incident))).toEqual(incident);
  });

  it("refuses what is not one, naming the field", () => {
    const bad: [string, string][] = [
      ["", "JSON"],
      ["{nope", "Expected JSON"],
      [JSON.stringify({ ...incident }), "schema"],
      [JSON.stringify({ schema: "shipguard.incident/v1", ...incident, id: "../../etc" }), "`id`"],
      [JSON.stringify({ schema: "shipguard.incident/v1", ...incident, event: "exploded" }), "`event`"],
      [JSON.stringify({ schema: "shipguard.incident/v1", ...incident, title: "a\nb" }), "`title`"],
      [JSON.stringify({ schema: "shipguard.incident/v1", ...incident, report: 3 }), "`report`"],
    ];
    for (const [text, says] of bad) {
      const e = thrown(() => parseIncident(text));
      expect(e.code).toBe("SG_INPUT_INVALID");
      expect(`${e.message} ${e.remedy}`).toContain(says);
      expect(e.remedy).toContain("outputs.incident");
    }
  });
});
