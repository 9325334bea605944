/**
 * `${VAR}` templates in check fields. Expansion is a plain string substitution from a map handed in
 * by the caller: no shell, no command substitution, no nested expansion (a value that itself holds
 * `${...}` stays literal). `$${` writes a literal `${`.
 */

const TOKEN = /\$\$\{|\$\{([^}]*)\}|\$\{/g;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export type TemplateProblem = { kind: "unclosed" } | { kind: "bad-name"; name: string };

/** The first syntax problem of a template, or null. */
export function templateProblem(text: string): TemplateProblem | null {
  for (const match of text.matchAll(TOKEN)) {
    if (match[0] === "$${") continue;
    if (match[0] === "${") return { kind: "unclosed" };
    const name = match[1] ?? "";
    if (!NAME.test(name)) return { kind: "bad-name", name };
  }
  return null;
}

/** Names the template refers to, in order, without repeats. */
export function templateVariables(text: string): string[] {
  const names = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const name = match[1];
    if (name !== undefined && NAME.test(name)) names.add(name);
  }
  return [...names];
}

export function hasTemplate(text: string): boolean {
  return text.includes("${");
}

/**
 * Substitutes every `${NAME}`. `missing` is called for a name absent from `env` and must throw;
 * `encode` transforms each value as it is inserted (for example to escape it inside a regex).
 */
export function expandTemplate(
  text: string,
  env: Readonly<Record<string, string | undefined>>,
  missing: (name: string) => never,
  encode: (value: string) => string = (value) => value,
): string {
  return text.replace(TOKEN, (token, name: string | undefined) => {
    if (token === "$${") return "${";
    if (name === undefined || !NAME.test(name)) return token;
    const value = Object.hasOwn(env, name) ? env[name] : undefined;
    if (value === undefined) missing(name);
    return encode(value);
  });
}

/** Escapes a value so that a regular expression matches it literally. */
export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
