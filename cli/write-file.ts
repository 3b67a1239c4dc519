/**
 * Writing a file atomically: the new content goes to a temporary file in the same folder, which then
 * replaces the file by a rename, so a reader (an editor, git, a second notelint) sees the old file or
 * the new one, never half of it. An existing file keeps its mode (permissions) and, when we run as root,
 * its owner; a symbolic link keeps pointing at its target, which is the file rewritten.
 */
import { randomBytes } from 'node:crypto';
import { open, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';

export interface WriteOptions {
  /**
   * Replace the file only if it still holds exactly these bytes (what was read and fixed): a file
   * changed in the meantime (an editor saving) is left alone and the write fails with code ECHANGED.
   */
  expectedContent?: Uint8Array;
}

/** Thrown when `expectedContent` no longer matches the file. */
export class FileChangedError extends Error {
  readonly code = 'ECHANGED';
  constructor(file: string) {
    super(`${file} changed while notelint was working on it`);
    this.name = 'FileChangedError';
  }
}

/** Writes `data` to `file` atomically (temporary file + rename). Removes the temporary file on failure. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const target = await resolveLink(path.resolve(file));
  const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // A new file gets the usual 0o666 minus the umask; an existing one its own mode, set exactly below.
  const handle = await open(temporary, 'wx', existing ? 0o600 : 0o666);
  let renamed = false;
  try {
    try {
      await handle.writeFile(data);
      if (existing) {
        await handle.chmod(existing.mode & 0o7777);
        if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
          await handle.chown(existing.uid, existing.gid).catch(() => undefined);
        }
      }
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (options.expectedContent && existing) {
      const current = await readFile(target);
      if (!current.equals(options.expectedContent)) throw new FileChangedError(target);
    }
    await rename(temporary, target);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temporary).catch(() => undefined);
  }
}

/** The file a path names, following symbolic links; the path itself when it does not exist yet. */
async function resolveLink(file: string): Promise<string> {
  try {
    return await realpath(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return file;
    throw error;
  }
}
