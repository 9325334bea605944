// The monorepo benchmark (issue 19, "Speed"), run by test/bench/run.mjs: `version --json` on the
// generated monorepo (test/bench/make-monorepo.mjs) against the baseline
// `git log --name-only --format=%H%x1f%B%x1e <oldest last tag>..HEAD`, medians of alternated runs,
// Node's own peak RSS, and the answer: every package's version, bump and release-needed, and
// releasedPackages, as the generator computed them. A CLI that does not report `packages` has no
// figure here: the answer check fails loudly and nothing is timed.

import { ensureMonorepo, MONOREPO_GENERATOR_VERSION } from "./make-monorepo.mjs";
import { max, mb, measure, median } from "./measure.mjs";

export const MONOREPO_TARGETS = { ratio: 1.5, nodePeakMB: 200 };

/**
 * Compares the CLI's JSON with the generator's answer.
 * @returns {{ok: boolean, problems: string[], notes: string[], released: number | null}}
 */
export function checkMonorepoAnswer(stdout, expected) {
  let json;
  try {
    json = JSON.parse(stdout);
  } catch {
    return fail([`stdout is not JSON: ${JSON.stringify(stdout.slice(0, 200))}`]);
  }
  const actual = json?.packages;
  if (actual === null || typeof actual !== "object" || Array.isArray(actual)) {
    return fail([
      "the CLI's JSON has no `packages` object: it does not read the `packages` of .github/shipguard.yml " +
        `yet (the monorepo support of issue 19), so no figure is reported (top-level keys: ${Object.keys(json ?? {}).join(", ")})`,
    ]);
  }
  const problems = [];
  const notes = [];
  for (const [where, want] of Object.entries(expected.packages)) {
    const got = actual[where];
    if (got === null || typeof got !== "object") {
      problems.push(`${where}: missing from packages`);
      continue;
    }
    for (const key of ["version", "bump", "release-needed", "previous-tag"]) {
      if (!(key in got)) problems.push(`${where}: no "${key}" key (keys: ${Object.keys(got).join(", ")})`);
      else if (got[key] !== want[key])
        problems.push(`${where}: ${key} ${JSON.stringify(got[key])}, expected ${JSON.stringify(want[key])}`);
    }
    if ("commit-count" in got && got["commit-count"] !== want["commit-count"])
      notes.push(
        `${where}: commit-count ${got["commit-count"]} (the generator counts ${want["commit-count"]})`,
      );
  }
  for (const where of Object.keys(actual))
    if (!(where in expected.packages)) problems.push(`${where}: not a configured package`);
  const released = json.releasedPackages ?? json["released-packages"];
  if (!Array.isArray(released)) problems.push("no releasedPackages array");
  else {
    const want = [...expected.releasedPackages].sort();
    const got = [...released].sort();
    if (JSON.stringify(got) !== JSON.stringify(want))
      problems.push(`releasedPackages ${JSON.stringify(got)}, expected ${JSON.stringify(want)}`);
  }
  return {
    ok: problems.length === 0,
    problems,
    notes,
    released: Array.isArray(released) ? released.length : null,
  };
}

function fail(problems) {
  return { ok: false, problems, notes: [], released: null };
}

/**
 * Runs the monorepo benchmark. `o`: {cli, size, runs, cacheRoot, regen, timeoutMs, nodePath, cwd}.
 * `say(line)` reports progress; `loud(lines)` a failure.
 */
