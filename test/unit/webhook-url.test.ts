import { describe, expect, it } from "vitest";
import { checkWebhookUrl, describeReceiver } from "../../src/core/notify/webhook-url.ts";
import { isSecretSegment, redactUrlSecrets, urlSecretParts } from "../../src/core/secrets.ts";

const SECRET_URL = "https://user:s3cret-pass@hooks.example.com/hooks/T000/B000/XXXXSECRET?token=abc123#frag";

describe("checkWebhookUrl", () => {
  it("accepts https anywhere, naming the receiver by position (from 1) and host", () => {
    expect(checkWebhookUrl("https://hooks.slack.com/services/T0/B0/XYZ", 0)).toEqual({
      ok: true,
      url: "https://hooks.slack.com/services/T0/B0/XYZ",
      receiver: "notify-url 1 (hooks.slack.com)",
    });
    const teams = checkWebhookUrl("  https://prod-1.westeurope.logic.azure.com:443/workflows/abc  ", 2);
    expect(teams).toMatchObject({ ok: true, receiver: "notify-url 3 (prod-1.westeurope.logic.azure.com)" });
  });

  it.each([
    "http://localhost:8080/hook",
    "http://127.0.0.1:9/hook",
    "http://127.8.9.10/hook",
    "http://127.1/hook",
    "http://[::1]:3000/hook",
    "HTTP://LOCALHOST/hook",
  ])("accepts http to loopback: %s", (url) => {
    expect(checkWebhookUrl(url, 0).ok).toBe(true);
  });

  it.each([
    "http://hooks.example.com/services/SECRET",
    "http://10.0.0.1/hook",
    "http://128.0.0.1/hook",
    "http://localhost.evil.com/hook",
    "http://[::2]/hook",
    "http://[::ffff:127.0.0.1]/hook",
  ])("refuses http elsewhere, showing only scheme and host: %s", (url) => {
    const result = checkWebhookUrl(url, 1);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problem).toContain("use https://");
    expect(result.shown).toMatch(/^http:\/\/[^/]+\/…$/);
    expect(result.shown).not.toContain("SECRET");
    expect(result.shown).not.toContain("hook/");
  });

  it("refuses other schemes and says to use https://", () => {
    const result = checkWebhookUrl("ftp://files.example.com/drop", 0);
    expect(result).toMatchObject({ ok: false, shown: "ftp://files.example.com/…" });
    expect(result.ok ? "" : result.problem).toContain("use https://");
    expect(checkWebhookUrl("javascript:alert(1)", 0).ok).toBe(false);
  });

  it("refuses text that is not a URL, or is empty, without showing any of it", () => {
    const garbled = checkWebhookUrl("hooks.slack.com/services/T0/B0/SECRET", 0);
    expect(garbled).toMatchObject({ ok: false, shown: "(not shown: not a URL)" });
    expect(JSON.stringify(garbled)).not.toContain("SECRET");
    expect(checkWebhookUrl("   ", 0)).toMatchObject({ ok: false, shown: "(empty)" });
  });

  it("never puts credentials, path or query into what it returns for printing", () => {
    const refused = checkWebhookUrl(SECRET_URL.replace("https:", "http:"), 0);
    const printed = JSON.stringify(refused);
    for (const secret of ["s3cret-pass", "user", "XXXXSECRET", "abc123", "/hooks/T000"]) {
      expect(printed).not.toContain(secret);
    }
    const accepted = checkWebhookUrl(SECRET_URL, 0);
    expect(accepted.ok && accepted.receiver).toBe("notify-url 1 (hooks.example.com)");
  });
});

describe("describeReceiver", () => {
  it("names the host with its port, and never throws", () => {
    expect(describeReceiver(0, "http://127.0.0.1:4567/x?token=1")).toBe("notify-url 1 (127.0.0.1:4567)");
    expect(describeReceiver(4, "not a url with SECRET")).toBe("notify-url 5 (not a URL)");
  });
});

describe("isSecretSegment: 8 characters or more, and not a plain word", () => {
  it.each([
    ["services", false],
    ["workflows", false],
    ["redirect", false],
    ["Workflows", false],
    ["Production", false],
    ["500", false],
    ["T000", false],
    ["abc123", false],
    ["Qx-7_yZ", false],
    ["", false],
    ["T0123ABCD", true],
    ["B0456EFGH", true],
    ["abc12345", true],
    ["XXXX5ECRET", true],
    ["0123456789abcdef", true],
    ["deadbeefcafe0042", true],
    ["c2VjcmV0LXZhbHVl", true],
    ["aBcDeFgHiJkLmNoPqRsTuVwX", true],
    ["xYzAbCdEfGhIjKlMnOpQrStU", true],
    ["ABCdefGHIjklMNOpqrSTUvwx", true],
    ["ProductionX", true],
    ["PRODuction", true],
    ["XyzabcDefghiJklmnoPqrstu", true],
    ["SeCrEtPaThPaRt", true],
    ["ABCDEFGHJKLMNPQR", true],
    ["PRODUCTION", true],
    ["CamelCase", true],
    ["deployAlerts", true],
    ["Productiondeploymentalerts", false],
    ["productiondeploymentalerts", false],
    ["incoming-webhook", true],
    ["too many requests", true],
    ["/triggers/manual/run", true],
    ["aBcDeFgHiJkLmNoPqRsTuVwX", true],
  ])("%j is secret: %s", (segment, secret) => {
    expect(isSecretSegment(segment)).toBe(secret);
  });
});

