/** The options of issue 20: the files a release writes (version files, the changelog, dependents), and how it releases. */
// Typed where OPTIONS spreads them (options.ts): importing OptionSpec here would make an import cycle.
export const RELEASE_FILE_OPTIONS = [
  {
    name: "version-files",
    description:
      "Files whose version `release` sets to the new one, comma-separated or one per line (`package.json, Chart.yaml`): package.json (and the package-lock.json or npm-shrinkwrap.json next to it), pyproject.toml (and its uv.lock entry), Cargo.toml (and its Cargo.lock entry), Chart.yaml, pom.xml, build.gradle(.kts), gradle.properties, VERSION, version.txt; in any other file, each line marked `x-shipguard-version`. In a monorepo, per package and relative to its folder. With version files or a changelog, a release is one commit `chore(release): <version>`, then the tag on it.",
    commands: ["release"],
  },
  {
    name: "changelog-file",
    description:
      "The changelog `release` adds the release's notes to, above the previous release (`CHANGELOG.md`); made with a `# Changelog` title when missing. In a monorepo, per package and relative to its folder.",
    commands: ["release"],
  },
  {
    name: "chart-app-version",
    description: "In a `Chart.yaml` of version-files, set `appVersion` to the new version too.",
    default: "false",
    commands: ["release"],
    boolean: true,
  },
  {
    name: "bump-dependents",
    description:
      "In a monorepo of npm, pnpm or yarn workspaces or a Cargo workspace: when a package is released, every configured package whose manifest depends on it gets its range updated (`^`, `~` or exact kept; `workspace:` ranges, and Cargo `path`-only or `workspace = true` dependencies, as they are; the root Cargo.toml's `[workspace.dependencies]` ranges too) and at least a patch release with a Dependencies section, transitively.",
    default: "true",
    commands: ["version", "release"],
    boolean: true,
  },
  {
    name: "release-mode",
    description:
      "`release`: `direct` tags and releases the analysed commit; `pull-request` opens (and keeps up to date) one release pull request to the branch with the version files and changelog, and tags and releases once it is merged. Needs GitHub: `contents: write` and `pull-requests: write`.",
    default: "direct",
    commands: ["release"],
  },
] as const;
