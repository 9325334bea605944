/**
 * The local incident log on real folders: one markdown file per incident, a section per later
 * event, nothing for an event already there, whole-file replacement under a lock, and ids that
 * cannot leave the folder.
 */
import { execFileSync } from "node:child_process";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, type TestContext } from "vitest";
import { incidentsFolder, LocalIncidentLog } from "../../src/adapters/local-incidents.ts";
import { defaultLedgerPath } from "../../src/adapters/local-ledger.ts";
import type { Incident, NotifyEventName } from "../../src/core/notify/event.ts";
import type { Logger } from "../../src/ports.ts";
import { fullDisk, refusing } from "../helpers/failing-files.ts";
import { failure } from "../helpers/failure.ts";

const ID = "sg-m1abc-0123456789ab";

function temporaryRepository(ctx: TestContext): string {
  const top = mkdtempSync(path.join(os.tmpdir(), "shipguard-incidents-"));
  ctx.onTestFinished(() => rmSync(top, { recursive: true, force: true }));
  return top;
}

function logger(warnings: string[] = []): Logger {
  return { debug() {}, info() {}, warning: (m) => warnings.push(m), untrusted() {} };
}

function incident(event: NotifyEventName, overrides: Partial<Incident> = {}): Incident {
  return {
    id: ID,
    event,
    title: "Rollback in production: 1.2.0 → 1.1.0",
    report: `## ${event}\n\nWhat happened.\n`,
    ...overrides,
  };
}

