/**
 * The ignore files of a workspace, read once each (until `reset`): which one leaves a file out. The
 * `.gitignore` files of the file's git repository from its root down, and the `.notelintignore` files
 * from the workspace's top folder down — or, with `--ignore-path`, that one file instead — applied
 * git's way (workspace/ignore-rules.ts). The CLI's folder walk, its standard input and staged notes,
 * and the editor all ask this.
 */
import path from 'node:path';
import { ignoredBy, ignoreFilesAbove, readIgnoreFile, type IgnoreRules, type RefusedPattern } from './ignore-rules.js';

export class IgnoreSources {
  private readonly byFile = new Map<string, Promise<IgnoreRules | undefined>>();
  /** The ignore files that can apply in a folder, by folder and top folder. */
  private readonly byFolder = new Map<string, string[]>();
  private readonly refusedSeen = new Map<string, RefusedPattern>();

  /**
   * @param replacement `--ignore-path`: these rules replace every `.notelintignore` file.
   * @param onRefused told once of each pattern not used (it could take hours to match).
   */
  constructor(
    private readonly replacement?: IgnoreRules,
    private readonly onRefused: (pattern: RefusedPattern) => void = () => {},
  ) {
    for (const pattern of replacement?.refused ?? []) this.refuse(pattern);
  }

  /**
   * The ignore file that leaves `file` out, or undefined when none does. `top` is the folder the
   * `.notelintignore` files count from (the working folder or the workspace folder; for a file
   * outside it, every folder above the file).
   */
  async ignoring(file: string, top: string, isFolder = false): Promise<string | undefined> {
    const folder = path.dirname(file);
    const cacheKey = `${folder}\0${top}`;
    let files = this.byFolder.get(cacheKey);
    if (!files) {
      files = ignoreFilesAbove(file, top).filter((f) => !this.replacement || path.basename(f) !== '.notelintignore');
      this.byFolder.set(cacheKey, files);
    }
    const rules = (await Promise.all(files.map((f) => this.read(f)))).filter((r): r is IgnoreRules => r !== undefined);
    if (this.replacement) rules.push(this.replacement);
    return ignoredBy(rules, file, isFolder);
  }

  /** Every pattern not used in the ignore files read so far, once each. */
  refused(): RefusedPattern[] {
    return [...this.refusedSeen.values()];
  }

  private read(file: string): Promise<IgnoreRules | undefined> {
    let found = this.byFile.get(file);
    if (!found) {
      // No ignore file there (or one that cannot be read): undefined.
      found = readIgnoreFile(file).then((rules) => {
        for (const pattern of rules?.refused ?? []) this.refuse(pattern);
        return rules;
      });
      this.byFile.set(file, found);
    }
    return found;
  }

  private refuse(pattern: RefusedPattern): void {
    const key = `${pattern.file}:${pattern.line}`;
    if (this.refusedSeen.has(key)) return;
    this.refusedSeen.set(key, pattern);
    this.onRefused(pattern);
  }
}
