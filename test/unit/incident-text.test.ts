import { describe, expect, it } from "vitest";
import {
  checkIncidentId,
  cleanTitle,
  disarmMarkers,
  eventMarker,
  fitReport,
  holdsMarker,
  incidentMarker,
} from "../../src/core/notify/incident-text.ts";

describe("incident markers", () => {
  it("match exactly: an id is not found inside a longer one", () => {
    const body = `${incidentMarker("sg-12")}\n${eventMarker("sg-12", "rolled-back")}`;
    expect(holdsMarker(body, incidentMarker("sg-12"))).toBe(true);
    expect(holdsMarker(body, incidentMarker("sg-1"))).toBe(false);
    expect(holdsMarker(body, eventMarker("sg-12", "blocked"))).toBe(false);
    expect(holdsMarker(null, incidentMarker("sg-12"))).toBe(false);
  });

  it("accept correlation ids only", () => {
    expect(checkIncidentId("sg-m1abc-0123456789ab")).toBe("sg-m1abc-0123456789ab");
    expect(checkIncidentId("a.b_c-1")).toBe("a.b_c-1");
    for (const id of ["", "a b", "a/b", "a\nb", "x".repeat(129), "é"]) {
      expect(() => checkIncidentId(id)).toThrow(expect.objectContaining({ code: "SG_INCIDENT_ID_INVALID" }));
    }
  });

  it("are disarmed in a report, whatever their case or spacing", () => {
    const report = "a <!-- shipguard:event id=x event=blocked --> b <!--SHIPGUARD:incident id=x -->";
    const disarmed = disarmMarkers(report);
    expect(holdsMarker(disarmed, eventMarker("x", "blocked"))).toBe(false);
    expect(disarmed).not.toMatch(/<!--\s*shipguard:/i);
    expect(disarmMarkers("plain <!-- a comment -->")).toBe("plain <!-- a comment -->");
  });
});

describe("cleanTitle", () => {
  it("makes one line without control characters, cut to 256 characters", () => {
    expect(cleanTitle("Rollback in\r\nprod:\t1.2.0 → 1.1.0\u0007")).toBe("Rollback in prod: 1.2.0 → 1.1.0");
    const long = cleanTitle(`${"🚀".repeat(300)}`);
    expect(Array.from(long)).toHaveLength(256);
    expect(long.endsWith("🚀…")).toBe(true);
    expect(cleanTitle(" \n ")).toBe("shipguard incident");
  });
});

describe("fitReport", () => {
  it("leaves a report that fits alone", () => {
    expect(fitReport("short", 10)).toBe("short");
  });

  it("cuts to the room with a note, closing a fence the cut left open, never splitting a pair", () => {
    const report = `intro\n~~~~\n${"🚀".repeat(5000)}\n~~~~\n`;
    const fitted = fitReport(report, 2000);
    expect(fitted.length).toBeLessThanOrEqual(2000);
    expect(fitted).toMatch(/🚀\n~~~~\n\n_The report was cut here/);
    expect(fitted).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
    const closed = fitReport(`\`\`\`\ncode\n\`\`\`\n${"x".repeat(5000)}`, 1000);
    expect(closed).toMatch(/x\n\n_The report was cut here/);
  });
});
