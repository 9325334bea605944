/** How `shipguard demo` is shown: the narration as it happens, then the timeline and the ledger. */

import { printable } from "../presenters/markdown.ts";
import type { DemoNarrator, DemoResult, DemoStep, LedgerRow } from "./types.ts";

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

/** Prints each step as it happens; the product's own log lines indented under it. */
export function textNarrator(write: (text: string) => void, verbose: boolean): DemoNarrator {
  return {
    begin(title) {
      write(`\n→ ${printable(title)}\n`);
    },
    log(level, line) {
      if (level === "debug" && !verbose) return;
      write(`    ${level === "info" ? "" : `${level}: `}${printable(line)}\n`);
    },
    end(step) {
      // ✗ is a failure the demo means to show; !! one it did not expect.
      const mark = !step.ok ? "!!" : step.failed ? "✗" : "✓";
      write(
        `${mark} ${printable(step.title)}  (at ${seconds(step.atMs)}, took ${seconds(step.durationMs)})\n`,
      );
      for (const detail of step.details) write(`    ${printable(detail)}\n`);
    },
  };
}

/** Collects the product's log lines for `--json`. */
export function collectingNarrator(): DemoNarrator & { lines: { level: string; line: string }[] } {
  const lines: { level: string; line: string }[] = [];
  return {
    lines,
    begin() {},
    log(level, line) {
      if (level !== "debug") lines.push({ level, line });
    },
    end() {},
  };
}

export function demoIntro(): string {
  return "shipguard demo: release, promote from staging to production, run a canary and roll it back, on this machine (no network, no GitHub).\n";
}

/** What follows the narration: the timeline, the ledger, the cleanup, and the closing line. */
export function demoText(r: DemoResult): string {
  const parts = ["", "Timeline", timelineText(r.steps), "", `Ledger (${r.ledger.length} lines)`];
  parts.push(r.ledger.length === 0 ? "  (empty)" : ledgerText(r.ledger));
  parts.push("");
  if (r.servers.length > 0) {
    const pids = r.servers.map((s) => `${s.pid}${s.stopped ? "" : " (STILL RUNNING)"}`).join(", ");
    parts.push(`Stopped the app servers and routers (pid ${pids}).`);
  }
  parts.push(
    r.kept
      ? `Kept ${r.folder}: the repository (with its ledger and incident reports in .shipguard/), build/ and server/ (per environment: releases/, route.json, app.log, router.log).`
      : `Removed ${r.folder}.`,
  );
  parts.push(`The whole loop took ${seconds(r.durationMs)}.`, "", r.message);
  return `${parts.map(printable).join("\n")}\n`;
}

function timelineText(steps: DemoStep[]): string {
  const lines = [`  ${"at".padStart(7)}  ${"took".padStart(7)}  step`];
  for (const step of steps) {
    lines.push(
      `  ${seconds(step.atMs).padStart(7)}  ${seconds(step.durationMs).padStart(7)}  ${!step.ok ? "!! " : step.failed ? "✗ " : ""}${step.label}`,
    );
    for (const entry of step.timeline) {
      lines.push(
        `  ${"".padStart(7)}  ${seconds(entry.durationMs).padStart(7)}    · ${entry.step}${entry.detail ? `: ${entry.detail}` : ""}`,
      );
    }
  }
  return lines.join("\n");
}

function ledgerText(rows: LedgerRow[]): string {
  const header = ["time (UTC)", "environment", "version", "kind", "state", "deployment", "description"];
  const cells = rows.map((row) => [
    row.time.slice(11, 23),
    row.environment,
    row.version,
    row.kind,
    row.state,
    row.id.slice(0, 8),
    row.description,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) =>
    `  ${c
      .map((text, i) => (i === c.length - 1 ? text : text.padEnd(widths[i] ?? 0)))
      .join("  ")
      .trimEnd()}`;
  return [line(header), ...cells.map(line)].join("\n");
}

export function demoJson(r: DemoResult, log: { level: string; line: string }[]): Record<string, unknown> {
  return { ...r, log };
}
