/**
 * Writing a file atomically: the new content goes to a temporary file in the same folder, which then
 * replaces the file by a rename, so a reader (an editor, git, a second notelint) sees the old file or
 * the new one, never half of it. An existing file keeps its mode (permissions) and, when we run as root,
 * its owner; a symbolic link keeps pointing at its target, which is the file rewritten.
 *
 * A rename needs only the folder's write permission, so the file's own is checked first: a read-only
 * file is never replaced (ReadOnlyError), whoever we run as. The temporary files in flight are kept in a
 * registry so that a signal handler can remove them before the process exits (removePendingTemporariesSync).
 */
import { randomBytes } from 'node:crypto';
import { close, constants, fchmod, fchown, fsync, openSync, unlinkSync, writeFile } from 'node:fs';
import { access, readFile, realpath, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';

const writeFd = promisify(writeFile);
const fchmodFd = promisify(fchmod);
const fchownFd = promisify(fchown);
const fsyncFd = promisify(fsync);
const closeFd = promisify(close);

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

/**
 * Thrown when the file exists and may not be written: no write permission for anyone in its mode (even
 * when we run as root, who could), or none for us (`access(W_OK)`). Its code is EACCES, as a write would get.
 */
export class ReadOnlyError extends Error {
  readonly code = 'EACCES';
  constructor(readonly file: string) {
    super(`${file} is read-only`);
    this.name = 'ReadOnlyError';
  }
}

/**
 * The temporary files that exist (or are being created or renamed) right now. A path leaves the set only
 * once it is gone (renamed over the file, or removed).
 */
const pendingTemporaries = new Set<string>();

/**
 * Removes the temporary files of the writes in flight, synchronously: for a signal handler, just before
 * the process exits. Each file then is either untouched (its temporary removed: the rename cannot happen)
 * or whole (renamed already). Returns how many were removed.
 */
export function removePendingTemporariesSync(): number {
  let removed = 0;
  for (const temporary of pendingTemporaries) {
    try {
      unlinkSync(temporary);
      removed++;
    } catch {
      // already renamed or removed
    }
  }
  pendingTemporaries.clear();
  return removed;
}

/** Writes `data` to `file` atomically (temporary file + rename). Removes the temporary file on failure. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, options: WriteOptions = {}): Promise<void> {
  const target = await resolveLink(path.resolve(file));
  const existing = await stat(target).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  });
  if (existing) await assertWritable(target, existing.mode);
  const dir = path.dirname(target);
  const temporary = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  // Created synchronously and registered at once: a signal handler (which runs between two JavaScript
  // turns) never finds a temporary file that exists but is not in the registry yet.
  // A new file gets the usual 0o666 minus the umask; an existing one its own mode, set exactly below.
  const fd = openSync(temporary, 'wx', existing ? 0o600 : 0o666);
  pendingTemporaries.add(temporary);
  let renamed = false;
  try {
    try {
      await writeFd(fd, data);
      if (existing) {
        await fchmodFd(fd, existing.mode & 0o7777);
        if (process.getuid?.() === 0 && (existing.uid !== 0 || existing.gid !== 0)) {
          await fchownFd(fd, existing.uid, existing.gid).catch(() => undefined);
        }
      }
      await fsyncFd(fd);
    } finally {
      await closeFd(fd);
    }
    if (existing) {
      // Again just before replacing it: made read-only or changed in the meantime, it is left alone.
      await assertWritable(target);
      if (options.expectedContent) {
        const current = await readFile(target);
        if (!current.equals(options.expectedContent)) throw new FileChangedError(target);
      }
    }
    await rename(temporary, target);
    renamed = true;
  } finally {
    if (!renamed) await unlink(temporary).catch(() => undefined);
    pendingTemporaries.delete(temporary);
  }
}

/**
 * Throws ReadOnlyError when an existing file may not be written. The mode decides first, for root too
 * (root may write anything, but a file without any write bit is meant to stay as it is); then, when we
 * are not root, whether we may write it (owner, group, ACLs), as `access(W_OK)` tells.
 */
async function assertWritable(file: string, mode?: number): Promise<void> {
  let bits = mode;
  if (bits === undefined) {
    const current = await stat(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return undefined; // gone meanwhile: nothing to protect
      throw error;
    });
    if (!current) return;
    bits = current.mode;
  }
  if ((bits & 0o222) === 0) throw new ReadOnlyError(file);
  if (process.getuid?.() === 0) return;
  try {
    await access(file, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') throw new ReadOnlyError(file);
    if (code !== 'ENOENT') throw error;
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
