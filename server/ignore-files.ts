import { readFile } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { isInside, toPosix } from '../files/paths.js';

const IGNORE_FILE = '.notelintignore';

/**
 * `.notelintignore` files (.gitignore syntax, relative to their own folder) between the workspace
 * folder and a note, as the CLI honours them: a note they leave out stays quiet in the editor too.
 * For a note outside the workspace folder, every folder above it counts.
 */
export class IgnoreFiles {
  private byFolder = new Map<string, Promise<Ignore | undefined>>();

  constructor(private readonly root: string) {}

  reset(): void {
    this.byFolder = new Map();
  }

  /** The ignore file that leaves the note out, if one does: read from the workspace folder (else the file system root) down. */
  async ignoring(file: string): Promise<string | undefined> {
    const top = isInside(file, this.root) ? this.root : path.parse(file).root;
    const folders: string[] = [];
    for (let dir = path.dirname(file); ; dir = path.dirname(dir)) {
      folders.unshift(dir);
      if (dir === top || path.dirname(dir) === dir) break;
    }
    for (const dir of folders) {
      const matcher = await this.read(dir);
      if (matcher?.ignores(toPosix(path.relative(dir, file)))) return path.join(dir, IGNORE_FILE);
    }
    return undefined;
  }

  private read(dir: string): Promise<Ignore | undefined> {
    let found = this.byFolder.get(dir);
    if (!found) {
      found = readFile(path.join(dir, IGNORE_FILE), 'utf8').then(
        (text) => ignore({ allowRelativePaths: true }).add(text),
        () => undefined, // no ignore file here (or one we cannot read)
      );
      this.byFolder.set(dir, found);
    }
    return found;
  }
}