describe("urlSecretParts", () => {
  it("a Slack URL: the three ids, not the plain words", () => {
    expect(
      urlSecretParts("https://hooks.slack.com/services/T0A1B2C3D/B0E4F5G6H/aBcDeFgHiJkLmNoPqRsTuVwX"),
    ).toEqual(["aBcDeFgHiJkLmNoPqRsTuVwX", "T0A1B2C3D", "B0E4F5G6H"]);
  });

  it("a Teams workflow URL: the workflow id, the version date, the encoded path and the signature", () => {
    const url =
      "https://prod-00.westus.logic.azure.com:443/workflows/0123456789abcdef0123456789abcdef/triggers/manual/paths/invoke?api-version=2016-06-01&sp=%2Ftriggers%2Fmanual%2Frun&sv=1.0&sig=Zq7xW2kLp9Vb4Nc8Rt1Ys6Hd3Jf5Gm0AaBbEeFfGg_h";
    expect(urlSecretParts(url).sort()).toEqual(
      [
        "0123456789abcdef0123456789abcdef",
        "2016-06-01",
        "%2Ftriggers%2Fmanual%2Frun",
        "/triggers/manual/run",
        "Zq7xW2kLp9Vb4Nc8Rt1Ys6Hd3Jf5Gm0AaBbEeFfGg_h",
      ].sort(),
    );
  });

  it("the password whatever its shape, the user name when it is the only credential, and their Basic value", () => {
    const basic = (pair: string) => Buffer.from(pair).toString("base64");
    expect(urlSecretParts("https://bot:hunter@h.example.com/hook")).toEqual([
      basic("bot:hunter"),
      basic("bot:hunter").replace(/=+$/, ""),
      "hunter",
    ]);
    expect(urlSecretParts("https://tok3n@h.example.com/hook")).toEqual([basic("tok3n:"), "tok3n"]);
    expect(urlSecretParts("https://b%C3%B6t:p%40ss@h.example.com/")).toEqual([
      basic("böt:p@ss"),
      "p%40ss",
      "p@ss",
    ]);
    // Too short to be worth hiding, but the Basic value is what the receiver sees.
    expect(urlSecretParts("https://a:b@h.example.com/hook")).toEqual([basic("a:b")]);
  });

  it("nothing for a URL of plain words and short parts, and the whole text when it is not a URL", () => {
    expect(urlSecretParts("http://127.0.0.1:8080/500")).toEqual([]);
    expect(urlSecretParts("https://h.example.com/redirect?x=1#top")).toEqual([]);
    expect(
      urlSecretParts("https://h.example.com/hooks/Production/Deployments?team=platform#Shipguard"),
    ).toEqual([]);
    expect(urlSecretParts("not a url")).toEqual(["not a url"]);
  });
});

describe("redactUrlSecrets", () => {
  it("removes every secret part of the URL, written or decoded, and keeps the rest", () => {
    const url =
      "https://user:s3cret-pass@hooks.example.com/hooks/T0123ABCD/B0456EFGH/XXXX5ECRET?token=abc123def#frag";
    const text = `failed ${url} pass=s3cret-pass q=abc123def`;
    expect(redactUrlSecrets(text, url)).toBe(
      "failed https://user:***@hooks.example.com/hooks/***/***/***?token=***#frag pass=*** q=***",
    );
    expect(redactUrlSecrets("connection to http://hooks.example.com failed", url)).toBe(
      "connection to http://hooks.example.com failed",
    );
  });

  it("keeps shipguard's own text whatever the case of a word in the URL, and still removes the tokens", () => {
    const url = "https://hooks.example.com/hooks/Production/Shipguard/T0123ABCD/aBcDeFgHiJkLmNoPqRsTuVwX";
    expect(
      redactUrlSecrets(
        "Deployed 1.1.0 to production. shipguard: see Production T0123ABCD aBcDeFgHiJkLmNoPqRsTuVwX",
        url,
      ),
    ).toBe("Deployed 1.1.0 to production. shipguard: see Production *** ***");
  });

  it("handles percent-encoded parts in either case", () => {
    const url = "https://h.example.com/a%2Fsecret%20part?k=v%C3%A9rysecret";
    const out = redactUrlSecrets("got a%2fsecret%20part and a/secret part and vérysecret", url);
    expect(out).toBe("got *** and *** and ***");
  });
});
