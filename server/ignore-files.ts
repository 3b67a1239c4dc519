import path from 'node:path';
import { readIgnoreFile, type IgnoreRules, type RefusedPattern } from '../files/ignore-rules.js';
import { isInside, toPosix } from '../files/paths.js';

const IGNORE_FILE = '.notelintignore';

/**
 * `.notelintignore` files (.gitignore syntax, relative to their own folder) between the workspace
 * folder and a note, as the CLI honours them: a note they leave out stays quiet in the editor too.
 * For a note outside the workspace folder, every folder above it counts.
 */
export class IgnoreFiles {
  private byFolder = new Map<string, Promise<IgnoreRules | undefined>>();

  /** `onRefused`: told of each pattern not used (it could take hours to match). */
  constructor(
    private readonly root: string,
    private readonly onRefused: (pattern: RefusedPattern) => void = () => {},
  ) {}

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
      if (matcher?.matcher.ignores(toPosix(path.relative(dir, file)))) return path.join(dir, IGNORE_FILE);
    }
    return undefined;
  }

  private read(dir: string): Promise<IgnoreRules | undefined> {
    let found = this.byFolder.get(dir);
    if (!found) {
      // No ignore file here (or one we cannot read): undefined.
      found = readIgnoreFile(path.join(dir, IGNORE_FILE)).then((rules) => {
        for (const pattern of rules?.refused ?? []) this.onRefused(pattern);
        return rules;
      });
      this.byFolder.set(dir, found);
    }
    return found;
  }
}
