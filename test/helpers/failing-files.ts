/**
 * The local state's file operations (LocalFiles) failing as the file system would: a full disk, a
 * read-only mount, a folder of another user. Running as root (CI does), a test cannot make most of
 * these happen for real; everything else is node's own, on real files in a temp folder.
 */
import type { FileHandle } from "node:fs/promises";
import { type LocalFiles, nodeFiles } from "../../src/adapters/local-files.ts";

/** An error as node's fs gives it: `code`, `syscall`, `path`. */
export function fsError(code: string, syscall: string, file: string): NodeJS.ErrnoException {
  const error: NodeJS.ErrnoException = new Error(`${code}: injected failure, ${syscall} '${file}'`);
  error.code = code;
  error.syscall = syscall;
  error.path = file;
  return error;
}

/**
 * A full disk for the files whose name `matches`: they are created (an inode is free) but no text
 * can be written into them, as on a full tmpfs.
 */
export function fullDisk(matches: (file: string) => boolean): LocalFiles {
  const open = async (...args: Parameters<LocalFiles["open"]>): Promise<FileHandle> => {
    const handle = await nodeFiles.open(...args);
    const file = String(args[0]);
    if (!matches(file)) return handle;
    return new Proxy(handle, {
      get(target, key) {
        if (key === "writeFile" || key === "write" || key === "appendFile") {
          return () => Promise.reject(fsError("ENOSPC", "write", file));
        }
        const value: unknown = Reflect.get(target, key);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  };
  return { ...nodeFiles, open };
}

/** `operation` fails with `code` for the files whose name `matches`; everything else works. */
export function refusing(
  operation: keyof LocalFiles,
  code: string,
  matches: (file: string) => boolean,
): LocalFiles {
  const real = nodeFiles[operation] as (...args: unknown[]) => Promise<unknown>;
  const failing = (...args: unknown[]): Promise<unknown> => {
    const file = String(args[0]);
    return matches(file) ? Promise.reject(fsError(code, operation, file)) : real(...args);
  };
  return { ...nodeFiles, [operation]: failing } as LocalFiles;
}
