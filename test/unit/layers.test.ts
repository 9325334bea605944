/**
 * The layers of src/ as the README's "Developing" section draws them, checked on every import:
 * core is pure, commands never import each other or build ports, only hosts read the environment.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const SRC = path.resolve(import.meta.dirname, "../../src");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
  );
}

/** Every relative import of a file, as a path relative to src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const found = [...text.matchAll(/(?:from|import)\s*\(?\s*"(\.{1,2}\/[^"]+)"/g)].map((m) => m[1] ?? "");
  return found.map((spec) => path.relative(SRC, path.resolve(path.dirname(file), spec)));
}

const all = files(SRC).map((file) => ({ name: path.relative(SRC, file), imports: importsOf(file) }));
const inside = (folder: string) => all.filter((f) => f.name.startsWith(`${folder}/`));

describe("the layers of src/", () => {
  it("finds the files and their imports (the check itself works)", () => {
    expect(all.length).toBeGreaterThan(50);
    expect(all.find((f) => f.name === "registry/index.ts")?.imports).toContain("registry/compose.ts");
  });

  it("core/ is pure: it imports only core/ and the error definitions", () => {
    const allowed = (target: string) =>
      target.startsWith("core/") || target === "errors.ts" || target === "definitions/errors.ts";
    const bad = inside("core").flatMap((f) =>
      f.imports.filter((t) => !allowed(t)).map((t) => `${f.name} -> ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it("commands never import each other, the wiring, the hosts or an adapter", () => {
    const bad = inside("commands").flatMap((f) =>
      f.imports
        .filter((t) => /^(commands|registry|hosts|adapters|demo|presenters)\//.test(t))
        .map((t) => `${f.name} -> ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it("nothing below the hosts imports a host, and only the registry and hosts import the registry", () => {
    const bad = all
      .filter((f) => !/^(hosts\/|index\.ts|cli\.ts|demo\/)/.test(f.name))
      .flatMap((f) =>
        f.imports
          .filter(
            (t) => t.startsWith("hosts/") || (t.startsWith("registry/") && !f.name.startsWith("registry/")),
          )
          .map((t) => `${f.name} -> ${t}`),
      );
    expect(bad).toEqual([]);
  });

  it("has no import cycles (type-only and on-demand imports count too)", () => {
    const graph = new Map(all.map((f) => [f.name, f.imports]));
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const stack: string[] = [];
    const visit = (name: string): void => {
      state.set(name, "open");
      stack.push(name);
      for (const next of graph.get(name) ?? []) {
        if (state.get(next) === "open") cycles.push([...stack.slice(stack.indexOf(next)), next].join(" -> "));
        else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(name, "done");
    };
    for (const name of graph.keys()) if (!state.has(name)) visit(name);
    expect(cycles).toEqual([]);
  });

  it("a command's descriptor in registry/commands/ wires adapters through the composition root, never imports one", () => {
    const bad = inside("registry/commands").flatMap((f) =>
      f.imports.filter((t) => t.startsWith("adapters/")).map((t) => `${f.name} -> ${t}`),
    );
    expect(bad).toEqual([]);
  });

  it("only the entry points and the hosts read process.env", () => {
    const readers = all
      .filter((f) =>
        /process\.env\b(?!\))/.test(
          readFileSync(path.join(SRC, f.name), "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ""),
        ),
      )
      .map((f) => f.name)
      .filter((name) => !/^(index\.ts|cli\.ts|hosts\/|demo\/app\.ts)/.test(name));
    expect(readers).toEqual([]);
  });
});
