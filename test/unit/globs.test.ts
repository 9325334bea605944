import { describe, expect, it } from "vitest";
import { globToRegExp, matchAny } from "../../src/core/globs.ts";

describe("migration-path globs", () => {
  it.each([
    ["migrations/**", "migrations/001_init.sql", true],
    ["migrations/**", "migrations/2026/002.sql", true],
    ["migrations/**", "src/migrations.ts", false],
    ["**/migrations/**", "services/api/migrations/003.sql", true],
    ["**/migrations/**", "migrations/003.sql", true],
    ["db/migrate/*.rb", "db/migrate/20260101_add.rb", true],
    ["db/migrate/*.rb", "db/migrate/sub/x.rb", false],
    ["schema.prisma", "schema.prisma", true],
    ["?.sql", "a.sql", true],
    ["a.b", "axb", false],
  ])("%s vs %s", (glob, path, expected) => {
    expect(globToRegExp(glob).test(path)).toBe(expected);
  });

  it("matchAny keeps the paths that match some glob", () => {
    expect(
      matchAny(["README.md", "migrations/1.sql", "db/migrate/2.rb"], ["migrations/**", "db/migrate/**"]),
    ).toEqual(["migrations/1.sql", "db/migrate/2.rb"]);
  });
});
