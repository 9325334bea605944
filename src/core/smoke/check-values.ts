import type { FieldReader } from "./field-reader.ts";
import { hasTemplate, templateProblem } from "./template.ts";

/** Why a URL is unusable for a check, or null. Checked again after `${VAR}` expansion. */
export function urlProblem(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "is not an absolute URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    return `uses ${url.protocol} (only http: and https: are probed)`;
  // Credentials in a URL end up in logs and reports; headers are masked instead.
  if (url.username !== "" || url.password !== "") return "holds a user name or password";
  return null;
}

export const URL_REMEDY =
  "Write an absolute http:// or https:// URL; send credentials in `headers:` (for example `Authorization`), whose values are masked.";

/** Reads a URL field that may hold `${VAR}` (validated after expansion in that case). */
export function readUrl(reader: FieldReader, key: string, what: string): string {
  const value = reader.requiredString(key, what).trim();
  checkTemplateSyntax(reader, key, value);
  if (!hasTemplate(value)) {
    const problem = urlProblem(value);
    if (problem !== null) throw reader.error(key, problem, URL_REMEDY);
  }
  return value;
}

export function checkTemplateSyntax(reader: FieldReader, key: string, value: string): void {
  const problem = templateProblem(value);
  if (problem === null) return;
  if (problem.kind === "unclosed") {
    throw reader.error(
      key,
      `has a \`\${\` without its closing \`}\``,
      `Close the variable as \`\${NAME}\`, or write \`$\${\` for a literal \`\${\`.`,
    );
  }
  throw reader.error(
    key,
    `refers to \`\${${problem.name}}\`, which is not a variable name`,
    `Use letters, digits and \`_\` in variable names (\`\${SHIPGUARD_VERSION}\`); write \`$\${\` for a literal \`\${\`.`,
  );
}

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
// The client owns framing and connection handling; letting a check set these would corrupt requests.
const RESERVED_HEADERS = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "keep-alive",
  "upgrade",
  "te",
  "trailer",
]);

/** Reads `headers:`; every value is a secret as far as logs are concerned. */
export function readHeaders(reader: FieldReader): Record<string, string> {
  const headers = reader.stringMap("headers") ?? {};
  const seen = new Set<string>();
  for (const [name, value] of Object.entries(headers)) {
    if (!TOKEN.test(name)) {
      throw reader.error(
        "headers",
        `has an invalid header name ${JSON.stringify(name)}`,
        "Use letters, digits and `-` in header names.",
      );
    }
    const lower = name.toLowerCase();
    if (RESERVED_HEADERS.has(lower)) {
      throw reader.error(
        "headers",
        `sets \`${name}\`, which the HTTP client manages`,
        `Remove \`${name}\` from the headers.`,
      );
    }
    if (seen.has(lower)) {
      throw reader.error(
        "headers",
        `sets \`${name}\` twice (names are case-insensitive)`,
        `Keep one \`${name}\` header.`,
      );
    }
    seen.add(lower);
    // The value is not shown: header values are secrets.
    if (/[\r\n\0]/.test(value)) {
      throw reader.error(
        "headers",
        `value of \`${name}\` holds a line break or NUL`,
        "Write each header value on one line.",
      );
    }
    checkTemplateSyntax(reader, "headers", value);
  }
  return headers;
}
