/**
 * What the `symlink` strategy put in a releases folder, kept in that folder
 * (`.shipguard-releases.json`), so pruning deletes only releases shipguard deployed there and never
 * a folder someone else made, even one named like a version.
 *
 * It lives with the releases rather than in the ledger because it describes the folder: it stays
 * right when the ledger is on GitHub or elsewhere, when the ledger is reset, and when several
 * environments share a releases folder. The file is replaced in one rename, never half written;
 * an unreadable one prunes nothing (the safe side) and is said in the log.
 */
import { randomBytes } from "node:crypto";
import { readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";

export const MANIFEST_NAME = ".shipguard-releases.json";

export class ReleaseManifest {
  readonly file: string;

  constructor(releasesDir: string) {
    this.file = path.join(releasesDir, MANIFEST_NAME);
  }

  /** The versions recorded; none when there is no file yet. Throws on a file that is not a manifest. */
  async read(): Promise<Set<string>> {
    let text: string;
    try {
      text = await readFile(this.file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return new Set();
      throw error;
    }
    const parsed = JSON.parse(text) as { releases?: unknown };
    if (!Array.isArray(parsed.releases)) throw new Error(`${this.file} has no "releases" list`);
    return new Set(parsed.releases.filter((v): v is string => typeof v === "string"));
  }

  async add(version: string): Promise<void> {
    const recorded = await this.read();
    if (recorded.has(version)) return;
    recorded.add(version);
    await this.write(recorded);
  }

  async remove(versions: readonly string[]): Promise<void> {
    if (versions.length === 0) return;
    const recorded = await this.read();
    for (const version of versions) recorded.delete(version);
    await this.write(recorded);
  }

  private async write(recorded: Set<string>): Promise<void> {
    const text = `${JSON.stringify({ releases: [...recorded].sort() }, null, 2)}\n`;
    const temporary = `${this.file}.${randomBytes(6).toString("hex")}`;
    try {
      await writeFile(temporary, text, { flag: "wx" });
      await rename(temporary, this.file);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }
}
