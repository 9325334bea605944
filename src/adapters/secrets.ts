/**
 * Every form a token can leak in: as is, base64 (basic auth headers), base64 of
 * `x-access-token:<token>` (git's http.extraheader), and URL-encoded (in a clone URL).
 */
export function secretForms(token: string): string[] {
  if (token === "") return [];
  const forms = new Set([
    token,
    Buffer.from(token).toString("base64"),
    Buffer.from(`x-access-token:${token}`).toString("base64"),
    Buffer.from(`:${token}`).toString("base64"),
    encodeURIComponent(token),
    `x-access-token:${token}`,
  ]);
  return [...forms];
}

/**
 * Every form a webhook URL can leak in: the URL as given and as the URL class writes it, its
 * password (as written and decoded), and its path and query, where Slack, Teams and most
 * services keep the credential.
 */
export function webhookSecretForms(text: string): string[] {
  const forms = new Set<string>([text]);
  try {
    const url = new URL(text);
    forms.add(url.href);
    if (url.password !== "") {
      forms.add(url.password);
      forms.add(decodeURIComponent(url.password));
      // As the Basic authorization header the notifier sends it in.
      const pair = `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
      forms.add(Buffer.from(pair).toString("base64"));
    }
    if (url.pathname.length > 1) forms.add(url.pathname);
    if (url.search.length > 1) forms.add(url.search.slice(1));
  } catch {
    // Not a URL: the settings refuse it before anything is sent; the text itself stays masked.
  }
  // A short form ("/hook") would hide unrelated log text and protects nothing.
  return [...forms].filter((form) => form === text || form.length >= 8);
}
