import { createRequire as __shipguardCreateRequire } from 'node:module';
const require = __shipguardCreateRequire(import.meta.url);
import {
  printable
} from "./chunk-ZNHUX4NO.js";
import "./chunk-YIKRADAN.js";

// src/presenters/demo.ts
var seconds = (ms) => `${(ms / 1e3).toFixed(2)} s`;
function textNarrator(write, verbose) {
  return {
    begin(title) {
      write(`
\u2192 ${printable(title)}
`);
    },
    log(level, line) {
      if (level === "debug" && !verbose) return;
      write(`    ${level === "info" ? "" : `${level}: `}${printable(line)}
`);
    },
    end(step) {
      const mark = !step.ok ? "!!" : step.failed ? "\u2717" : "\u2713";
      write(
        `${mark} ${printable(step.title)}  (at ${seconds(step.atMs)}, took ${seconds(step.durationMs)})
`
      );
      for (const detail of step.details) write(`    ${printable(detail)}
`);
    }
  };
}
function collectingNarrator() {
  const lines = [];
  return {
    lines,
    begin() {
    },
    log(level, line) {
      if (level !== "debug") lines.push({ level, line });
    },
    end() {
    }
  };
}
function demoIntro() {
  return "shipguard demo: release, deploy, verify and roll back, on this machine (no network, no GitHub).\n";
}
function demoText(r) {
  const parts = ["", "Timeline", timelineText(r.steps), "", `Ledger (${r.ledger.length} lines)`];
  parts.push(r.ledger.length === 0 ? "  (empty)" : ledgerText(r.ledger));
  parts.push("");
  if (r.servers.length > 0) {
    const pids = r.servers.map((s) => `${s.pid}${s.stopped ? "" : " (STILL RUNNING)"}`).join(", ");
    parts.push(`Stopped the app server${r.servers.length === 1 ? "" : "s"} (pid ${pids}).`);
  }
  parts.push(
    r.kept ? `Kept ${r.folder}: the repository (with its ledger in .shipguard/), build/ and server/ (releases, current, app.log).` : `Removed ${r.folder}.`
  );
  parts.push(`The whole loop took ${seconds(r.durationMs)}.`, "", r.message);
  return `${parts.map(printable).join("\n")}
`;
}
function timelineText(steps) {
  const lines = [`  ${"at".padStart(7)}  ${"took".padStart(7)}  step`];
  for (const step of steps) {
    lines.push(
      `  ${seconds(step.atMs).padStart(7)}  ${seconds(step.durationMs).padStart(7)}  ${!step.ok ? "!! " : step.failed ? "\u2717 " : ""}${step.label}`
    );
    for (const entry of step.timeline) {
      lines.push(
        `  ${"".padStart(7)}  ${seconds(entry.durationMs).padStart(7)}    \xB7 ${entry.step}${entry.detail ? `: ${entry.detail}` : ""}`
      );
    }
  }
  return lines.join("\n");
}
function ledgerText(rows) {
  const header = ["time (UTC)", "environment", "version", "kind", "state", "deployment", "description"];
  const cells = rows.map((row) => [
    row.time.slice(11, 23),
    row.environment,
    row.version,
    row.kind,
    row.state,
    row.id.slice(0, 8),
    row.description
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c) => `  ${c.map((text, i) => i === c.length - 1 ? text : text.padEnd(widths[i] ?? 0)).join("  ").trimEnd()}`;
  return [line(header), ...cells.map(line)].join("\n");
}
function demoJson(r, log) {
  return { ...r, log };
}
export {
  collectingNarrator,
  demoIntro,
  demoJson,
  demoText,
  textNarrator
};
