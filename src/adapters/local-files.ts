/**
 * The file operations of the local state (the ledger, its locks, the incident files), in one
 * place: the folder they live in, made the same way whichever of them comes first; a file created
 * exclusively that is never left empty; and the error a failure of either becomes.
 */
import * as fsp from "node:fs/promises";
import path from "node:path";
import { ShipguardError, shipguardError } from "../errors.ts";

/**
 * The file operations the local state uses: node's own, or (in tests) ones that fail as a full
 * disk, a read-only mount or a folder of another user would, which a test running as root cannot
 * make happen for real.
 */
export type LocalFiles = Pick<
  typeof fsp,
  "open" | "mkdir" | "readFile" | "rm" | "rename" | "stat" | "utimes" | "link"
>;

export const nodeFiles: LocalFiles = fsp;

/**
 * Makes a folder of the local state: the ledger's folder, or one in it (`incidents/`, with the
 * ledger's folder as `stateFolder`). When the state folder is a `.shipguard`, it holds a
 * `.gitignore` of `*`, made when it is missing whoever made the folder (a user's own is never
 * replaced): the local state must never be committed by accident.
 */
export async function makeFolder(
  folder: string,
  stateFolder: string = folder,
  files: LocalFiles = nodeFiles,
): Promise<void> {
  await files.mkdir(folder, { recursive: true });
  if (path.basename(stateFolder) === ".shipguard") {
    await createExclusive(path.join(stateFolder, ".gitignore"), "*\n", files);
  }
}

/**
 * Creates `file` with `text`, only if it does not exist (false when it does). A file whose text
 * could not be written (a full disk) is removed before the error is thrown: an empty lock file
 * names no holder, so every later run would wait for it until it looked abandoned.
 */
export async function createExclusive(
  file: string,
  text: string,
  files: LocalFiles = nodeFiles,
): Promise<boolean> {
  let handle: fsp.FileHandle;
  try {
    handle = await files.open(file, "wx");
  } catch (error) {
    if (errnoOf(error) === "EEXIST") return false;
    throw error;
  }
  try {
    await handle.writeFile(text, "utf8");
  } catch (error) {
    await handle.close().catch(() => undefined);
    await files.rm(file, { force: true }).catch(() => undefined);
    throw error;
  }
  await handle.close();
  return true;
}

/** The file system's code of an error (`ENOSPC`, `EROFS`, `EACCES`, ...), when it has one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** SG_LEDGER_IO for a failure to `what` (`create the lock ...`) in the ledger's folder. */
export function ledgerIoError(what: string, folder: string, error: unknown): ShipguardError {
  if (error instanceof ShipguardError) return error;
  const detail = error instanceof Error ? error.message : String(error);
  return shipguardError("SG_LEDGER_IO", { what, detail, folder, errno: errnoOf(error) }, { cause: error });
}
