import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);

// src/adapters/secrets.ts
function secretForms(token) {
  if (token === "") return [];
  const forms = /* @__PURE__ */ new Set([
    token,
    Buffer.from(token).toString("base64"),
    Buffer.from(`x-access-token:${token}`).toString("base64"),
    Buffer.from(`:${token}`).toString("base64"),
    encodeURIComponent(token),
    `x-access-token:${token}`
  ]);
  return [...forms];
}
function webhookSecretForms(text) {
  const forms = /* @__PURE__ */ new Set([text]);
  try {
    const url = new URL(text);
    forms.add(url.href);
    if (url.password !== "") {
      forms.add(url.password);
      forms.add(decodeURIComponent(url.password));
      const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      forms.add(Buffer.from(pair).toString("base64"));
    }
    if (url.pathname.length > 1) forms.add(url.pathname);
    if (url.search.length > 1) forms.add(url.search.slice(1));
  } catch {
  }
  return [...forms].filter((form) => form === text || form.length >= 8);
}

export {
  secretForms,
  webhookSecretForms
};
