import { describe, expect, it } from "vitest";
import { webhookSecretForms } from "../../src/adapters/secrets.ts";

describe("the forms a webhook URL is masked in", () => {
  it("covers the URL, its password (written, decoded, as Basic auth), its path and its query", () => {
    const url = "https://bot:p%40ss-w0rd@hooks.example.com/services/T000/B000/XXXXSECRET?token=abc12345";
    const forms = webhookSecretForms(url);
    expect(forms).toContain(url);
    expect(forms).toContain("p%40ss-w0rd");
    expect(forms).toContain("p@ss-w0rd");
    expect(forms).toContain(Buffer.from("bot:p@ss-w0rd").toString("base64"));
    expect(forms).toContain("/services/T000/B000/XXXXSECRET");
    expect(forms).toContain("token=abc12345");
  });

  it("leaves out forms too short to mean anything, and survives text that is not a URL", () => {
    expect(webhookSecretForms("https://example.com/hook")).toEqual(["https://example.com/hook"]);
    expect(webhookSecretForms("not a url")).toEqual(["not a url"]);
  });
});
