import { describe, expect, it } from "vitest";
import { Redactor, redactDeep, secretForms } from "../../src/core/secrets.ts";

const TOKEN = 'ghp_Ab/cd+ef"12';

describe("secretForms", () => {
  it("as written, base64 (alone, after a colon, as git's x-access-token), URL-encoded, in a JSON string", () => {
    const b64 = (text: string) => Buffer.from(text).toString("base64");
    expect(secretForms(TOKEN).sort()).toEqual(
      [
        TOKEN,
        b64(TOKEN),
        b64(`:${TOKEN}`),
        b64(`x-access-token:${TOKEN}`),
        encodeURIComponent(TOKEN),
        'ghp_Ab/cd+ef\\"12',
      ].sort(),
    );
  });

  it("none for a value under 4 characters", () => {
    expect(secretForms("")).toEqual([]);
    expect(secretForms("abc")).toEqual([]);
    expect(secretForms("abcd")).toContain("abcd");
  });
});

describe("Redactor", () => {
  it("takes every form of every value out, longest first, and hears each new form once", () => {
    const heard: string[] = [];
    const secrets = new Redactor((form) => heard.push(form));
    secrets.add(TOKEN);
    secrets.add(TOKEN);
    secrets.add("no");
    secrets.addUrl("https://bot:pa55-w0rd@hooks.example.com/services/T0123ABCD");
    expect(heard).toHaveLength(new Set(heard).size);
    expect(heard).not.toContain("no");
    const text = `a ${TOKEN} b ${Buffer.from(`:${TOKEN}`).toString("base64")} c ${encodeURIComponent(TOKEN).replace(/%[0-9A-F]{2}/g, (hex) => hex.toLowerCase())} d pa55-w0rd e /services/T0123ABCD`;
    expect(secrets.redact(text)).toBe("a *** b *** c *** d *** e /services/***");
    expect(secrets.redact("no secrets here")).toBe("no secrets here");
  });

  it("hears no word of a webhook URL (the action host would mask it in the whole log), only its tokens", () => {
    const heard: string[] = [];
    const secrets = new Redactor((form) => heard.push(form));
    secrets.addUrl(
      "https://hooks.example.com/hooks/Production/Deployments/T0123ABCD/Xy3kPq9ZmW2vLr8TnB5cHd1F",
    );
    expect(heard.sort()).toEqual(["T0123ABCD", "Xy3kPq9ZmW2vLr8TnB5cHd1F"]);
    expect(secrets.redact("Deployed to Production (production); deployments: 2")).toBe(
      "Deployed to Production (production); deployments: 2",
    );
  });

  it("redacts nothing before anything is added", () => {
    expect(new Redactor().redact("plain")).toBe("plain");
  });
});

describe("redactDeep", () => {
  it("copies strings, arrays and plain objects, redacted, and keeps other values and keys as they are", () => {
    const secrets = new Redactor();
    secrets.add("s3cret-value");
    const date = new Date(0);
    const value = JSON.parse('{"__proto__": "s3cret-value"}') as Record<string, unknown>;
    Object.assign(value, { list: ["s3cret-value", 1, null, { deep: "x s3cret-value" }], at: date, ok: true });
    const out = redactDeep(value, secrets.redact);
    expect(Object.keys(out)).toEqual(["__proto__", "list", "at", "ok"]);
    expect(Object.getOwnPropertyDescriptor(out, "__proto__")?.value).toBe("***");
    expect(out.list).toEqual(["***", 1, null, { deep: "x ***" }]);
    expect(out.at).toBe(date);
    expect(out.ok).toBe(true);
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(value.list).toEqual(["s3cret-value", 1, null, { deep: "x s3cret-value" }]);
  });
});