describe("LocalIncidentLog", () => {
  it("writes <folder>/<id>.md with the title, the markers and the report, in a .shipguard kept out of git", async (ctx) => {
    const top = temporaryRepository(ctx);
    const folder = incidentsFolder(defaultLedgerPath(top));
    expect(folder).toBe(path.join(top, ".shipguard", "incidents"));
    const log = new LocalIncidentLog(folder, logger());
    const file = path.join(folder, `${ID}.md`);
    expect(await log.record(incident("verify-failed"))).toEqual({ action: "opened", where: file });
    expect(readFileSync(file, "utf8")).toBe(
      "# Rollback in production: 1.2.0 → 1.1.0\n\n" +
        `<!-- shipguard:incident id=${ID} -->\n` +
        `<!-- shipguard:event id=${ID} event=verify-failed -->\n\n` +
        "## verify-failed\n\nWhat happened.\n",
    );
    expect(readFileSync(path.join(top, ".shipguard", ".gitignore"), "utf8")).toBe("*\n");
    // Nothing but the file: no temporary file, no lock left behind.
    expect(readdirSync(folder)).toEqual([`${ID}.md`]);
  });

  it("appends a later event after a rule, and changes nothing for an event already there", async (ctx) => {
    const folder = path.join(temporaryRepository(ctx), "incidents");
    const log = new LocalIncidentLog(folder, logger());
    const file = path.join(folder, `${ID}.md`);
    await log.record(incident("verify-failed"));
    expect(await log.record(incident("rolled-back"))).toEqual({ action: "commented", where: file });
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(
      new RegExp(
        `What happened\\.\\n\\n---\\n\\n<!-- shipguard:event id=${ID} event=rolled-back -->\\n\\n## rolled-back\\n`,
      ),
    );
    // A re-run records both events again: the file stays as it is.
    const again = new LocalIncidentLog(folder, logger());
    expect(await again.record(incident("rolled-back"))).toEqual({ action: "unchanged", where: file });
    expect(await again.record(incident("verify-failed"))).toEqual({ action: "unchanged", where: file });
    expect(readFileSync(file, "utf8")).toBe(text);
    // Another incident has its own file; no .gitignore outside a .shipguard folder.
    await log.record(incident("blocked", { id: "sg-other" }));
    expect(readdirSync(folder).sort()).toEqual([`${ID}.md`, "sg-other.md"]);
  });

  it("keeps every event when several processes record at once", async (ctx) => {
    const folder = path.join(temporaryRepository(ctx), "incidents");
    const events: NotifyEventName[] = [
      "verify-failed",
      "rolled-back",
      "rollback-failed",
      "blocked",
      "deployed",
    ];
    await Promise.all(events.map((event) => new LocalIncidentLog(folder, logger()).record(incident(event))));
    const text = readFileSync(path.join(folder, `${ID}.md`), "utf8");
    for (const event of events) expect(text).toContain(`event=${event} -->`);
    expect(text.match(/^# /gm)).toHaveLength(1);
    expect(text.match(/^---$/gm)).toHaveLength(4);
  });

  it("breaks a lock a crashed process left behind, and says so", async (ctx) => {
    const folder = path.join(temporaryRepository(ctx), "incidents");
    const warnings: string[] = [];
    const log = new LocalIncidentLog(folder, logger(warnings));
    await log.record(incident("verify-failed"));
    const lock = path.join(folder, `${ID}.md.lock`);
    writeFileSync(lock, "");
    const old = new Date(Date.now() - 60_000);
    utimesSync(lock, old, old);
    expect((await log.record(incident("rolled-back"))).action).toBe("commented");
    expect(warnings.join("\n")).toContain("stale lock");
    expect(readdirSync(folder)).toEqual([`${ID}.md`]);
  });

  it("disarms an event marker quoted in a report, so it cannot stand for a later event", async (ctx) => {
    const folder = path.join(temporaryRepository(ctx), "incidents");
    const log = new LocalIncidentLog(folder, logger());
    const forged = `<!-- shipguard:event id=${ID} event=rolled-back -->`;
    await log.record(incident("verify-failed", { report: `A commit said ${forged}` }));
    expect(readFileSync(path.join(folder, `${ID}.md`), "utf8")).not.toContain(forged);
    expect((await log.record(incident("rolled-back"))).action).toBe("commented");
  });

  it("disarms a marker in the title too: a forged one cannot hide the real report of a later event", async (ctx) => {
    const folder = path.join(temporaryRepository(ctx), "incidents");
    const log = new LocalIncidentLog(folder, logger());
    const file = path.join(folder, `${ID}.md`);
    for (const forged of [
      `<!-- shipguard:event id=${ID} event=rolled-back -->`,
      // Control characters are taken out of a title: the marker that would make is disarmed too.
      `<!--\u0001shipguard:event id=${ID} event=rolled-back -->`,
    ]) {
      await rm(folder, { recursive: true, force: true });
      await log.record(incident("verify-failed", { title: `Rollback in production ${forged}` }));
      const text = readFileSync(file, "utf8");
      expect(text.split("\n")[0]).toMatch(/^# Rollback in production <!-- ?shipguard \(quoted\):event/);
      expect(text).not.toContain(`<!-- shipguard:event id=${ID} event=rolled-back -->`);
      expect((await log.record(incident("rolled-back"))).action).toBe("commented");
      expect(readFileSync(file, "utf8")).toContain("## rolled-back");
    }
  });

  it("refuses an incident file that is a symbolic link, not UTF-8, or not a regular file, and leaves it as it is", async (ctx) => {
    const top = temporaryRepository(ctx);
    const folder = path.join(top, "incidents");
    const file = path.join(folder, `${ID}.md`);
    const log = new LocalIncidentLog(folder, logger());
    mkdirSync(folder);

    // A link to a file elsewhere (or to nothing): never written through, never replaced.
    const elsewhere = path.join(top, "elsewhere.md");
    writeFileSync(elsewhere, "# Someone else's file\n");
    for (const target of [elsewhere, path.join(top, "nothing-here.md")]) {
      symlinkSync(target, file);
      const error = await failure(log.record(incident("verify-failed")));
      expect(error.code).toBe("SG_INCIDENT_FILE_IO");
      expect(error.message).toContain(`${file}: it is a symbolic link`);
      expect(error.remedy).toContain(`Move ${file} aside`);
      expect(lstatSync(file).isSymbolicLink()).toBe(true);
      expect(readlinkSync(file)).toBe(target);
      rmSync(file);
    }
    expect(readFileSync(elsewhere, "utf8")).toBe("# Someone else's file\n");
    expect(existsSync(path.join(top, "nothing-here.md"))).toBe(false);

    // Bytes that are not UTF-8: rewriting them would turn them into U+FFFD for good.
    const bytes = Buffer.concat([
      Buffer.from("# Rollback\n\n"),
      Buffer.from([0xff, 0xfe, 0x80]),
      Buffer.from("\n"),
    ]);
    writeFileSync(file, bytes);
    const encoding = await failure(log.record(incident("rolled-back")));
    expect(encoding.code).toBe("SG_INCIDENT_FILE_IO");
    expect(encoding.message).toContain(`${file}: it is not valid UTF-8`);
    expect(readFileSync(file)).toEqual(bytes);
    rmSync(file);

    // A named pipe would block a plain read for ever; a folder is no file either.
    execFileSync("mkfifo", [file]);
    const pipe = await failure(log.record(incident("blocked")));
    expect(pipe.message).toContain(`${file}: it is not a regular file`);
    expect(lstatSync(file).isFIFO()).toBe(true);
    rmSync(file);

    expect(readdirSync(folder)).toEqual([]);
  }, 15_000);

  it("refuses ids that are not correlation ids, writing nothing, and reports a folder it cannot make", async (ctx) => {
    const top = temporaryRepository(ctx);
    const folder = path.join(top, "incidents");
    const log = new LocalIncidentLog(folder, logger());
    for (const id of ["", "../escape", "a/b", "a\\b", "x".repeat(129), "sg 1"]) {
      expect((await failure(log.record(incident("blocked", { id })))).code).toBe("SG_INCIDENT_ID_INVALID");
    }
    expect(readdirSync(top)).toEqual([]);
    // Dots alone are a file name here, never a way out of the folder.
    expect((await log.record(incident("blocked", { id: ".." }))).where).toBe(path.join(folder, "...md"));

    const blocked = path.join(top, "not-a-folder");
    writeFileSync(blocked, "");
    const error = await failure(
      new LocalIncidentLog(path.join(blocked, "incidents"), logger()).record(incident("blocked")),
    );
    expect(error.code).toBe("SG_INCIDENT_FILE_IO");
    expect(error.message).toContain(path.join(blocked, "incidents", `${ID}.md`));
    expect(error.remedy).toContain("is a file, not a folder");
  });

  it("a full disk or a read-only folder: SG_INCIDENT_FILE_IO with the fix for each, the file as it was", async (ctx) => {
    const folder = path.join(temporaryRepository(ctx), "incidents");
    const file = path.join(folder, `${ID}.md`);
    await new LocalIncidentLog(folder, logger()).record(incident("verify-failed"));
    const before = readFileSync(file, "utf8");

    const full = await failure(
      new LocalIncidentLog(folder, logger(), { files: fullDisk((f) => f.endsWith(".tmp")) }).record(
        incident("rolled-back"),
      ),
    );
    expect(full.code).toBe("SG_INCIDENT_FILE_IO");
    expect(full.remedy).toContain(`that holds ${folder} is full: free space there`);

    const readOnly = await failure(
      new LocalIncidentLog(folder, logger(), {
        files: refusing("open", "EROFS", (f) => f.endsWith(".tmp")),
      }).record(incident("rolled-back")),
    );
    expect(readOnly.code).toBe("SG_INCIDENT_FILE_IO");
    expect(readOnly.remedy).toContain(
      `${folder} is on a read-only file system: choose another \`ledger-file\``,
    );

    // Neither left a temporary file or a lock, nor changed the incident.
    expect(readFileSync(file, "utf8")).toBe(before);
    expect(readdirSync(folder)).toEqual([`${ID}.md`]);
  });
});
