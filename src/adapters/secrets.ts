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