export async function benchMonorepo(o, say, loud) {
  const t0 = process.hrtime.bigint();
  const { dir, generated, marker } = await ensureMonorepo(o.size, {
    cacheRoot: o.cacheRoot,
    force: o.regen,
    log: (m) => say(m),
  });
  const genSeconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const expected = marker.expected;
  say(
    `repository ${generated ? `generated in ${genSeconds.toFixed(1)} s` : "cached"}: ${dir} (HEAD ${marker.head.slice(0, 12)}, ` +
      `${(marker.diskBytes / 2 ** 20).toFixed(1)} MB on disk, ${marker.packageCount} packages, ${marker.stats.merges} merges, ` +
      `${marker.stats.tags} tags; oldest last tag ${marker.oldestLastTag}, ${marker.commitsSinceOldestLastTag.toLocaleString("en-US")} commits since; ` +
      `${expected.releasedPackages.length} packages should release)`,
  );
  const gitArgv = ["git", "log", "--name-only", "--format=%H%x1f%B%x1e", `${marker.oldestLastTag}..HEAD`];
  const subjectArgv = [o.nodePath, o.cli, "version", "--json", "--cwd", dir];
  const result = {
    size: o.size,
    repo: dir,
    head: marker.head,
    generatorVersion: MONOREPO_GENERATOR_VERSION,
    generated,
    generateSeconds: generated ? Math.round(genSeconds * 10) / 10 : marker.generateSeconds,
    diskBytes: marker.diskBytes,
    oldestLastTag: marker.oldestLastTag,
    commitsRead: marker.commitsSinceOldestLastTag,
    repoStats: marker.stats,
    runs: o.runs,
    gitLog: { argv: gitArgv, wallMs: [], peakKB: [] },
    subject: { argv: subjectArgv, wallMs: [], peakKB: [], treePeakKB: [], error: null },
    answer: null,
    ratio: null,
    targets: { ratio: false, nodePeak: false, answer: false },
  };
  const git = () => measure(gitArgv, { cwd: dir, stdout: "null", timeoutMs: o.timeoutMs });
  const cli = () => measure(subjectArgv, { cwd: o.cwd, stdout: "capture", timeoutMs: o.timeoutMs });
  const failed = (r) =>
    r.timedOut
      ? `timed out after ${o.timeoutMs / 1000} s`
      : `exit ${r.code ?? r.signal}: ${r.stderr.trim().slice(-2000)}`;

  const warmGit = await git();
  if (warmGit.code !== 0) throw new Error(`git log failed in ${dir}: ${warmGit.stderr}`);
  const warm = await cli();
  if (warm.code !== 0 || warm.timedOut) {
    result.subject.error = failed(warm);
    result.answer = fail([result.subject.error]);
  } else result.answer = checkMonorepoAnswer(warm.stdout, expected);
  if (!result.answer.ok) {
    loud([
      `FAIL: WRONG ANSWER on the monorepo (${dir}): no monorepo figure is reported`,
      ...result.answer.problems.slice(0, 15),
      ...(result.answer.problems.length > 15 ? [`... and ${result.answer.problems.length - 15} more`] : []),
    ]);
  }
  // The CLI is timed only when its answer is right: a fast wrong answer is no figure. The baseline
  // is timed either way.
  for (let i = 1; i <= o.runs; i += 1) {
    const g = await git();
    if (g.code !== 0) throw new Error(`git log failed in ${dir}: ${g.stderr}`);
    result.gitLog.wallMs.push(g.wallMs);
    result.gitLog.peakKB.push(g.peakKB);
    if (!result.answer.ok) {
      say(
        `run ${i}/${o.runs}: git log ${(g.wallMs / 1000).toFixed(3)} s | shipguard not timed (wrong answer)`,
      );
      continue;
    }
    const s = await cli();
    if (s.code !== 0 || s.timedOut) {
      result.subject.error = failed(s);
      result.answer = fail([result.subject.error]);
      loud([`FAIL: ${subjectArgv.slice(1).join(" ")} failed on the monorepo`, result.subject.error]);
      break;
    }
    const again = checkMonorepoAnswer(s.stdout, expected);
    if (!again.ok) result.answer = again;
    result.subject.wallMs.push(s.wallMs);
    result.subject.peakKB.push(s.peakKB);
    result.subject.treePeakKB.push(s.treePeakKB);
    say(
      `run ${i}/${o.runs}: git log ${(g.wallMs / 1000).toFixed(3)} s | shipguard ${(s.wallMs / 1000).toFixed(3)} s ` +
        `${s.peakKB == null ? "-" : mb(s.peakKB).toFixed(1)} MB`,
    );
  }
  result.gitLog.medianMs = median(result.gitLog.wallMs);
  result.subject.medianMs = median(result.subject.wallMs);
  result.subject.medianPeakKB = median(result.subject.peakKB);
  result.subject.maxPeakKB = max(result.subject.peakKB);
  if (result.answer.ok && result.subject.medianMs != null) {
    result.ratio = result.subject.medianMs / result.gitLog.medianMs;
    result.targets = {
      ratio: result.ratio <= MONOREPO_TARGETS.ratio,
      nodePeak:
        // Every run must stay under the limit: the highest peak, not the median.
        result.subject.maxPeakKB != null && mb(result.subject.maxPeakKB) < MONOREPO_TARGETS.nodePeakMB,
      answer: true,
    };
    say(
      `answer OK: ${result.answer.released} packages release, as the generator expects` +
        (result.answer.notes.length ? `; notes: ${result.answer.notes.slice(0, 5).join("; ")}` : ""),
    );
  }
  return result;
}
