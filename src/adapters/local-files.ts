/**
 * The folder of the local state (the ledger, its locks, the incident files), made the same way
 * whichever of them comes first.
 */
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * Makes a folder of the local state: the ledger's folder, or one in it (`incidents/`, with the
 * ledger's folder as `stateFolder`). When the state folder is a `.shipguard`, it holds a
 * `.gitignore` of `*`, made when it is missing whoever made the folder (a user's own is never
 * replaced): the local state must never be committed by accident.
 */
export async function makeFolder(folder: string, stateFolder: string = folder): Promise<void> {
  await mkdir(folder, { recursive: true });
  if (path.basename(stateFolder) !== ".shipguard") return;
  await writeFile(path.join(stateFolder, ".gitignore"), "*\n", { flag: "wx" }).catch((error: unknown) => {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  });
}
